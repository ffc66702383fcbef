package io.loyaltypulse.support.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.support.idempotency.IdempotencyKeyHeader;
import io.loyaltypulse.support.json.StrictJsonReader;
import io.loyaltypulse.support.problems.ApiException;
import io.loyaltypulse.support.validation.ValidationFailedException;
import io.loyaltypulse.support.validation.Violation;
import io.loyaltypulse.support.validation.Violations;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;

/**
 * One event per request, for a service's controller to hand over: the body read strictly
 * ({@code loyalty.ingest.max-request-size}) and bound to the kind's request class, the
 * ids of the URL path applied, everything validated at once, the caller's scope checked,
 * the event published. Answers 202 with the event id once Kafka acknowledged the event
 * (or at once when it was accepted recently, {@code Idempotent-Replayed: true}), else
 * throws the {@link ApiException} that is the problem to answer.
 */
public class EventIngest {

	private final StrictJsonReader reader;

	private final IngestService ingest;

	private final IngestMetrics metrics;

	private final IngestProperties properties;

	public EventIngest(StrictJsonReader reader, IngestService ingest, IngestMetrics metrics,
			IngestProperties properties) {
		this.reader = reader;
		this.ingest = ingest;
		this.metrics = metrics;
		this.properties = properties;
	}

	/**
	 * Puts the ids of the URL path into a bound request, adding a violation for a body
	 * that names other ones ({@link EventRequest#pathId}).
	 */
	@FunctionalInterface
	public interface PathIds {

		/** A URL without ids. */
		PathIds NONE = (request, violations) -> request;

		EventRequest apply(EventRequest request, Violations violations);

	}

	/** An event whose URL names no id. */
	public ResponseEntity<Accepted> accept(EventKind kind, HttpServletRequest http, Authentication caller)
			throws IOException {
		return accept(kind, http, caller, PathIds.NONE);
	}

	/**
	 * An event whose URL names ids; the {@code Idempotency-Key} header is read from
	 * {@code http}.
	 */
	public ResponseEntity<Accepted> accept(EventKind kind, HttpServletRequest http, Authentication caller,
			PathIds pathIds) throws IOException {
		try {
			String idempotencyKey = IdempotencyKeyHeader.validated(http.getHeader(IdempotencyKeyHeader.NAME));
			byte[] body = this.reader.readBody(http, this.properties.maxRequestSize());
			List<Violation> found = new ArrayList<>();
			EventRequest request = this.reader.bind(this.reader.parse(body), kind.requestClass(), found);
			if (request == null) {
				throw new ValidationFailedException(found);
			}
			Violations pathViolations = new Violations();
			request = pathIds.apply(request, pathViolations);
			found.addAll(pathViolations.list());
			Accepted accepted = IngestService
				.await(this.ingest.publish(this.ingest.prepare(request, found, "", idempotencyKey, caller)));
			this.metrics.accepted(kind, accepted.seenRecently());
			return ResponseEntity.accepted()
				.header(IdempotencyKeyHeader.REPLAYED, Boolean.toString(accepted.seenRecently()))
				.body(accepted);
		}
		catch (ApiException ex) {
			this.metrics.rejected(kind, ex.reason());
			throw ex;
		}
	}

}
