package io.loyaltypulse.survey.ingest;

import java.time.Instant;

import io.loyaltypulse.events.ComplaintResolved;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.EventRequest;
import io.loyaltypulse.support.validation.Violations;

/**
 * The resolution of a complaint, as {@code POST
 * /api/v1/complaints/{complaintId}/resolution} receives it.
 */
record ResolutionRequest(String eventId, String customerId, Instant occurredAt, String complaintId, String resolution,
		Boolean customerSatisfied) implements EventRequest {

	@Override
	public EventKind type() {
		return SurveyEventType.COMPLAINT_RESOLVED;
	}

	ResolutionRequest withComplaintId(String pathComplaintId, Violations violations) {
		return new ResolutionRequest(this.eventId, this.customerId, this.occurredAt,
				EventRequest.pathId("complaintId", this.complaintId, pathComplaintId, violations), this.resolution,
				this.customerSatisfied);
	}

	@Override
	public void validate(Violations violations, Instant earliestOccurredAt, Instant latestOccurredAt) {
		EventRequest.validateCommon(this, violations, earliestOccurredAt, latestOccurredAt);
		violations.requireText("complaintId", this.complaintId);
		violations.requireText("resolution", this.resolution);
	}

	@Override
	public ComplaintResolved toEvent(String resolvedEventId) {
		return ComplaintResolved.newBuilder()
			.setEventId(resolvedEventId)
			.setCustomerId(this.customerId)
			.setOccurredAt(this.occurredAt)
			.setComplaintId(this.complaintId)
			.setResolution(this.resolution)
			.setCustomerSatisfied(this.customerSatisfied)
			.build();
	}

}
