package io.loyaltypulse.survey.ingest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.loyaltypulse.events.ComplaintFiled;
import io.loyaltypulse.events.ComplaintSeverity;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.EventRequest;
import io.loyaltypulse.support.validation.Violations;

/** A complaint, as {@code POST /api/v1/complaints} receives it. */
record ComplaintRequest(String eventId, String customerId, Instant occurredAt, String complaintId, String category,
		String severity, String orderId, String text, String storeId, String channel, String region,
		String segment) implements EventRequest {

	static final int MAX_TEXT_LENGTH = 5000;

	static final List<String> SEVERITIES = Arrays.stream(ComplaintSeverity.values()).map(Enum::name).toList();

	@Override
	public EventKind type() {
		return SurveyEventType.COMPLAINT_FILED;
	}

	@Override
	public void validate(Violations violations, Instant earliestOccurredAt, Instant latestOccurredAt) {
		EventRequest.validateCommon(this, violations, earliestOccurredAt, latestOccurredAt);
		violations.requireText("complaintId", this.complaintId);
		violations.requireText("category", this.category);
		violations.requireOneOf("severity", this.severity, SEVERITIES);
		violations.optionalText("orderId", this.orderId);
		violations.optionalFreeText("text", this.text, MAX_TEXT_LENGTH);
		violations.optionalText("storeId", this.storeId);
		violations.optionalText("channel", this.channel);
		violations.optionalText("region", this.region);
		violations.optionalText("segment", this.segment);
	}

	@Override
	public ComplaintFiled toEvent(String resolvedEventId) {
		return ComplaintFiled.newBuilder()
			.setEventId(resolvedEventId)
			.setCustomerId(this.customerId)
			.setOccurredAt(this.occurredAt)
			.setComplaintId(this.complaintId)
			.setCategory(this.category)
			.setSeverity(ComplaintSeverity.valueOf(this.severity))
			.setOrderId(this.orderId)
			.setText(this.text)
			.setStoreId(this.storeId)
			.setChannel(this.channel)
			.setRegion(this.region)
			.setSegment(this.segment)
			.build();
	}

}
