package io.loyaltypulse.churn.scorecard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.support.streams.DeadLetterHandler;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.loyaltypulse.churn.scorecard.ScorecardEvents.order;
import static io.loyaltypulse.churn.scorecard.ScorecardEvents.points;
import static io.loyaltypulse.churn.scorecard.ScorecardEvents.refund;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard end to end in the churn topology ({@link ScorecardDriver}): every figure
 * of a seeded random history (duplicates, refunds, ledger entries) equals what an
 * independent oracle computes from the event list, and the same history in order,
 * shuffled within a bound, or in any order at all gives the same store.
 */
class ScorecardTopologyTest {

	private static final Logger log = LoggerFactory.getLogger(ScorecardTopologyTest.class);

	private static final long SEED = 20261130L;

	private final List<ScorecardDriver> drivers = new ArrayList<>();

	@AfterEach
	void close() {
		this.drivers.forEach(ScorecardDriver::close);
	}

	private ScorecardDriver driver() {
		ScorecardDriver driver = new ScorecardDriver(8);
		this.drivers.add(driver);
		return driver;
	}

	@Test
	void shouldHoldForEveryQuarterAndSliceWhatTheOracleComputesFromTheEvents() {
		List<SpecificRecord> history = RandomHistory.generate(SEED, 300);
		ScorecardDriver scorecard = driver();
		Map<String, RecordsWritten> written = sendMeasuring(scorecard, history);

		Map<String, String> expected = ScorecardOracle.figures(history, "EUR");
		assertThat(expected).as("6 quarters x (all, 5 stores, 3 regions)").hasSize(54);
		assertThat(rendered(scorecard.figures())).isEqualTo(expected);
		written.forEach((kind, records) -> log.info("scorecard records per {}: {}", kind, records));
		assertThat(written.get("PurchaseCompleted").maxDeltas()).as("its own quarter, and the first order's")
			.isLessThanOrEqualTo(6);
		assertThat(written.get("PurchaseRefunded").maxDeltas()).as("its order's quarter").isLessThanOrEqualTo(3);
		assertThat(written.get("repeated event").customerWrites() + written.get("repeated event").deltas()).isZero();
		assertThat(scorecard.count("churn.scorecard.figure.writes"))
			.isEqualTo(scorecard.count("churn.scorecard.deltas"));
	}

	@Test
	void shouldHoldTheSameFiguresWhetherTheEventsComeInOrderShuffledOrInAnyOrder() {
		List<SpecificRecord> inOrder = RandomHistory.generate(SEED + 1, 150);
		List<SpecificRecord> shuffled = RandomHistory.shuffledWithin(inOrder, Duration.ofDays(45), SEED + 2);
		List<SpecificRecord> anyOrder = new ArrayList<>(inOrder);
		Collections.shuffle(anyOrder, new Random(SEED + 3));
		assertThat(shuffled).isNotEqualTo(inOrder);

		Map<String, Figures> fromInOrder = driver().send(inOrder).figures();
		Map<String, Figures> fromShuffled = driver().send(shuffled).figures();
		Map<String, Figures> fromAnyOrder = driver().send(anyOrder).figures();

		assertThat(rendered(fromShuffled)).isEqualTo(rendered(fromInOrder));
		assertThat(rendered(fromAnyOrder)).isEqualTo(rendered(fromInOrder));
		assertThat(rendered(fromInOrder)).isEqualTo(ScorecardOracle.figures(inOrder, "EUR"));
	}

	@Test
	void shouldChangeNothingWhenTheWholeHistoryIsReplayed() {
		List<SpecificRecord> history = RandomHistory.generate(SEED + 4, 60);
		ScorecardDriver scorecard = driver().send(history);
		Map<String, Figures> once = scorecard.figures();
		double deltas = scorecard.count("churn.scorecard.deltas");

		scorecard.send(history);

		assertThat(scorecard.figures()).isEqualTo(once);
		assertThat(scorecard.count("churn.scorecard.deltas")).as("a replayed event sends no delta").isEqualTo(deltas);
	}

	@Test
	void shouldMakeTheFirstOrderAReturningOneWhenAnEarlierOrderArrivesLate() {
		ScorecardDriver scorecard = driver();
		scorecard.send(List.of(order("c-1", "o-2", Instant.parse("2026-08-01T10:00:00Z"), "S2", "30.00"),
				points("c-1", 1, PointsTransactionKind.EARN, Instant.parse("2026-08-01T10:00:00Z"))));
		assertThat(scorecard.figures().get("2026-Q3|store=S2").returningCustomers()).isZero();

		scorecard.send(List.of(order("c-1", "o-1", Instant.parse("2026-02-01T10:00:00Z"), "S1", "40.00")));

		Figures q3 = scorecard.figures().get("2026-Q3|store=S2");
		assertThat(q3.returningCustomers()).isEqualTo(1);
		assertThat(q3.returningAov()).hasValueSatisfying((aov) -> assertThat(aov).isEqualByComparingTo("30.00"));
		assertThat(q3.participants()).isEqualTo(1);
		assertThat(scorecard.figures().get("2026-Q1|all").returningCustomers()).isZero();
	}

	@Test
	void shouldTakeAFullyRefundedOrderOutOfTheFigures() {
		ScorecardDriver scorecard = driver();
		Instant at = Instant.parse("2026-04-01T10:00:00Z");
		scorecard.send(List.of(order("c-1", "o-1", at, "S1", "40.00")));

		scorecard.send(List.of(refund("c-1", "r-1", "o-1", at.plusSeconds(60), "40.00")));

		assertThat(scorecard.figures()).isEmpty();
	}

	@Test
	void shouldLeaveAnEventNotKeyedByItsCustomerToTheChurnEnginesDeadLetterTopic() {
		ScorecardDriver scorecard = driver();

		scorecard.sendAs("c-2", order("c-1", "o-1", Instant.parse("2026-04-01T10:00:00Z"), "S1", "40.00"));

		assertThat(scorecard.figures()).isEmpty();
		assertThat(scorecard.purchaseDeadLetters.readRecordsToList()).as("sent once, by the churn engine").hasSize(1);
	}

	@Test
	void shouldSendAnEventBeyondTheCustomersBoundToTheDeadLetterTopicWithTheReason() {
		ScorecardDriver scorecard = driver();
		Instant at = Instant.parse("2026-04-01T10:00:00Z");
		for (int i = 0; i < CustomerScorecard.MAX_PENDING_REFUNDS; i++) {
			scorecard.send(List.of(refund("c-1", "r-" + i, "o-unknown", at, "1.00")));
		}

		scorecard.send(List.of(refund("c-1", "r-last", "o-unknown", at, "1.00"),
				order("c-1", "o-1", at.plusSeconds(60), "S1", "40.00")));

		var deadLetters = scorecard.purchaseDeadLetters.readRecordsToList();
		assertThat(deadLetters).hasSize(1);
		assertThat(new String(deadLetters.getFirst().headers().lastHeader(DeadLetterHandler.REASON_HEADER).value(),
				StandardCharsets.UTF_8))
			.contains("scorecard: the customer has 100 refunds waiting");
		assertThat(scorecard.figures()).as("the next event is taken").containsKey("2026-Q2|store=S1");
	}

	private static Map<String, String> rendered(Map<String, Figures> figures) {
		Map<String, String> rendered = new TreeMap<>();
		figures.forEach((key, value) -> rendered.put(key,
				ScorecardOracle.render(value.activeCustomers(), value.returningCustomers(), value.orders(),
						value.returningOrders(), value.otherCurrencyOrders(), value.otherCurrencyReturningOrders(),
						value.returningOrderValue(), value.participants())));
		return rendered;
	}

	/**
	 * Sends the events one by one and counts, by kind of event, the scorecard records
	 * each wrote: customer-state records and deltas (each one repartition record and one
	 * figure write).
	 */
	private static Map<String, RecordsWritten> sendMeasuring(ScorecardDriver scorecard, List<SpecificRecord> events) {
		Map<String, RecordsWritten> written = new TreeMap<>();
		Set<SpecificRecord> seen = new HashSet<>();
		for (SpecificRecord event : events) {
			double writes = scorecard.count("churn.scorecard.customer.writes");
			double deltas = scorecard.count("churn.scorecard.deltas");
			scorecard.send(List.of(event));
			String kind = !seen.add(event) ? "repeated event"
					: (event instanceof PointsTransaction entry)
							? "PointsTransaction " + (ScorecardRules.TAKING_PART.contains(entry.getKind())
									? "earn/bonus/redeem" : "of other kinds")
							: event.getSchema().getName();
			written.merge(kind,
					new RecordsWritten(1, (long) (scorecard.count("churn.scorecard.customer.writes") - writes),
							(long) (scorecard.count("churn.scorecard.deltas") - deltas),
							(long) (scorecard.count("churn.scorecard.deltas") - deltas)),
					RecordsWritten::plus);
		}
		return written;
	}

	/** What events of one kind wrote, in all, and the most deltas one of them sent. */
	record RecordsWritten(long events, long customerWrites, long deltas, long maxDeltas) {

		RecordsWritten plus(RecordsWritten other) {
			return new RecordsWritten(this.events + other.events, this.customerWrites + other.customerWrites,
					this.deltas + other.deltas, Math.max(this.maxDeltas, other.maxDeltas));
		}

		@Override
		public String toString() {
			return String.format(
					"%d events, per event %.2f customer-state writes and %.2f deltas (each a "
							+ "repartition record and a figure write), at most %d deltas",
					this.events, (double) this.customerWrites / this.events, (double) this.deltas / this.events,
					this.maxDeltas);
		}

	}

}
