package io.loyaltypulse.survey.ingest;

import java.util.List;
import java.util.Map;

import io.loyaltypulse.events.ComplaintResolved;
import io.loyaltypulse.support.ingest.BatchCheck;
import io.loyaltypulse.support.ingest.BatchItems;
import io.loyaltypulse.support.ingest.PreparedEvent;
import io.loyaltypulse.support.validation.Violations;
import tools.jackson.databind.JsonNode;

/**
 * Where each complaint of a batch is filed, so that its resolution in the same batch is
 * checked against it.
 *
 * <p>
 * Rule: a resolution of a complaint filed in the same batch comes after it, since both
 * are published in item order on the customer's partition.
 */
final class ComplaintsInBatch implements BatchCheck {

	private final Map<List<String>, Integer> filedAt;

	private ComplaintsInBatch(Map<List<String>, Integer> filedAt) {
		this.filedAt = filedAt;
	}

	/** Where each complaint of the batch is filed, from the raw items. */
	static ComplaintsInBatch scan(List<JsonNode> items) {
		return new ComplaintsInBatch(BatchItems.firstIndexOf(items, "ComplaintFiled", "customerId", "complaintId"));
	}

	@Override
	public void check(int index, PreparedEvent prepared) {
		if (prepared.event() instanceof ComplaintResolved resolution) {
			Integer filed = this.filedAt.get(List.of(resolution.getCustomerId(), resolution.getComplaintId()));
			if (filed != null && filed > index) {
				Violations violations = new Violations().at("events").at(index);
				violations.add("complaintId", "is filed later in this batch (/events/" + filed
						+ "): a resolution must come after its complaint");
				violations.throwIfAny();
			}
		}
	}

}
