package io.loyaltypulse.support.ingest;

import io.loyaltypulse.support.security.Scopes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.loyaltypulse.support.idempotency.EventFingerprint;
import io.loyaltypulse.support.idempotency.IdempotencyConflictException;
import io.loyaltypulse.support.idempotency.RecentEventIds;
import io.loyaltypulse.support.publishing.EventPublisher;
import io.loyaltypulse.support.publishing.PublishFailedException;
import io.loyaltypulse.support.validation.ValidationFailedException;
import io.loyaltypulse.support.validation.Violation;
import io.loyaltypulse.support.validation.Violations;
import io.loyaltypulse.support.problems.ApiException;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;

/**
 * From a bound request to an acknowledged event: validate everything, resolve the event
 * id, check the caller's scope, then publish unless the same event was accepted recently.
 */
public class IngestService {

	private static final Logger log = LoggerFactory.getLogger(IngestService.class);

	private final EventPublisher publisher;

	private final RecentEventIds recent;

	private final IngestProperties properties;

	private final Clock clock;

	public IngestService(EventPublisher publisher, RecentEventIds recent, IngestProperties properties, Clock clock) {
		this.publisher = publisher;
		this.recent = recent;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Validates {@code request} on top of what binding and the URL already found
	 * ({@code found}, pointers relative to the request), and authorises it.
	 * @param base JSON Pointer of the request within the body, "" or e.g.
	 * {@code /events/3}
	 * @param idempotencyKey the key this request's event id defaults to, or null
	 */
	public PreparedEvent prepare(EventRequest request, List<Violation> found, String base, String idempotencyKey,
			Authentication caller) {
		Violations checks = new Violations();
		Instant now = this.clock.instant();
		request.validate(checks, this.properties.earliestOccurredAt(now), now.plus(this.properties.maxFutureSkew()));
		String eventId = resolveEventId(request.eventId(), idempotencyKey, checks);
		List<Violation> all = new ArrayList<>(found);
		// A value that could not be bound is null now; "is required" would only repeat
		// it.
		checks.list()
			.stream()
			.filter((check) -> found.stream().noneMatch((bound) -> bound.pointer().equals(check.pointer())))
			.forEach(all::add);
		if (!all.isEmpty()) {
			throw new ValidationFailedException(all.stream()
				.map((violation) -> new Violation(base + violation.pointer(), violation.detail()))
				.toList());
		}
		Scopes.require(caller, request.type().scope(), request.type().eventName());
		SpecificRecord event = request.toEvent(eventId);
		return new PreparedEvent(request.type(), eventId, request.customerId(), request.occurredAt(), event,
				EventFingerprint.of(event));
	}

	/**
	 * Completes with the acceptance once Kafka acknowledged the event (or at once when it
	 * was accepted recently), or fails with an {@link ApiException}.
	 */
	public CompletableFuture<Accepted> publish(PreparedEvent prepared) {
		String topic = this.publisher.topicName(prepared.type().topic());
		return switch (this.recent.check(prepared.eventId(), prepared.fingerprint())) {
			case SAME -> CompletableFuture
				.completedFuture(new Accepted(prepared.eventId(), prepared.type().eventName(), topic, true));
			case DIFFERENT -> CompletableFuture.failedFuture(new IdempotencyConflictException(prepared.eventId()));
			case NEW -> this.publisher
				.publish(prepared.type().topic(), prepared.customerId(), prepared.occurredAt(), prepared.event())
				.thenApply((record) -> {
					this.recent.remember(prepared.eventId(), prepared.fingerprint());
					log.debug("Accepted {} {} at {}-{}@{}", prepared.type().eventName(), prepared.eventId(),
							record.topic(), record.partition(), record.offset());
					return new Accepted(prepared.eventId(), prepared.type().eventName(), topic, false);
				});
		};
	}

	/** Waits for {@link #publish}; the publisher bounds the wait. */
	public static Accepted await(CompletableFuture<Accepted> accepted) {
		try {
			return accepted.join();
		}
		catch (CompletionException ex) {
			throw unwrap(ex);
		}
	}

	public static ApiException unwrap(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		return (cause instanceof ApiException ingest) ? ingest : new PublishFailedException(cause);
	}

	private String resolveEventId(String bodyEventId, String idempotencyKey, Violations checks) {
		if (bodyEventId != null && idempotencyKey != null && !bodyEventId.equals(idempotencyKey)) {
			checks.add("eventId", "differs from the Idempotency-Key header ('" + idempotencyKey
					+ "'): send one of them, or the same value in both");
		}
		if (bodyEventId != null) {
			return bodyEventId;
		}
		// Without either, a retry cannot be recognised: it becomes a second event.
		return (idempotencyKey != null) ? idempotencyKey : UUID.randomUUID().toString();
	}

}
