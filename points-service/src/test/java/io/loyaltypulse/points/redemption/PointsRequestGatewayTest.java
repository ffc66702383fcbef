package io.loyaltypulse.points.redemption;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsRequestStatus;
import io.loyaltypulse.support.requestreply.ReplyUnavailableException;
import io.loyaltypulse.support.requestreply.ReplyWaiters;
import io.loyaltypulse.support.requestreply.RequestReplyClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The gateway against Kafka's {@link MockProducer} and a time source the test moves: what
 * it sends, and that one deadline bounds the whole call.
 */
class PointsRequestGatewayTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String TOPIC = "points-requests";

	private final ReplyWaiters<PointsRequestOutcome> waiters = new ReplyWaiters<>(PointsRequestOutcome::getRequestId,
			PointsRequestOutcome::getAttemptId);

	private final AtomicLong nanoTime = new AtomicLong();

	private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

	@AfterEach
	void stopScheduler() {
		this.later.shutdownNow();
	}

	@Test
	void shouldSendTheRequestAndAnswerWithItsOutcome() {
		RequestProducer producer = new RequestProducer((record) -> this.waiters
			.complete(Outcomes.approved(((PointsRedemptionRequested) record.value()).getEventId())));
		PointsRequestGateway gateway = gateway(producer);

		PointsRequestOutcome outcome = gateway.redeem("c-1", "key-1", new RedemptionRequest(100L, "o-1", "a mug"));

		assertThat(outcome.getRequestId()).isEqualTo(PointsRequestGateway.requestId("redemption", "c-1", "key-1"));
		assertThat(producer.history()).singleElement().satisfies((record) -> {
			assertThat(record.topic()).isEqualTo(TOPIC);
			assertThat(record.key()).isEqualTo("c-1");
			assertThat(record.timestamp()).isEqualTo(this.clock.millis());
			assertThat(record.value()).isInstanceOfSatisfying(PointsRedemptionRequested.class, (request) -> {
				assertThat(request.getIdempotencyKey()).isEqualTo("key-1");
				assertThat(request.getPoints()).isEqualTo(100L);
			});
		});
		assertThat(this.waiters.waiting(outcome.getRequestId())).isZero();
	}

	@Test
	void shouldNotWaitForTheOutcomeLongerThanWhatTheSendLeftOfTheDeadline() {
		// The send uses up the whole deadline; the outcome comes a second later (real
		// time),
		// well within a second full timeout, which is what a call must not wait for.
		RequestProducer producer = new RequestProducer((record) -> {
			this.nanoTime.addAndGet(TIMEOUT.toNanos());
			String requestId = ((PointsRedemptionRequested) record.value()).getEventId();
			this.later.schedule(() -> this.waiters.complete(Outcomes.approved(requestId)), 1, TimeUnit.SECONDS);
		});
		PointsRequestGateway gateway = gateway(producer);

		assertThatExceptionOfType(ReplyUnavailableException.class)
			.isThrownBy(() -> gateway.redeem("c-1", "key-1", new RedemptionRequest(100L, null, null)))
			.satisfies((ex) -> assertThat(ex.maybeApplied()).isTrue());
	}

	@Test
	void shouldAnswerUnavailableAndForgetTheWaiterWhenNoOutcomeComes() {
		RequestProducer producer = new RequestProducer((record) -> this.nanoTime.addAndGet(TIMEOUT.toNanos()));
		PointsRequestGateway gateway = gateway(producer);

		assertThatExceptionOfType(ReplyUnavailableException.class)
			.isThrownBy(() -> gateway.redeem("c-1", "key-1", new RedemptionRequest(100L, null, null)))
			.satisfies((ex) -> assertThat(ex.maybeApplied()).isTrue());
		assertThat(this.waiters.waiting(PointsRequestGateway.requestId("redemption", "c-1", "key-1"))).isZero();
	}

	@Test
	void shouldNotSendWhileTheOutcomeListenerIsNotReading() {
		RequestProducer producer = new RequestProducer((record) -> {
		});
		PointsRequestGateway gateway = gateway(producer, () -> false);

		assertThatExceptionOfType(ReplyUnavailableException.class)
			.isThrownBy(() -> gateway.redeem("c-1", "key-1", new RedemptionRequest(100L, null, null)))
			.satisfies((ex) -> assertThat(ex.maybeApplied()).isFalse());
		assertThat(producer.history()).isEmpty();
	}

	@Test
	void shouldAnswerEachConcurrentCallWithTheSameKeyWithTheOutcomeOfItsOwnBody() throws Exception {
		// Two calls send different bodies under one key; the first call's send is
		// acknowledged only after the second call registered. The topology approves one
		// and answers the other IDEMPOTENCY_CONFLICT; each outcome echoes its record's
		// attempt id, and each call must get the answer to its own body.
		CompletableFuture<Void> secondRegistered = new CompletableFuture<>();
		RequestProducer producer = new RequestProducer((record) -> {
			PointsRedemptionRequested request = (PointsRedemptionRequested) record.value();
			this.later.execute(() -> {
				secondRegistered.join();
				this.waiters.complete(Outcomes.answering(request, (request.getPoints() == 100L)
						? PointsRequestStatus.APPROVED : PointsRequestStatus.IDEMPOTENCY_CONFLICT));
			});
		});
		PointsRequestGateway gateway = gateway(producer);
		String requestId = PointsRequestGateway.requestId("redemption", "c-1", "key-1");

		CompletableFuture<PointsRequestOutcome> first = CompletableFuture
			.supplyAsync(() -> redeem(gateway, new RedemptionRequest(100L, null, null)));
		CompletableFuture<PointsRequestOutcome> second = CompletableFuture
			.supplyAsync(() -> redeem(gateway, new RedemptionRequest(200L, null, null)));
		await().until(() -> this.waiters.waiting(requestId) == 2);
		secondRegistered.complete(null);

		assertThat(first.get(10, TimeUnit.SECONDS))
			.extracting(PointsRequestOutcome::getPoints, PointsRequestOutcome::getStatus)
			.containsExactly(100L, PointsRequestStatus.APPROVED);
		assertThat(second.get(10, TimeUnit.SECONDS))
			.extracting(PointsRequestOutcome::getPoints, PointsRequestOutcome::getStatus)
			.containsExactly(200L, PointsRequestStatus.IDEMPOTENCY_CONFLICT);
		assertThat(producer.history())
			.extracting((record) -> ((PointsRedemptionRequested) record.value()).getAttemptId())
			.doesNotContainNull()
			.doesNotHaveDuplicates();
	}

	private PointsRequestOutcome redeem(PointsRequestGateway gateway, RedemptionRequest body) {
		return gateway.redeem("c-1", "key-1", body);
	}

	private PointsRequestGateway gateway(RequestProducer producer) {
		return gateway(producer, () -> true);
	}

	private PointsRequestGateway gateway(RequestProducer producer, BooleanSupplier listenerReady) {
		return new PointsRequestGateway(new RequestReplyClient<>(producer, this.waiters, listenerReady, TIMEOUT,
				Duration.ofSeconds(1), this.nanoTime::get), TOPIC, this.clock);
	}

	/**
	 * A producer that acknowledges every send at once, after letting the test act on it.
	 */
	private static final class RequestProducer extends MockProducer<String, SpecificRecord> {

		private final Consumer<ProducerRecord<String, SpecificRecord>> onSend;

		RequestProducer(Consumer<ProducerRecord<String, SpecificRecord>> onSend) {
			super(true, null, new StringSerializer(), noBytes());
			this.onSend = onSend;
		}

		@Override
		public synchronized Future<RecordMetadata> send(ProducerRecord<String, SpecificRecord> record,
				Callback callback) {
			this.onSend.accept(record);
			return super.send(record, callback);
		}

		private static Serializer<SpecificRecord> noBytes() {
			return (topic, value) -> new byte[0];
		}

	}

}
