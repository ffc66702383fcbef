package io.loyaltypulse.support.ingest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a batch: counts, and one result per item in request order.
 *
 * @param accepted items acknowledged by Kafka (or accepted recently)
 * @param rejected items refused, each with its problem
 */
public record BatchResult(int accepted, int rejected, List<Item> results) {

	/**
	 * One item: {@code status} 202 with the event id, or the problem's status and the
	 * problem (RFC 9457 members, pointers relative to the whole batch body), with the
	 * event id when it was resolved.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Item(int index, int status, String eventId, String type, String topic, Boolean seenRecently,
			Map<String, Object> problem) {

		static Item accepted(int index, Accepted accepted) {
			return new Item(index, 202, accepted.eventId(), accepted.type(), accepted.topic(), accepted.seenRecently(),
					null);
		}

		/** A refused item, with its event id when it was resolved (else null). */
		static Item rejected(int index, int status, String eventId, Map<String, Object> problem) {
			return new Item(index, status, eventId, null, null, null, problem);
		}

	}

}
