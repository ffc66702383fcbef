package io.loyaltypulse.survey.nps;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import io.loyaltypulse.events.SurveyResponded;

/**
 * What counts of one version of a survey response: its score (null when the question was
 * skipped) and the dimension values it names (a dimension it does not name is absent).
 *
 * @param score 0 to 10, or null when skipped
 * @param values the dimension values, in dimension order
 */
public record Answer(Integer score, Map<Dimension, String> values) {

	public Answer {
		EnumMap<Dimension, String> copy = new EnumMap<>(Dimension.class);
		values.forEach((dimension, value) -> {
			if (value != null) {
				copy.put(dimension, value);
			}
		});
		values = Collections.unmodifiableMap(copy);
	}

	/** The answer a survey response carries. */
	public static Answer of(SurveyResponded response) {
		Map<Dimension, String> values = new EnumMap<>(Dimension.class);
		values.put(Dimension.STORE, response.getStoreId());
		values.put(Dimension.CHANNEL, response.getChannel());
		values.put(Dimension.REGION, response.getRegion());
		values.put(Dimension.SEGMENT, response.getSegment());
		values.put(Dimension.TOUCHPOINT, response.getTouchpoint());
		values.put(Dimension.SURVEY, response.getSurveyId());
		return new Answer(response.getScore(), values);
	}

}
