package io.loyaltypulse.support.streams;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.loyaltypulse.schemas.registry.RetryPolicy;
import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed stream thread leads to: a schema registry out of reach (a transient
 * {@link SchemaRegistryException} in the cause chain: a record could not be decoded or
 * encoded) replaces the thread after a backoff, so that the task reads its records again
 * from the last commit once the registry is back; anything else is a bug, and the client
 * shuts down (health DOWN) rather than skip data.
 *
 * <p>
 * Without it, a service started while the registry is down (its schema cache empty) fails
 * on its first record and stays down after the registry came back.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);

	/** 1 s doubling to 30 s while the registry stays away; never gives up. */
	static final RetryPolicy BACKOFF = RetryPolicy.UNTIL_BACK;

	/** Failures further apart than this start the backoff again. */
	static final Duration RESET_AFTER = Duration.ofMinutes(5);

	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

	private final String name;

	private final Sleeper sleeper;

	private final LongSupplier nanoTime;

	private int inARow;

	private long lastFailure;

	StreamThreadFailures(String name, Sleeper sleeper, LongSupplier nanoTime) {
		this.name = name;
		this.sleeper = sleeper;
		this.nanoTime = nanoTime;
	}

	@Override
	public StreamThreadExceptionResponse handle(Throwable exception) {
		if (!SchemaRegistryException.isTransientCause(exception)) {
			log.error("{} streams failed; shutting the client down", this.name, exception);
			return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
		}
		Duration wait = nextWait();
		try {
			// On the failed thread, which does nothing else: the replacement waits.
			this.sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return StreamThreadExceptionResponse.REPLACE_THREAD;
	}

	/**
	 * The backoff of this failure, counted under the lock; the failed thread sleeps
	 * outside it, so that threads failing together wait side by side, not in turn.
	 */
	private synchronized Duration nextWait() {
		long now = this.nanoTime.getAsLong();
		if (this.inARow > 0 && now - this.lastFailure > RESET_AFTER.toNanos()) {
			this.inARow = 0;
		}
		this.lastFailure = now;
		Duration wait = BACKOFF.waitBefore(++this.inARow);
		log.warn("{} streams: the schema registry is out of reach ({} times in a row); replacing the stream thread "
				+ "in {} to read again from the last commit", this.name, this.inARow, wait);
		return wait;
	}

}
