package io.loyaltypulse.systemtests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The points a customer should hold, computed here from what the test sent, with the
 * rules of points-service's README and its default configuration (1 point per EUR, USD or
 * GBP; BOOKS x2; rounding DOWN once per line; the base tier, as every customer here stays
 * below 1000 qualifying points; 50 points for answering a survey, once per survey), not
 * with the service's code.
 */
final class ExpectedPoints {

	private static final Map<String, BigDecimal> CATEGORY_MULTIPLIERS = Map.of("BOOKS", BigDecimal.valueOf(2));

	static final int SURVEY_BONUS = 50;

	private final Map<String, Account> accounts = new TreeMap<>();

	record Line(String lineId, String category, int quantity, BigDecimal unitPrice) {

		BigDecimal gross() {
			return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
		}

	}

	/** A purchase: each line earns {@code q x price x total / gross x category}. */
	void purchase(String customerId, String orderId, List<Line> lines, BigDecimal total) {
		BigDecimal gross = lines.stream().map(Line::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
		Order order = new Order(total);
		for (Line line : lines) {
			BigDecimal numerator = line.gross()
				.multiply(total)
				.multiply(CATEGORY_MULTIPLIERS.getOrDefault(line.category(), BigDecimal.ONE));
			long points = numerator.divide(gross, 0, RoundingMode.DOWN).longValueExact();
			order.linePoints.put(line.lineId(), points);
			order.lineUnits.put(line.lineId(), (long) line.quantity());
			order.earned += points;
		}
		Account account = account(customerId);
		account.orders.put(orderId, order);
		account.points += order.earned;
		account.earns++;
	}

	/** A refund of some units of one line: {@code floor(linePoints x units / bought)}. */
	void refundUnits(String customerId, String orderId, String lineId, int units, BigDecimal amount) {
		Account account = account(customerId);
		Order order = account.orders.get(orderId);
		long back = Math.floorDiv(order.linePoints.get(lineId) * units, order.lineUnits.get(lineId));
		order.takenBack += back;
		order.refunded = order.refunded.add(amount);
		account.points -= back;
		account.reversals++;
	}

	/**
	 * A refund of an amount only:
	 * {@code floor(pointsNotYetTakenBack x amount / amountNotYetRefunded)}.
	 */
	void refundAmount(String customerId, String orderId, BigDecimal amount) {
		Account account = account(customerId);
		Order order = account.orders.get(orderId);
		BigDecimal notTakenBack = BigDecimal.valueOf(order.earned - order.takenBack);
		long back = notTakenBack.multiply(amount)
			.divide(order.total.subtract(order.refunded), 0, RoundingMode.DOWN)
			.longValueExact();
		order.takenBack += back;
		order.refunded = order.refunded.add(amount);
		account.points -= back;
		account.reversals++;
	}

	void surveyAnswered(String customerId) {
		Account account = account(customerId);
		account.points += SURVEY_BONUS;
		account.bonuses++;
	}

	/** A bonus available at once (a review's: once per order line). */
	void bonus(String customerId, int points) {
		Account account = account(customerId);
		account.points += points;
		account.bonuses++;
	}

	Map<String, Account> accounts() {
		return this.accounts;
	}

	private Account account(String customerId) {
		return this.accounts.computeIfAbsent(customerId, (id) -> new Account());
	}

	static final class Account {

		long points;

		int earns;

		int reversals;

		int bonuses;

		final Map<String, Order> orders = new HashMap<>();

	}

	static final class Order {

		final BigDecimal total;

		final Map<String, Long> linePoints = new HashMap<>();

		final Map<String, Long> lineUnits = new HashMap<>();

		long earned;

		long takenBack;

		BigDecimal refunded = BigDecimal.ZERO;

		Order(BigDecimal total) {
			this.total = total;
		}

	}

}
