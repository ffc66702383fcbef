package io.loyaltypulse.systemtests;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.loyaltypulse.systemtests.ExpectedPoints.Line;
import io.loyaltypulse.systemtests.Http.Answer;
import io.loyaltypulse.testsupport.ManagedProcess;
import tools.jackson.databind.JsonNode;

import static io.loyaltypulse.systemtests.SystemStack.CHURN;
import static io.loyaltypulse.systemtests.SystemStack.POINTS;
import static io.loyaltypulse.systemtests.SystemStack.PURCHASE;
import static io.loyaltypulse.systemtests.SystemStack.SURVEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected while events flow, each followed by the same check: every event sent
 * counted once (no point lost or doubled, every answer in the NPS once, every alert
 * raised once). The events are sent by a background sender, as a platform keeps sending
 * whatever happens to Loyalty Pulse; it retries a refused connection or a {@code 503}
 * with the same event id, as every client must.
 */
final class Faults {

	private static final Duration SETTLED = Duration.ofSeconds(180);

	/** How long churn-alert-service runs without the registry after its restart. */
	private static final Duration WITHOUT_REGISTRY = Duration.ofSeconds(40);

	/** points-service's default review bonus. */
	private static final int REVIEW_BONUS = 20;

	private final SystemStack stack;

	private final Http http;

	private final Tally tally;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final Holdings holdings;

	private final CrmWebhooks webhooks;

	Faults(SystemStack stack, Http http, Tally tally, Holdings holdings, CrmWebhooks webhooks) {
		this.stack = stack;
		this.http = http;
		this.tally = tally;
		this.holdings = holdings;
		this.webhooks = webhooks;
	}

	/**
	 * SIGKILL of points-service while purchases flow; restarted under its instance id.
	 */
	void killPointsServiceMidStream() throws Exception {
		ExpectedPoints expected = new ExpectedPoints();
		List<Runnable> events = purchases("fault-points", 12, 4, expected);
		AtomicInteger sent = new AtomicInteger();
		CompletableFuture<Void> sender = sendInBackground(events, sent);
		await("a third of the purchases sent").atMost(SETTLED)
			.untilAsserted(() -> assertThat(sent.get()).isGreaterThanOrEqualTo(events.size() / 3));
		Mark mark = fault("SIGKILL of points-service, restarted under its instance id", events.size(), sent.get());
		this.stack.crash(POINTS);
		this.stack.restart(POINTS, this.http.client());
		sender.get(5, TimeUnit.MINUTES);
		assertPoints(expected);
		this.holdings.points(expected);
		exact(mark);
	}

	/**
	 * SIGKILL of survey-service, its ingest and its NPS engine, while answers flow; the
	 * sender retries until it is back.
	 */
	void killSurveyServiceMidStream() throws Exception {
		Map<String, List<Integer>> answers = new LinkedHashMap<>();
		List<Runnable> events = new ArrayList<>();
		int[] scores = { 10, 9, 8, 7, 6, 3, 10, 9, 9, 0 };
		for (int i = 0; i < 40; i++) {
			int score = scores[i % scores.length];
			String customerId = "fault-survey-" + i;
			answers.computeIfAbsent("FK", (store) -> new ArrayList<>()).add(score);
			events.add(() -> answer(customerId, "FK", 40, score));
		}
		AtomicInteger sent = new AtomicInteger();
		CompletableFuture<Void> sender = sendInBackground(events, sent);
		await("a third of the answers sent").atMost(SETTLED)
			.untilAsserted(() -> assertThat(sent.get()).isGreaterThanOrEqualTo(events.size() / 3));
		Mark mark = fault("SIGKILL of survey-service (ingest and NPS engine), restarted", events.size(), sent.get());
		this.stack.crash(SURVEY);
		this.stack.restart(SURVEY, this.http.client());
		sender.get(5, TimeUnit.MINUTES);
		List<Integer> sentScores = answers.get("FK");
		long promoters = sentScores.stream().filter((s) -> s >= 9).count();
		long detractors = sentScores.stream().filter((s) -> s <= 6).count();
		await("every answer of store FK counted once").atMost(SETTLED)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				Answer answer = this.http.get(url(SURVEY, "/api/v1/nps?store=FK&window=90d"));
				assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
				assertThat(answer.json().get("n").asLong()).as(answer.body()).isEqualTo(sentScores.size());
			});
		JsonNode score = this.http.get(url(SURVEY, "/api/v1/nps?store=FK&window=90d")).json();
		count(sentScores.size(), score.get("n").asLong());
		assertThat(score.get("promoters").asLong()).as(score.toString()).isEqualTo(promoters);
		assertThat(score.get("detractors").asLong()).as(score.toString()).isEqualTo(detractors);
		this.holdings.answers("FK", sentScores);
		exact(mark);
	}

	/**
	 * SIGKILL of churn-alert-service while overdue invoices flow: each raises one alert.
	 */
	void killChurnAlertServiceMidStream() throws Exception {
		OverdueInvoices invoices = overdueInvoices("fault-churn-", "fault-inv-", 12, 100);
		List<Runnable> events = invoices.events();
		AtomicInteger sent = new AtomicInteger();
		CompletableFuture<Void> sender = sendInBackground(events, sent);
		await("a third of the invoices sent").atMost(SETTLED)
			.untilAsserted(() -> assertThat(sent.get()).isGreaterThanOrEqualTo(events.size() / 3));
		Mark mark = fault("SIGKILL of churn-alert-service, restarted under its instance id", events.size(), sent.get());
		this.stack.crash(CHURN);
		this.stack.restart(CHURN, this.http.client());
		sender.get(5, TimeUnit.MINUTES);
		assertOneArrearsAlertEach(invoices.customers());
		exact(mark);
	}

	/**
	 * The broker stopped and started again while purchases flow: the ingest answers 503
	 * with Retry-After, the sender retries with the same event ids, the Streams services
	 * carry on after the restart.
	 */
	void restartTheBrokerMidStream() throws Exception {
		ExpectedPoints expected = new ExpectedPoints();
		List<Runnable> events = purchases("fault-broker", 10, 3, expected);
		int third = events.size() / 3;
		events.subList(0, third).forEach(Runnable::run);
		int unavailableBefore = this.http.unavailable();
		Mark mark = fault("the broker stopped (SIGTERM) and started again", events.size(), third);
		this.stack.broker().stop();
		AtomicInteger sent = new AtomicInteger();
		CompletableFuture<Void> sender = sendInBackground(events.subList(third, events.size()), sent);
		await("the ingest answering 503 with Retry-After while the broker is down").atMost(SETTLED)
			.untilAsserted(() -> assertThat(this.http.unavailable()).isGreaterThan(unavailableBefore));
		this.stack.broker().start();
		sender.get(5, TimeUnit.MINUTES);
		assertPoints(expected);
		this.holdings.points(expected);
		exact(mark);
	}

	/**
	 * The registry stopped while events flow, and started again: events whose schema the
	 * services know go on; the first review (a topic whose schema is not registered yet)
	 * is answered 503 with Retry-After until the registry is back; no record is
	 * dead-lettered because of the outage (the test checks every DLT afterwards).
	 */
	void stopTheRegistryWhileEventsFlow() throws Exception {
		ExpectedPoints expected = new ExpectedPoints();
		int customers = 6;
		List<Runnable> events = purchases("fault-registry", customers, 2, expected);
		int third = events.size() / 3;
		events.subList(0, third).forEach(Runnable::run);
		List<Runnable> rest = new ArrayList<>(events.subList(third, events.size()));
		for (int c = 0; c < customers; c++) {
			String customerId = "fault-registry-" + c;
			String orderId = "fault-registry-o" + c + "-0";
			String sku = "SKU-" + ((c % 3 == 0) ? "BOOKS" : "GROCERY");
			expected.bonus(customerId, REVIEW_BONUS);
			rest.add(() -> review(customerId, orderId, sku));
		}
		int unavailableBefore = this.http.unavailable();
		Mark mark = fault("the registry stopped (SIGTERM) and started again", events.size() + customers, third);
		this.stack.registry().stop();
		AtomicInteger sent = new AtomicInteger();
		CompletableFuture<Void> sender = sendInBackground(rest, sent);
		await("the ingest answering 503 with Retry-After while the registry is down").atMost(SETTLED)
			.untilAsserted(() -> assertThat(this.http.unavailable()).isGreaterThan(unavailableBefore));
		this.stack.registry().start();
		sender.get(5, TimeUnit.MINUTES);
		assertPoints(expected);
		this.holdings.points(expected);
		exact(mark);
	}

	/**
	 * The CRM's webhook receiver answering 503 for a while (its maintenance), then 200
	 * again: overdue invoices raise ARREARS alerts and their payments clear them while
	 * the receiver is down; every attempt meanwhile is refused; once it is up, every
	 * alert's raising and then its clearing arrive, verifiable, none lost.
	 */
	void webhookReceiverDownForAWhile() {
		CrmWebhooks webhooks = this.webhooks;
		OverdueInvoices invoices = overdueInvoices("fault-webhook-", "fault-whinv-", 4, 200);
		List<String> customers = invoices.customers();
		Mark mark = fault("the webhook receiver answering 503 for a while, then up", customers.size() * 2, 0);
		int refusedBefore = webhooks.refused();
		webhooks.receiver().down();
		try {
			invoices.events().forEach(Runnable::run);
			// Wait for each alert's own refused raising, not for a count of refusals (a
			// retry counts again): a payment sent before its invoice raised an alert
			// leaves none to deliver.
			await("the raising of every alert refused while the receiver is down").atMost(SETTLED)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> webhooks.refusedCustomers(CrmWebhooks.RAISED).containsAll(customers));
			for (int i = 0; i < customers.size(); i++) {
				payment(customers.get(i), "fault-whinv-" + i, 200 + i);
			}
			await("every alert of the scenario cleared by its payment").atMost(SETTLED)
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> {
					for (String customer : customers) {
						Answer answer = this.http
							.get(url(CHURN, "/api/v1/alerts?customerId=" + customer + "&signal=ARREARS"));
						assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
						JsonNode items = answer.json().get("items");
						assertThat(items.size()).as(answer.body()).isEqualTo(1);
						assertThat(items.get(0).get("status").asString()).as(answer.body()).isEqualTo("CLEARED");
					}
				});
			// One more round refused, the clearings queued behind their raisings.
			int refused = webhooks.refused();
			await("a retry refused after the alerts cleared").atMost(SETTLED)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> webhooks.refused() > refused);
		}
		finally {
			// Up whatever happened: a receiver left down would fail every later scenario.
			webhooks.receiver().up();
		}
		customers.forEach(webhooks::assertRaisedThenClearedDelivered);
		assertOneArrearsAlertEach(customers);
		long lost = webhooks.lost();
		this.tally.webhooksLost = lost;
		assertThat(lost).as("alert changes never delivered").isZero();
		this.tally.faultReports.add("webhook receiver down: %d requests refused with 503, then every delivery made"
			.formatted(webhooks.refused() - refusedBefore));
		exact(mark);
	}

	/**
	 * The registry stopped, and churn-alert-service killed (SIGKILL) and started again
	 * while it is down, while overdue invoices flow; then the registry back. The service
	 * must wait for the registry (not crash-loop, not dead-letter): once it is back, one
	 * ARREARS alert per invoice, each delivered to the webhook receiver, and nothing on
	 * any dead-letter topic.
	 */
	void restartChurnAlertServiceWhileTheRegistryIsDown() throws Exception {
		OverdueInvoices invoices = overdueInvoices("fault-regchurn-", "fault-reginv-", 6, 300);
		List<Runnable> events = invoices.events();
		int third = events.size() / 3;
		events.subList(0, third).forEach(Runnable::run);
		Mark mark = fault("the registry stopped, churn-alert-service killed (SIGKILL) and started while it is down",
				events.size(), third);
		this.stack.registry().stop();
		AtomicInteger sent = new AtomicInteger();
		CompletableFuture<Void> sender = sendInBackground(events.subList(third, events.size()), sent);
		this.stack.crash(CHURN);
		ManagedProcess restarted = this.stack.restartInBackground(CHURN);
		// The registry stays away while the new JVM starts and meets it missing: the
		// service must stay up all that while (not crash-loop), whatever its readiness.
		String readinessWithoutRegistry;
		try {
			await("churn-alert-service alive without the registry (its log: "
					+ this.stack.workDir().resolve(CHURN + ".log") + ")")
				.during(WITHOUT_REGISTRY)
				.atMost(WITHOUT_REGISTRY.plusSeconds(10))
				.pollInterval(Duration.ofSeconds(1))
				.until(restarted::isAlive);
			readinessWithoutRegistry = readiness(CHURN);
		}
		finally {
			this.stack.registry().start();
		}
		restarted.awaitReady(this.http.client());
		sender.get(5, TimeUnit.MINUTES);
		assertOneArrearsAlertEach(invoices.customers());
		long lost = this.webhooks.lost();
		this.tally.webhooksLost = lost;
		assertThat(lost).as("alert changes never delivered").isZero();
		assertThat(this.stack.deadLetters()).as("records on dead-letter topics").isEmpty();
		this.tally.faultReports.add("churn-alert-service restarted without the registry: alive for %d s, readiness %s"
			.formatted(WITHOUT_REGISTRY.toSeconds(), readinessWithoutRegistry));
		exact(mark);
	}

	/** Its readiness probe's status, or why there was none. */
	private String readiness(String service) {
		try {
			Answer answer = this.http
				.sendOnce(HttpRequest.newBuilder(URI.create(url(service, "/actuator/health/readiness")))
					.timeout(Duration.ofSeconds(10))
					.build());
			return Integer.toString(answer.status());
		}
		catch (IllegalStateException ex) {
			return "no answer (" + ex.getMessage() + ")";
		}
	}

	private Mark fault(String what, int events, int sentBefore) {
		this.tally.faults++;
		return new Mark(what, events, sentBefore, Instant.now(), this.http.unavailable(), this.http.retries());
	}

	/**
	 * Records the figures of a fault once every check after it passed: its own, then
	 * everything every scenario so far sent ({@link Holdings}).
	 */
	private void exact(Mark mark) {
		this.holdings.assertAllExact(this.webhooks);
		this.tally.faultReports.add(("%s: %d events, %d of them sent before the fault; 503 answers %d, "
				+ "client retries %d; lost 0, doubled 0; everything exact %d s after the fault")
			.formatted(mark.what(), mark.events(), mark.sentBefore(), this.http.unavailable() - mark.unavailable(),
					this.http.retries() - mark.retries(), Duration.between(mark.at(), Instant.now()).toSeconds()));
	}

	private record Mark(String what, int events, int sentBefore, Instant at, int unavailable, int retries) {
	}

	private void review(String customerId, String orderId, String sku) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", "review-" + orderId);
		body.put("customerId", customerId);
		body.put("occurredAt", this.now.minus(Duration.ofDays(1)).toString());
		body.put("reviewId", "review-" + orderId);
		body.put("orderId", orderId);
		body.put("sku", sku);
		body.put("rating", 5);
		body.put("status", "PUBLISHED");
		accepted(this.http.post(url(PURCHASE, "/api/v1/reviews"), body, Map.of()));
	}

	private List<Runnable> purchases(String prefix, int customers, int rounds, ExpectedPoints expected) {
		List<Runnable> events = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			for (int c = 0; c < customers; c++) {
				String customerId = prefix + "-" + c;
				String orderId = prefix + "-o" + c + "-" + round;
				List<Line> lines = List.of(new Line("1", (c % 3 == 0) ? "BOOKS" : "GROCERY", 1 + round,
						new BigDecimal(7 + c + "." + (10 + round))));
				BigDecimal total = lines.get(0).gross();
				Instant at = this.now.minus(Duration.ofDays(5)).plus(Duration.ofMinutes(round * 60L + c));
				expected.purchase(customerId, orderId, lines, total);
				events.add(() -> purchase(customerId, orderId, at, lines, total));
			}
		}
		return events;
	}

	private CompletableFuture<Void> sendInBackground(List<Runnable> events, AtomicInteger sent) {
		return CompletableFuture.runAsync(() -> {
			for (Runnable event : events) {
				event.run();
				sent.incrementAndGet();
			}
		});
	}

	private void purchase(String customerId, String orderId, Instant at, List<Line> lines, BigDecimal total) {
		accepted(this.http.post(url(PURCHASE, "/api/v1/purchases"),
				EventBodies.purchase(customerId, orderId, at, "S1", "APP", lines, total, "EUR"), Map.of()));
	}

	private void answer(String customerId, String storeId, int daysAgo, int score) {
		accepted(this.http.post(url(SURVEY, "/api/v1/survey-responses"),
				EventBodies.answer(customerId, "fault-resp-" + customerId, "nps-fault",
						this.now.minus(Duration.ofDays(daysAgo)), score, "DELIVERY", storeId),
				Map.of()));
	}

	/** Customers and, at the same index, the sending of each one's overdue invoice. */
	private record OverdueInvoices(List<String> customers, List<Runnable> events) {

	}

	/**
	 * {@code count} customers {@code <customerPrefix>i}, each with an overdue invoice
	 * {@code <invoicePrefix>i} of {@code baseAmount + i} EUR, not sent yet.
	 */
	private OverdueInvoices overdueInvoices(String customerPrefix, String invoicePrefix, int count, int baseAmount) {
		List<String> customers = new ArrayList<>();
		List<Runnable> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String customerId = customerPrefix + i;
			String invoiceId = invoicePrefix + i;
			int amount = baseAmount + i;
			customers.add(customerId);
			events.add(() -> overdueInvoice(customerId, invoiceId, amount));
		}
		return new OverdueInvoices(customers, events);
	}

	/** Each customer has exactly one ARREARS alert, counted and held for later checks. */
	private void assertOneArrearsAlertEach(List<String> customers) {
		await("one ARREARS alert for every overdue invoice").atMost(SETTLED)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(arrearsAlerts().keySet()).containsAll(customers));
		Map<String, Integer> alerts = arrearsAlerts();
		for (String customer : customers) {
			count(1, alerts.getOrDefault(customer, 0));
			assertThat(alerts.get(customer)).as("ARREARS alerts of %s", customer).isEqualTo(1);
			this.holdings.alertOnce(customer, "ARREARS");
		}
	}

	private void overdueInvoice(String customerId, String invoiceId, int amount) {
		accepted(
				this.http.post(url(PURCHASE, "/api/v1/invoices"),
						EventBodies.invoice(customerId, invoiceId, this.now.minus(Duration.ofDays(45)), amount + ".00",
								"EUR", LocalDate.ofInstant(this.now.minus(Duration.ofDays(15)), ZoneOffset.UTC)),
						Map.of()));
	}

	private void payment(String customerId, String invoiceId, int amount) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", invoiceId + "-paid");
		body.put("customerId", customerId);
		body.put("occurredAt", this.now.minus(Duration.ofMinutes(1)).toString());
		body.put("paymentId", invoiceId + "-payment");
		body.put("amount", amount + ".00");
		body.put("currency", "EUR");
		accepted(this.http.post(url(PURCHASE, "/api/v1/invoices/" + invoiceId + "/payments"), body, Map.of()));
	}

	private Map<String, Integer> arrearsAlerts() {
		Answer answer = this.http.get(url(CHURN, "/api/v1/alerts?signal=ARREARS&size=500"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		Map<String, Integer> alerts = new HashMap<>();
		answer.json()
			.get("items")
			.forEach((alert) -> alerts.merge(alert.get("customerId").asString(), 1, Integer::sum));
		return alerts;
	}

	private void assertPoints(ExpectedPoints expected) {
		await("every balance exact after the fault").atMost(SETTLED)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				for (Map.Entry<String, ExpectedPoints.Account> account : expected.accounts().entrySet()) {
					Answer answer = this.http.get(url(POINTS, "/api/v1/customers/" + account.getKey() + "/points"));
					assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
					JsonNode balance = answer.json();
					assertThat(balance.get("available").asLong() + balance.get("pending").asLong())
						.as("points of %s: %s", account.getKey(), answer.body())
						.isEqualTo(account.getValue().points);
				}
			});
		for (Map.Entry<String, ExpectedPoints.Account> account : expected.accounts().entrySet()) {
			Answer answer = this.http
				.get(url(POINTS, "/api/v1/customers/" + account.getKey() + "/points/transactions?limit=1000"));
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			int earns = 0;
			for (JsonNode entry : answer.json()) {
				if ("EARN".equals(entry.get("kind").asString())) {
					earns++;
				}
			}
			count(account.getValue().earns, earns);
			assertThat(earns).as("EARN entries of %s", account.getKey()).isEqualTo(account.getValue().earns);
		}
	}

	/**
	 * A 202, first time or not: a request retried after a lost connection may find its
	 * first attempt remembered ({@code seenRecently}).
	 */
	private void accepted(Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
		synchronized (this.tally) {
			this.tally.events++;
		}
	}

	private void count(long expected, long actual) {
		this.tally.lost += Math.max(0, expected - actual);
		this.tally.doubled += Math.max(0, actual - expected);
	}

	private String url(String service, String path) {
		return this.stack.baseUrl(service) + path;
	}

}
