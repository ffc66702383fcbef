package io.loyaltypulse.points.topology;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.points.ledger.NegativeBalancePolicy;
import io.loyaltypulse.support.streams.DeadLetterHandler;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.loyaltypulse.points.Events.adjustment;
import static io.loyaltypulse.points.Events.purchase;
import static io.loyaltypulse.points.Events.refundLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Poison records go to purchases.DLT with the reason in headers, the customer's state
 * stays as it was, and processing continues.
 */
class DeadLetterTopologyTest extends OneDriverPerTest {

	static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

	@Test
	void shouldSkipUndecodableBytesAndContinue() {
		// Where the bytes go (purchases.DLT) is proven by DeadLetterHandlerTest and,
		// through
		// a real broker, by PointsServiceIT: TopologyTestDriver does not capture records
		// a
		// deserialization handler sends.
		this.points.rawPurchases.pipeInput("c1", "not avro".getBytes(StandardCharsets.UTF_8), T0);
		this.points.send(purchase("c1", "o1", T0).line("1", "GROCERY", 1, "10.00").build());

		assertThat(this.points.ledgerEntries()).as("the valid purchase after the undecodable bytes is processed")
			.extracting(PointsTransaction::getKind, PointsTransaction::getOrderId, PointsTransaction::getPoints)
			.containsExactly(tuple(PointsTransactionKind.EARN, "o1", 10L));
	}

	@Test
	void shouldDeadLetterAnEventFromTheFutureAndNeverAdvanceOtherAccountsPastTheWallClock(@TempDir Path dir) {
		Instant wall = PointsDriver.WALL_CLOCK_START;
		try (PointsDriver skewed = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, dir, Duration.ofHours(1),
				Long.MAX_VALUE)) {
			// c1's lot expires 2026-06-01, five months after the wall clock.
			skewed.send(adjustment("c1", "credit", 100, Instant.parse("2025-06-01T00:00:00Z")));
			skewed.send(purchase("c2", "o-2126", Instant.parse("2126-01-01T00:00:00Z")).line("1", "GROCERY", 1, "10.00")
				.build());
			skewed.wallClockTo(wall.plusSeconds(30));
			skewed.send(adjustment("c3", "credit", 1, wall));
			// Not idle: stream time (2126), bounded by the wall clock.
			skewed.wallClockTo(wall.plusSeconds(60));
			skewed.wallClockTo(wall.plusSeconds(600));

			assertThat(skewed.ledgerEntries()).as("no earning in 2126, nothing of c1 expired")
				.extracting(PointsTransaction::getCustomerId, PointsTransaction::getKind)
				.containsExactly(tuple("c1", PointsTransactionKind.ADJUST), tuple("c3", PointsTransactionKind.ADJUST));
			assertThat(skewed.purchasesDeadLetters.readRecordsToList()).singleElement()
				.satisfies((deadLetter) -> assertThat(header(deadLetter, DeadLetterHandler.REASON_HEADER))
					.contains("ahead of the wall clock"));
			assertThat(skewed.summary("c1", wall.plusSeconds(600), 30).available()).isEqualTo(100);
		}
	}

	@Test
	void shouldDeadLetterAPurchaseWhoseTotalExceedsItsLinesOrWhosePointsOverflow() {
		this.points.send(purchase("c1", "o-inflated", T0).line("1", "GROCERY", 1, "10.00").total("10000.00").build());
		// Within decimal(19,4), but points x refunded units overflow a long.
		this.points.send(purchase("c1", "o-huge", T0.plusSeconds(60)).line("1", "GROCERY", 2_000_000_000, "500000.00")
			.total("999999999999999.9999")
			.build());
		this.points.send(refundLines("c1", "o-huge", "r-huge", T0.plusSeconds(90), "1.00", "1", "10000"));
		this.points.send(purchase("c1", "o1", T0.plusSeconds(120)).line("1", "GROCERY", 1, "10.00").build());

		assertThat(this.points.purchasesDeadLetters.readRecordsToList())
			.extracting((record) -> header(record, DeadLetterHandler.REASON_HEADER))
			.satisfiesExactly((reason) -> assertThat(reason).contains("more than its lines"),
					(reason) -> assertThat(reason).contains("out of range"));
		assertThat(this.points.ledgerEntries()).extracting(PointsTransaction::getOrderId, PointsTransaction::getPoints)
			.as("the refused refund changed nothing, and processing continued (o1 at GOLD x1.5)")
			.containsExactly(tuple("o-huge", 999_999_999_999_999L), tuple("o1", 15L));
	}

	@Test
	void shouldDeadLetterAPurchaseEarningMoreThanTheMaximumPerEvent(@TempDir Path dir) {
		try (PointsDriver capped = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, dir,
				PointsDriver.ANY_CLOCK_SKEW, 1_000)) {
			capped.send(purchase("c1", "o-big", T0).line("1", "GROCERY", 1, "1001.00").build());
			capped.send(purchase("c1", "o1", T0.plusSeconds(60)).line("1", "GROCERY", 1, "1000.00").build());

			assertThat(capped.purchasesDeadLetters.readRecordsToList()).singleElement()
				.satisfies((deadLetter) -> assertThat(header(deadLetter, DeadLetterHandler.REASON_HEADER))
					.contains("max-points-per-event"));
			assertThat(capped.ledgerEntries()).extracting(PointsTransaction::getOrderId, PointsTransaction::getPoints)
				.containsExactly(tuple("o1", 1000L));
		}
	}

	@Test
	void shouldSendARefundOfAnUnknownCustomerOrOrderOrTooManyUnitsToTheDeadLetterTopic() {
		byte[] stranger = this.points.topics.purchases()
			.valueSerde()
			.serializer()
			.serialize("purchases", refundLines("stranger", "o1", "r0", T0, "10.00", "1", "1"));
		this.points.send(refundLines("stranger", "o1", "r0", T0, "10.00", "1", "1"));
		this.points.send(purchase("c1", "o1", T0).line("1", "GROCERY", 2, "10.00").build());
		this.points.send(refundLines("c1", "o-unknown", "r1", T0.plusSeconds(60), "10.00", "1", "1"));
		PurchaseRefunded tooMany = refundLines("c1", "o1", "r2", T0.plusSeconds(120), "10.00", "1", "3");
		this.points.send(tooMany);
		this.points.send(refundLines("c1", "o1", "r3", T0.plusSeconds(180), "10.00", "1", "1"));

		List<TestRecord<byte[], byte[]>> deadLetters = this.points.purchasesDeadLetters.readRecordsToList();
		assertThat(deadLetters.get(0).value()).as("the record as it was read").isEqualTo(stranger);
		assertThat(header(deadLetters.get(0), DeadLetterHandler.ORIGIN_TOPIC_HEADER)).isEqualTo("purchases");
		assertThat(header(deadLetters.get(0), DeadLetterHandler.ORIGIN_OFFSET_HEADER)).isEqualTo("0");
		assertThat(deadLetters).extracting((record) -> header(record, DeadLetterHandler.REASON_HEADER))
			.satisfiesExactly((reason) -> assertThat(reason).contains("unknown order o1 of customer stranger"),
					(reason) -> assertThat(reason).contains("unknown order o-unknown"),
					(reason) -> assertThat(reason).contains("more units of line 1 than were bought"));
		// The refused refund changed nothing: the valid one after it takes back one unit.
		assertThat(this.points.ledgerEntries()).extracting(PointsTransaction::getPoints).containsExactly(20L, -10L);
	}

	private static String header(TestRecord<byte[], byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
