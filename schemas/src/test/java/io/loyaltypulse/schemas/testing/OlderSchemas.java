package io.loyaltypulse.schemas.testing;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Earlier versions of event schemas, as a platform that has not upgraded yet still writes
 * them.
 */
public final class OlderSchemas {

	private OlderSchemas() {
	}

	/** SurveyResponded before comment, store, channel, region and segment were added. */
	public static GenericRecord surveyRespondedV0(String customerId, int score) {
		Schema schema = SchemaBuilder.record("SurveyResponded")
			.namespace("io.loyaltypulse.events")
			.fields()
			.requiredString("eventId")
			.requiredString("customerId")
			.name("occurredAt")
			.type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)))
			.noDefault()
			.requiredString("responseId")
			.requiredString("surveyId")
			.optionalInt("score")
			.requiredString("touchpoint")
			.endRecord();
		GenericRecord record = new GenericData.Record(schema);
		record.put("eventId", "evt-v0-" + customerId);
		record.put("customerId", customerId);
		record.put("occurredAt", SampleEvents.OCCURRED_AT);
		record.put("responseId", "resp-v0");
		record.put("surveyId", "nps-2025");
		record.put("score", score);
		record.put("touchpoint", "SUPPORT");
		return record;
	}

}
