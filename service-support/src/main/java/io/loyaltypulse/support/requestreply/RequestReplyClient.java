package io.loyaltypulse.support.requestreply;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Request/reply over Kafka: sends a request record for a topology to decide, and waits
 * for the reply that a {@link ReplyListener} reads. The caller derives the request id
 * from its idempotency key, so a retried call is the same request: the topology answers
 * it again with its first decision and never applies it twice.
 * <p>
 * Rule: one deadline, {@code timeout} after the call started, bounds the send and the
 * wait together; a call that cannot be answered in time fails with
 * {@link ReplyUnavailableException}, saying whether the request may still be applied.
 *
 * @param <V> the request
 * @param <R> the reply
 */
public final class RequestReplyClient<V, R> {

	private final Producer<String, V> producer;

	private final ReplyWaiters<R> waiters;

	private final BooleanSupplier listenerReady;

	private final Duration timeout;

	private final Duration retryAfter;

	private final LongSupplier nanoTime;

	/**
	 * @param producer a durable producer whose {@code max.block.ms} is at most
	 * {@code timeout}
	 * @param listenerReady whether replies are being read; no request is sent otherwise
	 * @param nanoTime the time source of the deadline ({@code System::nanoTime})
	 */
	public RequestReplyClient(Producer<String, V> producer, ReplyWaiters<R> waiters, BooleanSupplier listenerReady,
			Duration timeout, Duration retryAfter, LongSupplier nanoTime) {
		this.producer = producer;
		this.waiters = waiters;
		this.listenerReady = listenerReady;
		this.timeout = timeout;
		this.retryAfter = retryAfter;
		this.nanoTime = nanoTime;
	}

	public R call(ProducerRecord<String, V> request, String requestId, String attemptId) {
		long deadline = this.nanoTime.getAsLong() + this.timeout.toNanos();
		if (!this.listenerReady.getAsBoolean()) {
			throw ReplyUnavailableException.notSent("replies are not being read", this.retryAfter);
		}
		// Registered before sending, so that a reply arriving at once is not missed.
		try (ReplyWaiters<R>.Waiter waiter = this.waiters.register(requestId, attemptId)) {
			Future<?> sent = send(request);
			sent.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
			return waiter.outcome().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw ReplyUnavailableException.unknown("no outcome within " + this.timeout, this.retryAfter);
		}
		catch (ExecutionException ex) {
			throw ReplyUnavailableException.unknown("sending the request failed: " + ex.getCause().getMessage(),
					this.retryAfter);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ReplyUnavailableException.unknown("the call was interrupted", this.retryAfter);
		}
	}

	private Future<?> send(ProducerRecord<String, V> request) {
		try {
			return this.producer.send(request);
		}
		catch (KafkaException ex) {
			// Thrown before the record was handed to the network: no metadata in time, or
			// it could not be serialized.
			throw ReplyUnavailableException.notSent("the request could not be sent: " + ex.getMessage(),
					this.retryAfter);
		}
	}

	private long remainingMillis(long deadline) {
		return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - this.nanoTime.getAsLong()));
	}

}
