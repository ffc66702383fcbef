package io.loyaltypulse.purchase.ingest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.RefundedLine;
import io.loyaltypulse.support.ingest.BatchCheck;
import io.loyaltypulse.support.ingest.BatchItems;
import io.loyaltypulse.support.ingest.PreparedEvent;
import io.loyaltypulse.support.validation.Violations;
import tools.jackson.databind.JsonNode;

/**
 * The orders a batch completes, so that a refund in the same batch is checked against the
 * order it refunds — the one place this service sees both. A backfill that carries a
 * purchase and its refunds gets them refused if they do not fit together.
 *
 * <p>
 * Rule: a refund of an order completed in the same batch comes after it, names only its
 * lines, returns at most the units bought (over all its refunds in the batch), at most
 * its total, in its currency.
 */
final class OrdersInBatch implements BatchCheck {

	private final Map<List<String>, Integer> completedAt;

	private final Map<List<String>, PurchaseCompleted> completed = new HashMap<>();

	private final Map<List<String>, Map<String, Integer>> refundedUnits = new HashMap<>();

	private final Map<List<String>, BigDecimal> refundedAmount = new HashMap<>();

	private OrdersInBatch(Map<List<String>, Integer> completedAt) {
		this.completedAt = completedAt;
	}

	/** Where each order of the batch is completed, from the raw items. */
	static OrdersInBatch scan(List<JsonNode> items) {
		return new OrdersInBatch(BatchItems.firstIndexOf(items, "PurchaseCompleted", "customerId", "orderId"));
	}

	/**
	 * Remembers a purchase; refuses a refund that does not fit the purchase of its order
	 * in this batch, else counts it against that order.
	 */
	@Override
	public void check(int index, PreparedEvent prepared) {
		if (prepared.event() instanceof PurchaseCompleted purchase) {
			completed(purchase);
		}
		else if (prepared.event() instanceof PurchaseRefunded refund) {
			Violations violations = new Violations().at("events").at(index);
			check(index, refund, violations);
			violations.throwIfAny();
			refunded(refund);
		}
	}

	private void completed(PurchaseCompleted purchase) {
		this.completed.put(key(purchase.getCustomerId(), purchase.getOrderId()), purchase);
	}

	/**
	 * Adds what is wrong with {@code refund} at {@code index} given its order's purchase.
	 */
	private void check(int index, PurchaseRefunded refund, Violations violations) {
		List<String> key = key(refund.getCustomerId(), refund.getOrderId());
		Integer purchaseIndex = this.completedAt.get(key);
		if (purchaseIndex == null) {
			return;
		}
		PurchaseCompleted purchase = this.completed.get(key);
		if (purchaseIndex > index) {
			violations.add("orderId", "is completed later in this batch (/events/" + purchaseIndex
					+ "): a refund must come after its purchase");
			return;
		}
		if (purchase == null) {
			return;
		}
		if (!purchase.getCurrency().equals(refund.getCurrency())) {
			violations.add("currency", "must be the order's currency " + purchase.getCurrency());
		}
		BigDecimal amount = this.refundedAmount.getOrDefault(key, BigDecimal.ZERO).add(refund.getAmount());
		if (amount.compareTo(purchase.getTotal()) > 0) {
			violations.add("amount",
					"brings the refunds of order " + refund.getOrderId() + " in this batch to "
							+ amount.stripTrailingZeros().toPlainString() + ", more than its total "
							+ purchase.getTotal().stripTrailingZeros().toPlainString());
		}
		Map<String, Integer> units = this.refundedUnits.getOrDefault(key, Map.of());
		for (int i = 0; i < refund.getLines().size(); i++) {
			RefundedLine line = refund.getLines().get(i);
			Integer bought = purchase.getLines()
				.stream()
				.filter((orderLine) -> orderLine.getLineId().equals(line.getLineId()))
				.map(OrderLine::getQuantity)
				.findFirst()
				.orElse(null);
			if (bought == null) {
				violations.at("lines").at(i).add("lineId", "is not a line of order " + refund.getOrderId());
			}
			else if (units.getOrDefault(line.getLineId(), 0) + line.getQuantity() > bought) {
				violations.at("lines")
					.at(i)
					.add("quantity", "returns more units of line " + line.getLineId() + " than the " + bought
							+ " bought (counting earlier refunds in this batch)");
			}
		}
	}

	/** Counts an accepted refund against its order. */
	private void refunded(PurchaseRefunded refund) {
		List<String> key = key(refund.getCustomerId(), refund.getOrderId());
		this.refundedAmount.merge(key, refund.getAmount(), BigDecimal::add);
		Map<String, Integer> units = this.refundedUnits.computeIfAbsent(key, (k) -> new HashMap<>());
		refund.getLines().forEach((line) -> units.merge(line.getLineId(), line.getQuantity(), Integer::sum));
	}

	private static List<String> key(String customerId, String orderId) {
		return List.of(customerId, orderId);
	}

}
