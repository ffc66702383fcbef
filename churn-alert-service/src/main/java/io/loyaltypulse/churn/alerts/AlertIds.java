package io.loyaltypulse.churn.alerts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import io.loyaltypulse.events.ChurnSignal;

/**
 * Alert ids name their customer: {@code <base64url(customerId)>.<signal>.<n>}, so that
 * any instance routes an action or a query to the instance that owns the customer with no
 * lookup, and the id stays safe in a URL whatever the customer id holds.
 */
public final class AlertIds {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private AlertIds() {
	}

	public static String of(String customerId, ChurnSignal signal, int sequence) {
		return ENCODER.encodeToString(customerId.getBytes(StandardCharsets.UTF_8)) + "."
				+ signal.name().toLowerCase(Locale.ROOT) + "." + sequence;
	}

	/** The customer an alert id names, or empty when it is not an alert id. */
	public static Optional<String> customerOf(String alertId) {
		String[] parts = alertId.split("\\.", -1);
		if (parts.length != 3 || parts[0].isEmpty() || !parts[2].matches("[1-9][0-9]{0,9}")) {
			return Optional.empty();
		}
		try {
			ChurnSignal signal = ChurnSignal.valueOf(parts[1].toUpperCase(Locale.ROOT));
			String customerId = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
			// Only the one spelling this class writes: no second id for the same alert.
			return of(customerId, signal, Integer.parseInt(parts[2])).equals(alertId) ? Optional.of(customerId)
					: Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
