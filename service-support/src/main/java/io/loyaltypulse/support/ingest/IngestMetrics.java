package io.loyaltypulse.support.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code loyalty.ingest.events} (Prometheus: {@code loyalty_ingest_events_total}) by
 * {@code type}, {@code outcome} (accepted, duplicate, rejected) and {@code reason} (none,
 * or the problem type's last segment: invalid, malformed, too-large, forbidden, conflict,
 * unavailable, publish-failed).
 */
public class IngestMetrics {

	static final String UNKNOWN_TYPE = "unknown";

	private final MeterRegistry meters;

	// Looking a meter up by name and tags on every request sorts and compares tags; the
	// few combinations there are get built once.
	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	public IngestMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	public void accepted(EventKind type, boolean seenRecently) {
		counter(type.eventName(), seenRecently ? "duplicate" : "accepted", "none").increment();
	}

	public void rejected(EventKind type, String reason) {
		counter((type != null) ? type.eventName() : UNKNOWN_TYPE, "rejected", reason).increment();
	}

	private Counter counter(String type, String outcome, String reason) {
		return this.counters.computeIfAbsent(type + '|' + outcome + '|' + reason,
				(key) -> register(type, outcome, reason));
	}

	private Counter register(String type, String outcome, String reason) {
		return Counter.builder("loyalty.ingest.events")
			.description("Events received over HTTP, by type and outcome")
			.tag("type", type)
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.meters);
	}

}
