package io.loyaltypulse.schemas.serde;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;

/**
 * The Avro data models the serde reads and writes with. They know the logical types used
 * by the event schemas (decimal money, timestamp-millis, date), so a
 * {@code GenericRecord} carries {@code BigDecimal}, {@code Instant} and {@code LocalDate}
 * just as the generated classes do.
 */
final class AvroModels {

	private AvroModels() {
	}

	static SpecificData specific() {
		SpecificData model = new SpecificData(AvroModels.class.getClassLoader());
		addLogicalTypes(model);
		return model;
	}

	static GenericData generic() {
		GenericData model = new GenericData(AvroModels.class.getClassLoader());
		addLogicalTypes(model);
		return model;
	}

	private static void addLogicalTypes(GenericData model) {
		model.addLogicalTypeConversion(new Conversions.DecimalConversion());
		model.addLogicalTypeConversion(new Conversions.UUIDConversion());
		model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
		model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
		model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
		model.addLogicalTypeConversion(new TimeConversions.DateConversion());
		model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
	}

}
