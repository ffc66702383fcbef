package io.loyaltypulse.survey.complaints;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import io.loyaltypulse.events.ComplaintFiled;
import io.loyaltypulse.survey.nps.Dimension;

/**
 * A complaint as filed, kept until it is resolved, so that its resolution counts in the
 * slices and on the day the complaint counted in.
 *
 * @param filedAt when it was filed
 * @param category what it is about
 * @param severity how serious it is
 * @param values its store, channel, region and segment, those it names
 */
public record FiledComplaint(Instant filedAt, String category, String severity, Map<Dimension, String> values) {

	public FiledComplaint {
		EnumMap<Dimension, String> copy = new EnumMap<>(Dimension.class);
		values.forEach((dimension, value) -> {
			if (value != null) {
				copy.put(dimension, value);
			}
		});
		values = Collections.unmodifiableMap(copy);
	}

	public static FiledComplaint of(ComplaintFiled complaint) {
		Map<Dimension, String> values = new EnumMap<>(Dimension.class);
		values.put(Dimension.STORE, complaint.getStoreId());
		values.put(Dimension.CHANNEL, complaint.getChannel());
		values.put(Dimension.REGION, complaint.getRegion());
		values.put(Dimension.SEGMENT, complaint.getSegment());
		return new FiledComplaint(complaint.getOccurredAt(), complaint.getCategory(), complaint.getSeverity().name(),
				values);
	}

}
