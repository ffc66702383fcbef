package io.loyaltypulse.churn.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import org.apache.avro.specific.SpecificRecord;

/**
 * The scorecard's figures computed straight from a list of events, in plain Java, sharing
 * no code with the engine: what the topology must hold, whatever the order the events
 * came in (as long as no event is older than the quarters kept). Each figure is rendered
 * as one line of text, values without trailing zeros.
 */
final class ScorecardOracle {

	private ScorecardOracle() {
	}

	static Map<String, String> figures(List<SpecificRecord> events, String valueCurrency) {
		Map<String, PurchaseCompleted> orders = new LinkedHashMap<>();
		Map<String, PurchaseRefunded> refunds = new LinkedHashMap<>();
		Set<String> tookPart = new HashSet<>();
		for (SpecificRecord event : events) {
			switch (event) {
				case PurchaseCompleted order -> orders.putIfAbsent(order.getOrderId(), order);
				case PurchaseRefunded refund -> refunds.putIfAbsent(refund.getRefundId(), refund);
				case PointsTransaction entry -> {
					if (entry.getKind() == PointsTransactionKind.EARN || entry.getKind() == PointsTransactionKind.BONUS
							|| entry.getKind() == PointsTransactionKind.REDEEM) {
						tookPart.add(entry.getCustomerId() + "|" + quarter(entry.getOccurredAt()));
					}
				}
				default -> {
				}
			}
		}
		Map<String, BigDecimal> refunded = new HashMap<>();
		for (PurchaseRefunded refund : refunds.values()) {
			PurchaseCompleted order = orders.get(refund.getOrderId());
			if (order != null && order.getCurrency().equals(refund.getCurrency())) {
				refunded.merge(order.getOrderId(), refund.getAmount(), BigDecimal::add);
			}
		}
		Map<String, PurchaseCompleted> firstOrders = new HashMap<>();
		for (PurchaseCompleted order : orders.values()) {
			firstOrders.merge(order.getCustomerId(), order, (one, other) -> earlier(one, other) ? one : other);
		}
		Map<String, Tally> tallies = new TreeMap<>();
		for (PurchaseCompleted order : orders.values()) {
			BigDecimal back = refunded.get(order.getOrderId());
			if (back != null && back.compareTo(order.getTotal()) >= 0) {
				continue;
			}
			BigDecimal net = (back != null) ? order.getTotal().subtract(back) : order.getTotal();
			boolean returning = firstOrders.get(order.getCustomerId()) != order;
			boolean valued = order.getCurrency().equals(valueCurrency);
			String quarter = quarter(order.getOccurredAt());
			List<String> slices = new ArrayList<>(List.of("all", "store=" + order.getStoreId()));
			if (order.getRegion() != null) {
				slices.add("region=" + order.getRegion());
			}
			for (String slice : slices) {
				Tally tally = tallies.computeIfAbsent(quarter + "|" + slice, (key) -> new Tally());
				tally.active.add(order.getCustomerId());
				tally.orders++;
				tally.otherCurrencyOrders += valued ? 0 : 1;
				if (returning) {
					tally.returning.add(order.getCustomerId());
					tally.returningOrders++;
					tally.otherCurrencyReturningOrders += valued ? 0 : 1;
					tally.value = valued ? tally.value.add(net) : tally.value;
				}
				if (tookPart.contains(order.getCustomerId() + "|" + quarter)) {
					tally.participants.add(order.getCustomerId());
				}
			}
		}
		Map<String, String> figures = new TreeMap<>();
		tallies.forEach((key, tally) -> figures.put(key,
				render(tally.active.size(), tally.returning.size(), tally.orders, tally.returningOrders,
						tally.otherCurrencyOrders, tally.otherCurrencyReturningOrders, tally.value,
						tally.participants.size())));
		return figures;
	}

	static String render(long active, long returning, long orders, long returningOrders, long otherCurrencyOrders,
			long otherCurrencyReturningOrders, BigDecimal value, long participants) {
		return "active=" + active + " returning=" + returning + " orders=" + orders + " returningOrders="
				+ returningOrders + " otherCurrencyOrders=" + otherCurrencyOrders + " otherCurrencyReturningOrders="
				+ otherCurrencyReturningOrders + " returningOrderValue="
				+ ((value.signum() == 0) ? "0" : value.stripTrailingZeros().toPlainString()) + " participants="
				+ participants;
	}

	private static boolean earlier(PurchaseCompleted one, PurchaseCompleted other) {
		int byTime = one.getOccurredAt().compareTo(other.getOccurredAt());
		return byTime < 0 || (byTime == 0 && one.getOrderId().compareTo(other.getOrderId()) < 0);
	}

	private static String quarter(Instant at) {
		ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
		return utc.getYear() + "-Q" + ((utc.getMonthValue() + 2) / 3);
	}

	private static final class Tally {

		final Set<String> active = new HashSet<>();

		final Set<String> returning = new HashSet<>();

		final Set<String> participants = new HashSet<>();

		long orders;

		long returningOrders;

		long otherCurrencyOrders;

		long otherCurrencyReturningOrders;

		BigDecimal value = BigDecimal.ZERO;

	}

}
