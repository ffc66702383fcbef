package io.loyaltypulse.churn.scorecard;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import org.apache.avro.specific.SpecificRecord;

import static io.loyaltypulse.churn.scorecard.ScorecardEvents.order;
import static io.loyaltypulse.churn.scorecard.ScorecardEvents.points;
import static io.loyaltypulse.churn.scorecard.ScorecardEvents.refund;

/**
 * A seeded random history of many customers over six quarters (2025-Q1 to 2026-Q2):
 * orders at five stores in three regions (or none), some in USD, some at the same
 * instant; partial and full refunds, refunds in the wrong currency and of unknown orders;
 * ledger entries of every kind; and duplicates of every sort of event.
 */
final class RandomHistory {

	static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	static final int SPAN_DAYS = 540;

	private static final String[] STORES = { "S1", "S2", "S3", "S4", "S5" };

	private static final String[] REGIONS = { "north", "south", "west", null };

	private final Random random;

	private final List<SpecificRecord> events = new ArrayList<>();

	private RandomHistory(long seed) {
		this.random = new Random(seed);
	}

	/** The events, sorted by occurredAt, duplicates included. */
	static List<SpecificRecord> generate(long seed, int customers) {
		RandomHistory history = new RandomHistory(seed);
		for (int customer = 1; customer <= customers; customer++) {
			history.customer("c-" + customer);
		}
		history.duplicateSome();
		List<SpecificRecord> inOrder = new ArrayList<>(history.events);
		inOrder.sort(Comparator.comparing(RandomHistory::occurredAt));
		return inOrder;
	}

	/** The same events, each moved later by up to {@code bound} at random. */
	static List<SpecificRecord> shuffledWithin(List<SpecificRecord> events, Duration bound, long seed) {
		Random random = new Random(seed);
		List<Object[]> jittered = new ArrayList<>();
		for (SpecificRecord event : events) {
			long jitter = (long) (random.nextDouble() * bound.toMillis());
			jittered.add(new Object[] { occurredAt(event).plusMillis(jitter), event });
		}
		jittered.sort(Comparator.comparing((pair) -> (Instant) pair[0]));
		return jittered.stream().map((pair) -> (SpecificRecord) pair[1]).toList();
	}

	static Instant occurredAt(SpecificRecord event) {
		return (Instant) event.get(event.getSchema().getField("occurredAt").pos());
	}

	private void customer(String customerId) {
		int orders = 1 + this.random.nextInt(8);
		Instant previous = null;
		for (int n = 1; n <= orders; n++) {
			// Now and then two orders at the same instant: the order id breaks the tie.
			Instant at = (previous != null && this.random.nextInt(20) == 0) ? previous : randomInstant();
			previous = at;
			PurchaseCompleted order = order(customerId, customerId + "-o-" + n, at, pick(STORES), pick(REGIONS),
					amount(200), (this.random.nextInt(10) == 0) ? "USD" : "EUR");
			this.events.add(order);
			refunds(order);
		}
		if (this.random.nextInt(30) == 0) {
			this.events
				.add(refund(customerId, customerId + "-r-unknown", customerId + "-o-unknown", randomInstant(), "5.00"));
		}
		int entries = this.random.nextInt(8);
		PointsTransactionKind[] kinds = PointsTransactionKind.values();
		for (int sequence = 1; sequence <= entries; sequence++) {
			this.events.add(points(customerId, sequence, kinds[this.random.nextInt(kinds.length)], randomInstant()));
		}
	}

	private void refunds(PurchaseCompleted order) {
		int dice = this.random.nextInt(20);
		String refundId = order.getOrderId() + "-r-";
		Instant at = order.getOccurredAt().plus(Duration.ofDays(1 + this.random.nextInt(30)));
		if (dice < 4) {
			// Part of it back.
			this.events.add(refund(order.getCustomerId(), refundId + 1, order.getOrderId(), at,
					order.getTotal()
						.multiply(new BigDecimal("0.3"))
						.setScale(2, java.math.RoundingMode.DOWN)
						.toPlainString(),
					order.getCurrency()));
		}
		else if (dice < 6) {
			// All of it back, in two refunds.
			BigDecimal first = order.getTotal().divide(BigDecimal.TWO).setScale(2, java.math.RoundingMode.DOWN);
			this.events.add(refund(order.getCustomerId(), refundId + 1, order.getOrderId(), at, first.toPlainString(),
					order.getCurrency()));
			this.events.add(refund(order.getCustomerId(), refundId + 2, order.getOrderId(), at.plusSeconds(3600),
					order.getTotal().subtract(first).toPlainString(), order.getCurrency()));
		}
		else if (dice < 7) {
			// All of it back, in another currency than the order's: never converted.
			this.events.add(refund(order.getCustomerId(), refundId + 1, order.getOrderId(), at,
					order.getTotal().toPlainString(), "EUR".equals(order.getCurrency()) ? "USD" : "EUR"));
		}
	}

	private void duplicateSome() {
		List<SpecificRecord> duplicates = new ArrayList<>();
		for (SpecificRecord event : this.events) {
			if (this.random.nextInt(7) == 0) {
				duplicates.add(event);
			}
		}
		this.events.addAll(duplicates);
	}

	private Instant randomInstant() {
		return START.plus(Duration.ofDays(this.random.nextInt(SPAN_DAYS)))
			.plusSeconds(this.random.nextInt(86_400))
			.plusMillis(this.random.nextInt(1000));
	}

	private String amount(int max) {
		return BigDecimal.valueOf(1 + this.random.nextInt(max * 100), 2).toPlainString();
	}

	private <T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
