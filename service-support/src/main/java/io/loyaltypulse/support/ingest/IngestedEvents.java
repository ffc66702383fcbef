package io.loyaltypulse.support.ingest;

import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * The events a service accepts over HTTP, as one bean: with it, service-support serves
 * the batch endpoint {@code POST /api/v1/events:batch} ({@link BatchController}) for
 * these kinds.
 *
 * @param kinds the kinds a batch item may name as its {@code type}
 * @param batchChecks what is checked across the items of one batch, made from its raw
 * items ({@link BatchCheck#NONE} when nothing is)
 */
public record IngestedEvents(List<EventKind> kinds, Function<List<JsonNode>, BatchCheck> batchChecks) {

	public IngestedEvents {
		kinds = List.copyOf(kinds);
	}

}
