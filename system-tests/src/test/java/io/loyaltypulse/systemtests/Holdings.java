package io.loyaltypulse.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.loyaltypulse.systemtests.Http.Answer;
import tools.jackson.databind.JsonNode;

import static io.loyaltypulse.systemtests.SystemStack.CHURN;
import static io.loyaltypulse.systemtests.SystemStack.POINTS;
import static io.loyaltypulse.systemtests.SystemStack.SURVEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the platform must hold for everything sent so far, by every scenario: each
 * customer's points and ledger entries, each store's answers, each alert raised once,
 * every webhook delivered. Checked whole after every fault, so a fault that damaged what
 * an earlier scenario left (a balance, a count, an alert) fails it, not only the numbers
 * of its own events.
 */
final class Holdings {

	/** Long enough for a service that has just restarted to catch up. */
	private static final Duration SETTLED = Duration.ofSeconds(120);

	private final List<ExpectedPoints> points = new ArrayList<>();

	private final Map<String, List<Integer>> answersByStore = new LinkedHashMap<>();

	private final Set<String> alerts = new LinkedHashSet<>();

	private final SystemStack stack;

	private final Http http;

	Holdings(SystemStack stack, Http http) {
		this.stack = stack;
		this.http = http;
	}

	synchronized void points(ExpectedPoints expected) {
		this.points.add(expected);
	}

	/**
	 * The scores of one store's answers (null: the question skipped), all of one
	 * scenario.
	 */
	synchronized void answers(String store, List<Integer> scores) {
		this.answersByStore.computeIfAbsent(store, (key) -> new ArrayList<>()).addAll(scores);
	}

	/** An alert of the signal that the customer must have had exactly once. */
	synchronized void alertOnce(String customerId, String signal) {
		this.alerts.add(customerId + "/" + signal);
	}

	/** Everything sent so far is held exactly, and every webhook was delivered. */
	synchronized void assertAllExact(CrmWebhooks webhooks) {
		assertPoints();
		assertAnswers();
		assertAlerts();
		assertThat(webhooks.lost()).as("alert changes never delivered").isZero();
	}

	private void assertPoints() {
		Map<String, ExpectedPoints.Account> accounts = new LinkedHashMap<>();
		this.points.forEach((expected) -> accounts.putAll(expected.accounts()));
		await("every balance of every scenario").atMost(SETTLED)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> accounts.forEach((customerId, expected) -> {
				JsonNode balance = ok(POINTS, "/api/v1/customers/" + customerId + "/points");
				assertThat(balance.get("available").asLong() + balance.get("pending").asLong())
					.as("points of %s: %s", customerId, balance)
					.isEqualTo(expected.points);
				Map<String, Integer> kinds = new HashMap<>();
				ok(POINTS, "/api/v1/customers/" + customerId + "/points/transactions?limit=1000")
					.forEach((entry) -> kinds.merge(entry.get("kind").asString(), 1, Integer::sum));
				assertThat(kinds.getOrDefault("EARN", 0)).as("EARN entries of %s", customerId)
					.isEqualTo(expected.earns);
				assertThat(kinds.getOrDefault("REVERSE_EARN", 0)).as("REVERSE_EARN entries of %s", customerId)
					.isEqualTo(expected.reversals);
				assertThat(kinds.getOrDefault("BONUS", 0)).as("BONUS entries of %s", customerId)
					.isEqualTo(expected.bonuses);
			}));
	}

	private void assertAnswers() {
		await("every answer of every store counted once").atMost(SETTLED)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> this.answersByStore.forEach((store, scores) -> {
				JsonNode score = ok(SURVEY, "/api/v1/nps?store=" + store + "&window=90d");
				assertThat(score.get("n").asLong()).as(score.toString())
					.isEqualTo(scores.stream().filter((s) -> s != null).count());
				assertThat(score.get("skipped").asLong()).as(score.toString())
					.isEqualTo(scores.stream().filter((s) -> s == null).count());
				assertThat(score.get("promoters").asLong()).as(score.toString())
					.isEqualTo(scores.stream().filter((s) -> s != null && s >= 9).count());
				assertThat(score.get("detractors").asLong()).as(score.toString())
					.isEqualTo(scores.stream().filter((s) -> s != null && s <= 6).count());
			}));
	}

	private void assertAlerts() {
		await("every alert raised once").atMost(SETTLED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			for (String pair : this.alerts) {
				String customerId = pair.substring(0, pair.indexOf('/'));
				String signal = pair.substring(pair.indexOf('/') + 1);
				JsonNode list = ok(CHURN, "/api/v1/alerts?customerId=" + customerId + "&signal=" + signal);
				assertThat(list.get("total").asLong()).as("%s alerts of %s: %s", signal, customerId, list).isEqualTo(1);
			}
		});
	}

	private JsonNode ok(String service, String path) {
		Answer answer = this.http.get(this.stack.baseUrl(service) + path);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

}
