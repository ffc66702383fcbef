package io.loyaltypulse.support.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamThreadFailuresTest {

	private final List<Duration> waits = new ArrayList<>();

	private final AtomicLong clock = new AtomicLong();

	private final StreamThreadFailures failures = new StreamThreadFailures("test", this.waits::add, this.clock::get);

	@Test
	void shouldReplaceTheThreadAfterABackoffWhileTheRegistryIsOutOfReach() {
		for (int i = 0; i < 7; i++) {
			assertThat(this.failures.handle(registryDown())).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
		}
		assertThat(this.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
				Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
	}

	@Test
	void shouldStartTheBackoffAgainAfterAQuietWhile() {
		this.failures.handle(registryDown());
		this.failures.handle(registryDown());
		this.clock.addAndGet(Duration.ofMinutes(6).toNanos());
		this.failures.handle(registryDown());
		assertThat(this.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1));
	}

	@Test
	void shouldShutTheClientDownOnAnythingElse() {
		assertThat(this.failures.handle(new StreamsException(new IllegalStateException("a bug"))))
			.isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
		assertThat(this.failures.handle(new StreamsException(
				new SerializationException("bad bytes", new SchemaRegistryException(404, 40403, "schema not found")))))
			.isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
		assertThat(this.waits).isEmpty();
	}

	private static StreamsException registryDown() {
		return new StreamsException("Deserialization exception handler is set to fail",
				new SerializationException("could not fetch schema 7",
						new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, 0, "connection refused")));
	}

}
