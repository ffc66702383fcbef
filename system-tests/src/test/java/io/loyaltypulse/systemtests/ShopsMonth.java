package io.loyaltypulse.systemtests;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.systemtests.ExpectedPoints.Line;
import io.loyaltypulse.systemtests.Http.Answer;
import tools.jackson.databind.JsonNode;

import static io.loyaltypulse.systemtests.SystemStack.CHURN;
import static io.loyaltypulse.systemtests.SystemStack.POINTS;
import static io.loyaltypulse.systemtests.SystemStack.PURCHASE;
import static io.loyaltypulse.systemtests.SystemStack.SURVEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shop's month on a compressed clock: every event is stamped in the past (up to 137
 * days ago), sent in one go over the public HTTP APIs as the shop's platform and survey
 * tool would, then read back as a CRM would. One scripted storyline per customer:
 * <ul>
 * <li>{@code month-c1}: three orders (one with an order discount, one with BOOKS), a
 * refund of one unit of a line and a refund of an amount;</li>
 * <li>{@code month-c2}: one small order and a survey answer (the survey bonus);</li>
 * <li>{@code month-c3}: an order in USD refunded in full (0 points);</li>
 * <li>{@code month-silent}: bought every 7 days for 12 weeks, the last time 60 days ago
 * (SILENCE);</li>
 * <li>{@code month-arrears}: an invoice due 10 days ago and unpaid (ARREARS),
 * acknowledged by a manager, then paid (CLEARED);</li>
 * <li>{@code month-detractor}: answered 2 of 10 yesterday (DETRACTOR);</li>
 * <li>{@code month-s1-*}, {@code month-s2-*}: the survey answers of stores S1 and S2, 35
 * to 55 days ago (too old to raise a DETRACTOR alert), one of them skipped.</li>
 * </ul>
 * Expected points come from {@link ExpectedPoints}, NPS from counting the scores sent.
 */
final class ShopsMonth {

	/** The month's alerts, by customer: each raised exactly once. */
	private static final Map<String, String> EXPECTED_ALERTS = Map.of("month-silent", "SILENCE", "month-arrears",
			"ARREARS", "month-detractor", "DETRACTOR");

	private static final String EUR = "EUR";

	private final SystemStack stack;

	private final Http http;

	private final Tally tally;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final ExpectedPoints expectedPoints = new ExpectedPoints();

	/** Store -> scores sent (null for a skipped question). */
	private final Map<String, List<Integer>> answers = new LinkedHashMap<>();

	private String detractorAlertId;

	private final Holdings holdings;

	ShopsMonth(SystemStack stack, Http http, Tally tally, Holdings holdings) {
		this.stack = stack;
		this.http = http;
		this.tally = tally;
		this.holdings = holdings;
	}

	/** The DETRACTOR alert the month raised (for the bad-input sweep of the actions). */
	String detractorAlertId() {
		return this.detractorAlertId;
	}

	void run() {
		sendPurchasesAndRefunds();
		sendSurveyAnswers();
		sendOverdueInvoice();
		assertPoints();
		assertNps();
		assertAlertsRaisedOnce();
		acknowledgeAndPayTheInvoice();
		// What every later fault must leave as it is.
		this.holdings.points(this.expectedPoints);
		this.answers.forEach(this.holdings::answers);
		EXPECTED_ALERTS.forEach(this.holdings::alertOnce);
	}

	private void sendPurchasesAndRefunds() {
		purchase("month-c1", "month-o1", 40, "S1",
				List.of(new Line("1", "GROCERY", 2, money("12.50")), new Line("2", "BOOKS", 1, money("19.99"))),
				money("40.00"), EUR);
		purchase("month-c1", "month-o2", 33, "S1", List.of(new Line("1", "BOOKS", 3, money("10.00"))), money("30.00"),
				EUR);
		refund("month-c1", "month-o2", "month-r1", 31, "1", 1, money("10.00"), EUR);
		purchase("month-c1", "month-o3", 12, "S2", List.of(new Line("1", "HOME", 1, money("50.00"))), money("50.00"),
				EUR);
		refund("month-c1", "month-o3", "month-r2", 10, null, 0, money("15.00"), EUR);
		purchase("month-c2", "month-o4", 20, "S1", List.of(new Line("1", "GROCERY", 4, money("2.49"))), money("9.96"),
				EUR);
		purchase("month-c3", "month-o5", 25, "S2", List.of(new Line("1", "ELECTRONICS", 1, money("120.00"))),
				money("120.00"), "USD");
		refund("month-c3", "month-o5", "month-r3", 24, "1", 1, money("120.00"), "USD");
		for (int week = 0; week < 12; week++) {
			purchase("month-silent", "month-silent-" + week, 60 + 7 * week, "S1",
					List.of(new Line("1", "GROCERY", 1, money("30.00"))), money("30.00"), EUR);
		}
	}

	private void sendSurveyAnswers() {
		answer("month-c2", "S1", 20, 9);
		this.expectedPoints.surveyAnswered("month-c2");
		int[] storeOne = { 10, 9, 10, 9, 9, 7, 8, 3, 6 };
		for (int i = 0; i < storeOne.length; i++) {
			answer("month-s1-" + i, "S1", 35 + 2 * i, storeOne[i]);
		}
		answer("month-s1-skipped", "S1", 40, null);
		int[] storeTwo = { 10, 9, 8, 7, 0, 5, 6 };
		for (int i = 0; i < storeTwo.length; i++) {
			answer("month-s2-" + i, "S2", 36 + 2 * i, storeTwo[i]);
		}
		answer("month-detractor", "S2", 1, 2);
	}

	private void sendOverdueInvoice() {
		Map<String, Object> invoice = EventBodies.invoice("month-arrears", "month-inv-1", daysAgo(40), "250.00", EUR,
				date(10));
		accepted(this.http.post(url(PURCHASE, "/api/v1/invoices"), invoice, Map.of()));
	}

	private void assertPoints() {
		Map<String, ExpectedPoints.Account> accounts = this.expectedPoints.accounts();
		await("every balance as computed here").atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				for (Map.Entry<String, ExpectedPoints.Account> account : accounts.entrySet()) {
					Answer answer = this.http.get(url(POINTS, "/api/v1/customers/" + account.getKey() + "/points"));
					assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
					JsonNode balance = answer.json();
					assertThat(balance.get("available").asLong() + balance.get("pending").asLong())
						.as("points of %s: %s", account.getKey(), answer.body())
						.isEqualTo(account.getValue().points);
				}
			});
		for (Map.Entry<String, ExpectedPoints.Account> account : accounts.entrySet()) {
			Answer answer = this.http
				.get(url(POINTS, "/api/v1/customers/" + account.getKey() + "/points/transactions?limit=1000"));
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			Map<String, Integer> kinds = new HashMap<>();
			answer.json().forEach((entry) -> kinds.merge(entry.get("kind").asString(), 1, Integer::sum));
			ExpectedPoints.Account expected = account.getValue();
			count(expected.earns, kinds.getOrDefault("EARN", 0));
			count(expected.reversals, kinds.getOrDefault("REVERSE_EARN", 0));
			count(expected.bonuses, kinds.getOrDefault("BONUS", 0));
			assertThat(kinds).as("ledger entries of %s", account.getKey())
				.containsOnlyKeys(nonZero(
						Map.of("EARN", expected.earns, "REVERSE_EARN", expected.reversals, "BONUS", expected.bonuses)));
			assertThat(kinds.getOrDefault("EARN", 0)).isEqualTo(expected.earns);
			assertThat(kinds.getOrDefault("REVERSE_EARN", 0)).isEqualTo(expected.reversals);
			assertThat(kinds.getOrDefault("BONUS", 0)).isEqualTo(expected.bonuses);
		}
	}

	private void assertNps() {
		for (Map.Entry<String, List<Integer>> store : this.answers.entrySet()) {
			List<Integer> scores = store.getValue();
			long promoters = scores.stream().filter((s) -> s != null && s >= 9).count();
			long passives = scores.stream().filter((s) -> s != null && s >= 7 && s <= 8).count();
			long detractors = scores.stream().filter((s) -> s != null && s <= 6).count();
			long skipped = scores.stream().filter((s) -> s == null).count();
			long n = promoters + passives + detractors;
			double nps = 100.0 * (promoters - detractors) / n;
			String query = "?store=" + store.getKey() + "&window=90d";
			await("NPS of store " + store.getKey()).atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> {
					Answer answer = this.http.get(url(SURVEY, "/api/v1/nps" + query));
					assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
					assertThat(answer.json().get("n").asLong()).as(answer.body()).isEqualTo(n);
				});
			JsonNode score = this.http.get(url(SURVEY, "/api/v1/nps" + query)).json();
			count(n, score.get("n").asLong());
			assertThat(score.get("promoters").asLong()).as(score.toString()).isEqualTo(promoters);
			assertThat(score.get("passives").asLong()).as(score.toString()).isEqualTo(passives);
			assertThat(score.get("detractors").asLong()).as(score.toString()).isEqualTo(detractors);
			assertThat(score.get("skipped").asLong()).as(score.toString()).isEqualTo(skipped);
			assertThat(score.get("nps").asDouble()).as(score.toString())
				.isCloseTo(nps, org.assertj.core.data.Offset.offset(0.05));
			assertThat(score.get("withheld").asBoolean()).isFalse();
			// By week: the weekly points of the same period add up to the same answers.
			JsonNode trend = this.http.get(url(SURVEY, "/api/v1/nps/trend" + query + "&granularity=week")).json();
			long weeklyN = 0;
			long weeklySkipped = 0;
			for (JsonNode point : trend.get("points")) {
				weeklyN += point.get("n").asLong();
				weeklySkipped += point.get("skipped").asLong();
			}
			assertThat(weeklyN).as(trend.toString()).isEqualTo(n);
			assertThat(weeklySkipped).as(trend.toString()).isEqualTo(skipped);
		}
	}

	private void assertAlertsRaisedOnce() {
		List<String> wanted = EXPECTED_ALERTS.entrySet().stream().map((e) -> e.getKey() + "/" + e.getValue()).toList();
		await("the SILENCE, ARREARS and DETRACTOR alerts").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(alertPairs()).containsAll(wanted));
		List<String> pairs = alertPairs();
		for (String pair : wanted) {
			count(1, pairs.stream().filter(pair::equals).count());
		}
		assertThat(pairs).as("every alert raised once, and no other").containsExactlyInAnyOrderElementsOf(wanted);
		this.detractorAlertId = alert("month-detractor", "DETRACTOR").get("id").asString();
		JsonNode silence = alert("month-silent", "SILENCE");
		assertThat(silence.get("explanation").asString()).contains("every 7 days");
	}

	private void acknowledgeAndPayTheInvoice() {
		JsonNode arrears = alert("month-arrears", "ARREARS");
		String id = arrears.get("id").asString();
		assertThat(arrears.get("status").asString()).isEqualTo("OPEN");
		assertThat(arrears.get("explanation").asString()).contains("month-inv-1").contains("250.00 EUR");
		Answer acknowledged = this.http.postWithoutBody(url(CHURN, "/api/v1/alerts/" + id + "/acknowledge"),
				Map.of("Idempotency-Key", "month-ack-inv-1"));
		assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
		assertThat(acknowledged.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
		Answer next = this.http.get(url(CHURN, "/api/v1/alerts/" + id));
		assertThat(next.status()).as(next.toString()).isEqualTo(200);
		assertThat(next.json().get("status").asString()).as("the next query").isEqualTo("ACKNOWLEDGED");

		Map<String, Object> payment = new LinkedHashMap<>();
		payment.put("eventId", "month-inv-1-paid");
		payment.put("customerId", "month-arrears");
		payment.put("occurredAt", this.now.minus(Duration.ofMinutes(1)).toString());
		payment.put("paymentId", "month-pay-1");
		payment.put("amount", "250.00");
		payment.put("currency", EUR);
		accepted(this.http.post(url(PURCHASE, "/api/v1/invoices/month-inv-1/payments"), payment, Map.of()));
		await("the ARREARS alert cleared by the payment").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				Answer answer = this.http.get(url(CHURN, "/api/v1/alerts/" + id));
				assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
				assertThat(answer.json().get("status").asString()).as(answer.body()).isEqualTo("CLEARED");
			});
	}

	private List<String> alertPairs() {
		Answer answer = this.http.get(url(CHURN, "/api/v1/alerts?size=500"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		List<String> pairs = new ArrayList<>();
		answer.json()
			.get("items")
			.forEach((alert) -> pairs.add(alert.get("customerId").asString() + "/" + alert.get("signal").asString()));
		return pairs;
	}

	private JsonNode alert(String customerId, String signal) {
		Answer answer = this.http.get(url(CHURN, "/api/v1/alerts?customerId=" + customerId + "&signal=" + signal));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		JsonNode items = answer.json().get("items");
		assertThat(items.size()).as(answer.body()).isEqualTo(1);
		return items.get(0);
	}

	private void purchase(String customerId, String orderId, int daysAgo, String storeId, List<Line> lines,
			BigDecimal total, String currency) {
		Map<String, Object> body = EventBodies.purchase(customerId, orderId, daysAgo(daysAgo), storeId, "WEB", lines,
				total, currency);
		accepted(this.http.post(url(PURCHASE, "/api/v1/purchases"), body, Map.of()));
		this.expectedPoints.purchase(customerId, orderId, lines, total);
	}

	private void refund(String customerId, String orderId, String refundId, int daysAgo, String lineId, int units,
			BigDecimal amount, String currency) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", refundId);
		body.put("customerId", customerId);
		body.put("occurredAt", daysAgo(daysAgo).toString());
		body.put("refundId", refundId);
		if (lineId != null) {
			body.put("lines", List.of(Map.of("lineId", lineId, "quantity", units)));
		}
		body.put("amount", amount.toPlainString());
		body.put("currency", currency);
		accepted(this.http.post(url(PURCHASE, "/api/v1/purchases/" + orderId + "/refunds"), body, Map.of()));
		if (lineId != null) {
			this.expectedPoints.refundUnits(customerId, orderId, lineId, units, amount);
		}
		else {
			this.expectedPoints.refundAmount(customerId, orderId, amount);
		}
	}

	private void answer(String customerId, String storeId, int daysAgo, Integer score) {
		Map<String, Object> body = EventBodies.answer(customerId, "month-resp-" + customerId, "nps-month",
				daysAgo(daysAgo), score, "POST_PURCHASE", storeId);
		body.put("channel", "WEB");
		accepted(this.http.post(url(SURVEY, "/api/v1/survey-responses"), body, Map.of()));
		this.answers.computeIfAbsent(storeId, (store) -> new ArrayList<>()).add(score);
	}

	private void accepted(Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
		assertThat(answer.json().get("seenRecently").asBoolean()).as(answer.toString()).isFalse();
		this.tally.events++;
	}

	/**
	 * Compares what the services hold with what was sent: the shortfall is lost, the
	 * excess doubled.
	 */
	private void count(long expected, long actual) {
		this.tally.lost += Math.max(0, expected - actual);
		this.tally.doubled += Math.max(0, actual - expected);
	}

	private static String[] nonZero(Map<String, Integer> counts) {
		return counts.entrySet().stream().filter((e) -> e.getValue() > 0).map(Map.Entry::getKey).toArray(String[]::new);
	}

	private Instant daysAgo(int days) {
		return this.now.minus(Duration.ofDays(days));
	}

	private LocalDate date(int daysAgo) {
		return LocalDate.ofInstant(daysAgo(daysAgo), ZoneOffset.UTC);
	}

	private String url(String service, String path) {
		return this.stack.baseUrl(service) + path;
	}

	private static BigDecimal money(String amount) {
		return new BigDecimal(amount);
	}

}
