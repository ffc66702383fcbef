package io.loyaltypulse.schemas.registry;

import java.util.List;

/** The verdict of a compatibility test, with the reasons when it fails. */
public record CompatibilityCheck(boolean compatible, List<String> messages) {

	public CompatibilityCheck {
		messages = List.copyOf(messages);
	}

	static CompatibilityCheck ok() {
		return new CompatibilityCheck(true, List.of());
	}

}
