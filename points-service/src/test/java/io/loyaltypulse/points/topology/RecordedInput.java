package io.loyaltypulse.points.topology;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PointsAdjustmentRequested;
import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.RefundedLine;
import io.loyaltypulse.events.SurveyResponded;
import org.apache.avro.specific.SpecificRecord;

/**
 * A recorded input for the points topology: a few hundred events of eight customers,
 * drawn by a seeded generator so that every run gets exactly the same ones, and the
 * wall-clock moves between them. Varied on purpose: purchases across currencies (one
 * without a base rate), categories, stores and channels (campaigns), with order
 * discounts; refunds by lines, by amount and of everything, some invalid; redemptions,
 * also against orders and beyond the balance; adjustments both ways; survey answers, some
 * for a survey already paid; redeliveries, retried and conflicting requests; late events,
 * events too old to deduplicate and from the future; customers who stop buying, so that
 * lots expire and tiers fall.
 *
 * <p>
 * Do not change what it generates: the golden files were written from it.
 */
final class RecordedInput {

	static final long SEED = 20_260_504L;

	static final int EVENTS = 330;

	static final Instant START = Instant.parse("2026-05-04T08:00:00Z");

	/** The end of the replay: every lot has expired and every tier period ended. */
	static final Instant END = Instant.parse("2029-06-01T00:00:00Z");

	/** Drivers run with these, so that the replay meets both admission limits. */
	static final Duration MAX_CLOCK_SKEW = Duration.ofDays(60);

	static final long MAX_POINTS_PER_EVENT = 20_000;

	/**
	 * Customers by how often they act: a customer listed more often acts more often.
	 */
	private static final List<String> CUSTOMERS = List.of("c01", "c01", "c01", "c01", "c02", "c02", "c02", "c03", "c03",
			"c04", "c04", "c05", "c05", "c06", "c07", "c08");

	/** The last day (after START) each customer who stops buying still acts. */
	private static final Map<String, Integer> ACTIVE_DAYS = Map.of("c05", 200, "c06", 330);

	/**
	 * Times within the test campaigns (Black Friday in S1, the app week on APP), when
	 * some customers shop in a campaign's store or channel and one does not.
	 */
	private static final List<Instant> CAMPAIGN_MOMENTS = List.of(Instant.parse("2026-11-27T10:00:00Z"),
			Instant.parse("2026-12-03T18:00:00Z"));

	private static final List<String> CATEGORIES = List.of("GROCERY", "BOOKS", "HOME", "TOYS");

	private static final List<String> STORES = List.of("S1", "S2");

	private static final List<String> CHANNELS = List.of("WEB", "APP", "STORE");

	/** One step of the replay. */
	sealed interface Step permits Send, WallClock {

	}

	/** Pipe an event to its input topic. */
	record Send(SpecificRecord event) implements Step {
	}

	/** Move the wall clock to a time, which lets the punctuator run. */
	record WallClock(Instant at) implements Step {
	}

	private final Random random = new Random(SEED);

	private final List<Step> steps = new ArrayList<>();

	private final List<SpecificRecord> sent = new ArrayList<>();

	private final Map<String, List<Order>> orders = new LinkedHashMap<>();

	private final Map<String, String> nextOrderIds = new LinkedHashMap<>();

	private Instant now = START;

	private Instant wall = PointsDriver.WALL_CLOCK_START;

	private int counter;

	private RecordedInput() {
	}

	static List<Step> steps() {
		RecordedInput input = new RecordedInput();
		input.wallClockTo(START);
		for (int i = 0; i < EVENTS; i++) {
			input.nextEvent();
			input.moveWallClock();
		}
		// Let the punctuator apply what is left, a quarter at a time.
		for (Instant at = input.wall; at.isBefore(END); at = at.atZone(ZoneOffset.UTC).plusMonths(3).toInstant()) {
			input.wallClockTo(at);
		}
		input.wallClockTo(END);
		return List.copyOf(input.steps);
	}

	private void nextEvent() {
		Instant next = this.now.plusSeconds(3600L * (1 + this.random.nextInt(70)));
		for (Instant moment : CAMPAIGN_MOMENTS) {
			if (this.now.isBefore(moment) && !next.isBefore(moment)) {
				campaignShoppers(moment);
			}
		}
		this.now = next;
		String customer = customer();
		if (this.random.nextInt(30) == 0) {
			drainThenRefund(customer);
			return;
		}
		int dice = this.random.nextInt(100);
		if (dice < 34) {
			send(purchase(customer, this.now));
		}
		else if (dice < 50) {
			send(refund(customer));
		}
		else if (dice < 60) {
			send(survey(customer));
		}
		else if (dice < 74) {
			send(redemption(customer));
		}
		else if (dice < 82) {
			send(adjustment(customer));
		}
		else if (dice < 89) {
			send(redelivery());
		}
		else if (dice < 93) {
			send(retry());
		}
		else if (dice < 97) {
			// Late, within the allowed lateness (1 h) or beyond it.
			send(purchase(customer, this.now.minusSeconds(60L * (10 + this.random.nextInt(170)))));
		}
		else if (dice < 98) {
			send(tooOld(customer));
		}
		else if (dice < 99) {
			send(purchase(customer, this.now.plus(Duration.ofDays(100))));
		}
		else {
			send(oversized(customer));
		}
	}

	private void campaignShoppers(Instant moment) {
		for (int i = 0; i < 4; i++) {
			// Three in the campaigns' store and channel, one in neither.
			boolean inCampaign = i < 3;
			send(PurchaseCompleted.newBuilder(purchase(customer(), moment.plusSeconds(600L * i)))
				.setStoreId(inCampaign ? "S1" : "S2")
				.setChannel(inCampaign ? "APP" : "WEB")
				.build());
		}
	}

	/**
	 * Redemptions of 8192, 4096, ... 1 points, which leave nothing available, then a
	 * refund of everything left of an order whose points were available: the points to
	 * take back are spent, which is where the negative-balance policies differ.
	 */
	private void drainThenRefund(String customer) {
		for (long points = 8192; points >= 1; points /= 2) {
			String key = id("key-");
			send(PointsRedemptionRequested.newBuilder()
				.setEventId("redeem-" + customer + "-" + key)
				.setCustomerId(customer)
				.setOccurredAt(this.now)
				.setIdempotencyKey(key)
				.setPoints(points)
				.setOrderId(null)
				.setDescription("drain")
				.build());
		}
		Instant availableBefore = this.now.minus(Duration.ofDays(31));
		this.orders.getOrDefault(customer, List.of())
			.stream()
			.filter((order) -> order.left().signum() > 0 && order.purchase.getOccurredAt().isBefore(availableBefore))
			.reduce((first, second) -> second)
			.ifPresent((order) -> {
				this.now = this.now.plusSeconds(3600);
				BigDecimal amount = order.left();
				order.refunded = order.purchase.getTotal();
				send(PurchaseRefunded.newBuilder()
					.setEventId(id("refund-"))
					.setCustomerId(customer)
					.setOccurredAt(this.now)
					.setRefundId(id("r"))
					.setOrderId(order.purchase.getOrderId())
					.setLines(List.of())
					.setAmount(amount)
					.setCurrency(order.purchase.getCurrency())
					.build());
			});
	}

	private String customer() {
		long day = Duration.between(START, this.now).toDays();
		while (true) {
			String customer = CUSTOMERS.get(this.random.nextInt(CUSTOMERS.size()));
			if (day <= ACTIVE_DAYS.getOrDefault(customer, Integer.MAX_VALUE)) {
				return customer;
			}
		}
	}

	/**
	 * Mostly small steps while records flow (the punctuator follows the events applied),
	 * sometimes a jump to the event time that makes the task idle (it follows the wall
	 * clock).
	 */
	private void moveWallClock() {
		int dice = this.random.nextInt(10);
		if (dice < 7) {
			wallClockTo(this.wall.plusSeconds(30));
		}
		else if (dice < 9) {
			wallClockTo(this.now.plusSeconds(60L * this.random.nextInt(180)));
		}
	}

	private void wallClockTo(Instant at) {
		if (at.isAfter(this.wall)) {
			this.wall = at;
			this.steps.add(new WallClock(at));
		}
	}

	private void send(SpecificRecord event) {
		this.sent.add(event);
		this.steps.add(new Send(event));
	}

	private String id(String prefix) {
		this.counter++;
		return prefix + this.counter;
	}

	// ---- purchases -------------------------------------------------------------

	private PurchaseCompleted purchase(String customer, Instant at) {
		String orderId = this.nextOrderIds.remove(customer);
		if (orderId == null) {
			orderId = id("o");
		}
		int lineCount = 1 + this.random.nextInt(3);
		List<OrderLine> lines = new ArrayList<>();
		BigDecimal gross = BigDecimal.ZERO;
		for (int i = 1; i <= lineCount; i++) {
			int quantity = 1 + this.random.nextInt(4);
			BigDecimal unitPrice = (this.random.nextInt(40) == 0) ? BigDecimal.ZERO.setScale(2)
					: BigDecimal.valueOf(100 + this.random.nextInt(6000), 2);
			lines.add(line(String.valueOf(i), CATEGORIES.get(this.random.nextInt(CATEGORIES.size())), quantity,
					unitPrice));
			gross = gross.add(unitPrice.multiply(BigDecimal.valueOf(quantity)));
		}
		BigDecimal total = gross;
		int discount = this.random.nextInt(100);
		if (discount < 25) {
			total = gross.multiply(BigDecimal.valueOf(80 + this.random.nextInt(20), 2)).setScale(2, RoundingMode.DOWN);
		}
		else if (discount < 27) {
			// More than the lines: refused.
			total = gross.add(BigDecimal.TEN);
		}
		int currency = this.random.nextInt(100);
		String currencyCode = (currency < 75) ? "EUR" : (currency < 96) ? "USD" : "GBP";
		PurchaseCompleted purchase = PurchaseCompleted.newBuilder()
			.setEventId(id("purchase-"))
			.setCustomerId(customer)
			.setOccurredAt(at)
			.setOrderId(orderId)
			.setStoreId(STORES.get(this.random.nextInt(STORES.size())))
			.setChannel(CHANNELS.get(this.random.nextInt(CHANNELS.size())))
			.setLines(lines)
			.setTotal(total)
			.setCurrency(currencyCode)
			.build();
		this.orders.computeIfAbsent(customer, (c) -> new ArrayList<>()).add(new Order(purchase));
		return purchase;
	}

	/** A purchase that would earn more than the maximum per event. */
	private PurchaseCompleted oversized(String customer) {
		return PurchaseCompleted.newBuilder()
			.setEventId(id("purchase-"))
			.setCustomerId(customer)
			.setOccurredAt(this.now)
			.setOrderId(id("o"))
			.setStoreId("S2")
			.setChannel("WEB")
			.setLines(List.of(line("1", "HOME", 1000, new BigDecimal("99.99"))))
			.setTotal(new BigDecimal("99990.00"))
			.setCurrency("EUR")
			.build();
	}

	/**
	 * A redelivered purchase stamped beyond the order retention (400 d) behind the newest
	 * event: it can no longer be told from a duplicate.
	 */
	private SpecificRecord tooOld(String customer) {
		Instant at = this.now.minus(Duration.ofDays(410));
		if (this.random.nextBoolean()) {
			return survey(customer, at);
		}
		return purchase(customer, at);
	}

	private static OrderLine line(String lineId, String category, int quantity, BigDecimal unitPrice) {
		return OrderLine.newBuilder()
			.setLineId(lineId)
			.setSku("SKU-" + category + "-" + lineId)
			.setCategory(category)
			.setQuantity(quantity)
			.setUnitPrice(unitPrice)
			.build();
	}

	// ---- refunds ---------------------------------------------------------------

	private PurchaseRefunded refund(String customer) {
		List<Order> candidates = this.orders.getOrDefault(customer, List.of())
			.stream()
			.filter((order) -> order.left().signum() > 0)
			.toList();
		PurchaseRefunded.Builder refund = PurchaseRefunded.newBuilder()
			.setEventId(id("refund-"))
			.setCustomerId(customer)
			.setOccurredAt(this.now)
			.setRefundId(id("r"))
			.setCurrency("EUR");
		if (candidates.isEmpty() || this.random.nextInt(30) == 0) {
			return refund.setOrderId("o-unknown").setLines(List.of()).setAmount(BigDecimal.ONE).build();
		}
		Order order = candidates.get(this.random.nextInt(candidates.size()));
		refund.setOrderId(order.purchase.getOrderId()).setCurrency(order.purchase.getCurrency());
		int kind = this.random.nextInt(100);
		if (kind < 4) {
			// Another currency: refused.
			return refund.setCurrency("EUR".equals(order.purchase.getCurrency()) ? "USD" : "EUR")
				.setLines(List.of())
				.setAmount(BigDecimal.ONE)
				.build();
		}
		if (kind < 50) {
			return linesRefund(refund, order);
		}
		BigDecimal amount = (kind < 70) ? order.left()
				: order.left()
					.multiply(BigDecimal.valueOf(10 + this.random.nextInt(60), 2))
					.setScale(2, RoundingMode.DOWN);
		if (amount.signum() == 0) {
			amount = order.left();
		}
		order.refunded = order.refunded.add(amount);
		return refund.setLines(List.of()).setAmount(amount).build();
	}

	private PurchaseRefunded linesRefund(PurchaseRefunded.Builder refund, Order order) {
		List<OrderLine> lines = order.purchase.getLines();
		int index = this.random.nextInt(lines.size());
		OrderLine line = lines.get(index);
		int left = line.getQuantity() - order.refundedUnits[index];
		// Sometimes more units than are left: refused.
		int units = (left == 0 || this.random.nextInt(25) == 0) ? left + 1 : 1 + this.random.nextInt(left);
		BigDecimal amount = (order.gross().signum() == 0) ? order.left()
				: line.getUnitPrice()
					.multiply(BigDecimal.valueOf(units))
					.multiply(order.purchase.getTotal())
					.divide(order.gross(), 2, RoundingMode.DOWN)
					.min(order.left());
		if (amount.signum() == 0) {
			amount = order.left();
		}
		if (units <= left) {
			order.refundedUnits[index] += units;
			order.refunded = order.refunded.add(amount);
		}
		return refund
			.setLines(List.of(RefundedLine.newBuilder().setLineId(line.getLineId()).setQuantity(units).build()))
			.setAmount(amount)
			.build();
	}

	// ---- surveys ---------------------------------------------------------------

	private SurveyResponded survey(String customer) {
		return survey(customer, this.now);
	}

	private SurveyResponded survey(String customer, Instant at) {
		ZonedDateTime time = at.atZone(ZoneOffset.UTC);
		String surveyId = this.random.nextBoolean()
				? "nps-%d-Q%d".formatted(time.getYear(), 1 + (time.getMonthValue() - 1) / 3)
				: "csat-" + this.random.nextInt(3);
		String responseId = id("response-");
		return SurveyResponded.newBuilder()
			.setEventId("survey-" + responseId)
			.setCustomerId(customer)
			.setOccurredAt(at)
			.setResponseId(responseId)
			.setSurveyId(surveyId)
			.setScore(this.random.nextInt(11))
			.setTouchpoint("POST_PURCHASE")
			.build();
	}

	// ---- requests --------------------------------------------------------------

	private PointsRedemptionRequested redemption(String customer) {
		long points = (this.random.nextInt(30) == 0) ? 0 : 1 + this.random.nextInt(400);
		String orderId = null;
		int against = this.random.nextInt(100);
		List<Order> own = this.orders.getOrDefault(customer, List.of());
		if (against < 20 && !own.isEmpty()) {
			orderId = own.get(this.random.nextInt(own.size())).purchase.getOrderId();
		}
		else if (against < 30) {
			// Paid with points at checkout: the purchase follows.
			orderId = this.nextOrderIds.computeIfAbsent(customer, (c) -> id("o"));
		}
		String key = id("key-");
		return PointsRedemptionRequested.newBuilder()
			.setEventId("redeem-" + customer + "-" + key)
			.setCustomerId(customer)
			.setOccurredAt(this.now)
			.setIdempotencyKey(key)
			.setPoints(points)
			.setOrderId(orderId)
			.setDescription(this.random.nextBoolean() ? "voucher" : null)
			.build();
	}

	private PointsAdjustmentRequested adjustment(String customer) {
		int dice = this.random.nextInt(100);
		long points = (dice < 3) ? 0 : (dice < 70) ? 1 + this.random.nextInt(300) : -1 - this.random.nextInt(300);
		String key = id("key-");
		return PointsAdjustmentRequested.newBuilder()
			.setEventId("adjust-" + customer + "-" + key)
			.setCustomerId(customer)
			.setOccurredAt(this.now)
			.setIdempotencyKey(key)
			.setPoints(points)
			.setReason((this.random.nextInt(20) == 0) ? " " : "goodwill " + this.random.nextInt(5))
			.setActor("admin-" + this.random.nextInt(3))
			.build();
	}

	// ---- repeats ---------------------------------------------------------------

	/** One of the last events sent, again, byte for byte. */
	private SpecificRecord redelivery() {
		return this.sent.get(Math.max(0, this.sent.size() - 1 - this.random.nextInt(40)));
	}

	/**
	 * A request sent again under the same key by a later call: with the same body, or,
	 * now and then, with another (an idempotency conflict).
	 */
	private SpecificRecord retry() {
		for (int i = this.sent.size() - 1; i >= 0; i--) {
			boolean conflict = this.random.nextInt(3) == 0;
			if (this.sent.get(i) instanceof PointsRedemptionRequested request && this.random.nextBoolean()) {
				return PointsRedemptionRequested.newBuilder(request)
					.setOccurredAt(this.now)
					.setAttemptId(id("call-"))
					.setPoints(conflict ? request.getPoints() + 1 : request.getPoints())
					.build();
			}
			if (this.sent.get(i) instanceof PointsAdjustmentRequested request && this.random.nextBoolean()) {
				return PointsAdjustmentRequested.newBuilder(request)
					.setOccurredAt(this.now)
					.setAttemptId(id("call-"))
					.setReason(conflict ? "another reason" : request.getReason())
					.build();
			}
		}
		return adjustment(customer());
	}

	/** What the generator knows of an order, to refund what is left of it. */
	private static final class Order {

		final PurchaseCompleted purchase;

		final int[] refundedUnits;

		BigDecimal refunded = BigDecimal.ZERO;

		Order(PurchaseCompleted purchase) {
			this.purchase = purchase;
			this.refundedUnits = new int[purchase.getLines().size()];
		}

		BigDecimal gross() {
			BigDecimal gross = BigDecimal.ZERO;
			for (OrderLine line : this.purchase.getLines()) {
				gross = gross.add(line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())));
			}
			return gross;
		}

		BigDecimal left() {
			return this.purchase.getTotal().subtract(this.refunded);
		}

	}

}
