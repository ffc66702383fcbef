package io.loyaltypulse.survey.nps;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an NPS answer can be sliced by, in the order slice keys name them: store, channel,
 * region, segment, touchpoint, survey.
 */
public enum Dimension {

	STORE("store"), CHANNEL("channel"), REGION("region"), SEGMENT("segment"), TOUCHPOINT("touchpoint"),
	SURVEY("survey");

	private final String key;

	Dimension(String key) {
		this.key = key;
	}

	/** The name in slice keys, query parameters and configuration, e.g. {@code store}. */
	public String key() {
		return this.key;
	}

	public static Optional<Dimension> byKey(String key) {
		return Arrays.stream(values()).filter((dimension) -> dimension.key.equals(key)).findFirst();
	}

}
