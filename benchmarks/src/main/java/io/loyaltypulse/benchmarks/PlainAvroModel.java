package io.loyaltypulse.benchmarks;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;

/**
 * The data model of the plain-Avro yardstick: a copy of the serde's
 * {@code io.loyaltypulse.schemas.serde.AvroModels#specific()} (package-private there),
 * with the same logical-type conversions in the same order, so that the yardstick
 * converts {@code BigDecimal}, {@code Instant} and {@code LocalDate} exactly as the serde
 * does and the comparison isolates the serde's own work. Keep it in step with
 * {@code AvroModels}; {@code AvroSerdeRoundTripTest} fails if the two ever encode
 * differently.
 */
final class PlainAvroModel {

	private PlainAvroModel() {
	}

	static SpecificData specific() {
		SpecificData model = new SpecificData(PlainAvroModel.class.getClassLoader());
		model.addLogicalTypeConversion(new Conversions.DecimalConversion());
		model.addLogicalTypeConversion(new Conversions.UUIDConversion());
		model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
		model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
		model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
		model.addLogicalTypeConversion(new TimeConversions.DateConversion());
		model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
		return model;
	}

}
