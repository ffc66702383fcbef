package io.loyaltypulse.churn.webhooks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.loyaltypulse.churn.webhooks.WebhookEvents.AlertChange;
import io.loyaltypulse.events.ChurnAlertRaised;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnAlertSnapshot;
import io.loyaltypulse.events.ChurnAlertStatus;
import io.loyaltypulse.events.ChurnSignal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which subscription gets which change, secret rotation, the deliveries' order and
 * versions, and the payloads.
 */
class SubscriptionsAndDeliveriesTest {

	static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void shouldMatchOnEventTypeMinimumSeverityAndStore() {
		Subscription all = subscription(null, null, null);
		Subscription raisedHighS1 = subscription(List.of("churn-alert.raised"), "HIGH", List.of("S1"));

		assertThat(all.matches("churn-alert.cleared", "LOW", null)).isTrue();
		assertThat(raisedHighS1.matches("churn-alert.raised", "HIGH", "S1")).isTrue();
		assertThat(raisedHighS1.matches("churn-alert.raised", "CRITICAL", "S1")).isTrue();
		assertThat(raisedHighS1.matches("churn-alert.raised", "MEDIUM", "S1")).isFalse();
		assertThat(raisedHighS1.matches("churn-alert.updated", "HIGH", "S1")).isFalse();
		assertThat(raisedHighS1.matches("churn-alert.raised", "HIGH", "S2")).isFalse();
		assertThat(raisedHighS1.matches("churn-alert.raised", "HIGH", null)).isFalse();
		assertThat(all.withStatus(Subscription.DISABLED, "410", NOW).matches("churn-alert.raised", "HIGH", "S1"))
			.isFalse();
	}

	@Test
	void shouldSignWithBothSecretsDuringTheOverlapOnly() {
		Subscription subscription = subscription(null, null, null);
		String old = subscription.secrets().getFirst().secret();

		Subscription rotated = subscription.rotated("whsec_new", NOW, Duration.ofHours(24));

		assertThat(rotated.signingSecrets(NOW)).containsExactly("whsec_new", old);
		assertThat(rotated.rotationEndsAt(NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
		assertThat(rotated.signingSecrets(NOW.plus(Duration.ofHours(24)))).containsExactly("whsec_new");
		assertThat(rotated.rotated("whsec_newer", NOW.plusSeconds(1), Duration.ofHours(24)).signingSecrets(NOW))
			.containsExactly("whsec_newer", "whsec_new");
		assertThat(rotated.toString()).doesNotContain("whsec_");
	}

	@Test
	void shouldOfferOnlyTheOldestPendingDeliveryOfEachSubscriptionAndCustomer() {
		DeliveryStore store = new DeliveryStore(10);
		Delivery first = delivery("d1", "c1", 10, 0);
		Delivery second = delivery("d2", "c1", 11, 0);
		Delivery otherCustomer = delivery("d3", "c2", 12, 0);
		Delivery otherPartition = delivery("d4", "c3", 13, 1);
		List.of(second, first, otherCustomer, otherPartition).forEach(store::apply);

		assertThat(store.due(Set.of(0), NOW)).extracting(Delivery::id).containsExactlyInAnyOrder("d1", "d3");

		Delivery retrying = first.attempted(Delivery.PENDING, NOW, 500, "HTTP 500", NOW.plusSeconds(5));
		store.apply(retrying);
		assertThat(store.due(Set.of(0), NOW)).extracting(Delivery::id).containsExactly("d3");
		assertThat(store.due(Set.of(0), NOW.plusSeconds(5))).extracting(Delivery::id)
			.containsExactlyInAnyOrder("d1", "d3");

		store.apply(retrying.attempted(Delivery.SUCCEEDED, NOW.plusSeconds(5), 200, null, null));
		assertThat(store.due(Set.of(0), NOW.plusSeconds(5))).extracting(Delivery::id)
			.containsExactlyInAnyOrder("d2", "d3");
	}

	@Test
	void shouldKeepTheHighestVersionWhateverTheOrderRecordsArrive() {
		DeliveryStore store = new DeliveryStore(10);
		Delivery created = delivery("d1", "c1", 10, 0);
		Delivery failed = created.attempted(Delivery.FAILED, NOW, 400, "HTTP 400", null);

		assertThat(store.apply(failed)).isTrue();
		assertThat(store.apply(created)).isFalse();
		assertThat(store.find("d1")).contains(failed);
		assertThat(store.failedSince("s1", NOW)).containsExactly(failed);
		assertThat(store.failedSince("s1", NOW.plusSeconds(1))).isEmpty();

		Delivery replayed = failed.replayed(NOW.plusSeconds(10));
		store.apply(replayed);
		assertThat(replayed.attempts()).isZero();
		assertThat(store.due(Set.of(0), NOW.plusSeconds(10))).containsExactly(replayed);
	}

	@Test
	void shouldForgetOldFinishedDeliveriesButNeverPendingOnes() {
		DeliveryStore store = new DeliveryStore(2);
		store.apply(delivery("pending", "c0", 0, 0));
		for (int i = 1; i <= 10; i++) {
			Delivery delivery = delivery("d" + i, "c" + i, i, 0);
			store.apply(delivery.attempted(Delivery.SUCCEEDED, NOW.plusSeconds(i), 200, null, null));
		}

		assertThat(store.contains("pending")).isTrue();
		assertThat(store.recent("s1", 100).size()).isLessThanOrEqualTo(5);
		assertThat(store.recent("s1", 2)).extracting(Delivery::id).containsExactly("d10", "d9");
	}

	@Test
	void shouldDeliverTheAlertWithItsExplanationEvidenceAndDashboardLink() {
		WebhookPayloads payloads = new WebhookPayloads("https://crm.example.com/pulse/");
		AlertChange change = WebhookEvents.of(raised()).orElseThrow();

		JsonNode standard = json.readTree(payloads.body("standard", change));

		assertThat(change.type()).isEqualTo("churn-alert.raised");
		assertThat(standard.get("type").asString()).isEqualTo("churn-alert.raised");
		assertThat(standard.get("timestamp").asString()).isEqualTo("2026-11-30T12:00:00Z");
		JsonNode data = standard.get("data");
		assertThat(data.get("id").asString()).isEqualTo("YzE.arrears.1");
		assertThat(data.get("customerId").asString()).isEqualTo("c1");
		assertThat(data.get("severity").asString()).isEqualTo("LOW");
		assertThat(data.get("status").asString()).isEqualTo("OPEN");
		assertThat(data.get("risk").asDouble()).isEqualTo(1.5);
		assertThat(data.get("explanation").asString())
			.isEqualTo("invoice inv-1 is 10 days overdue with 250.00 EUR unpaid");
		assertThat(data.get("evidence").get("daysOverdue").asString()).isEqualTo("10");
		assertThat(data.get("link").asString()).isEqualTo("https://crm.example.com/pulse/alerts/YzE.arrears.1");

		JsonNode slack = json.readTree(payloads.body("slack", change));
		assertThat(slack.get("text").asString()).contains("LOW ARREARS alert raised for customer c1")
			.contains("250.00 EUR unpaid");
		assertThat(slack.get("blocks")).hasSize(3).allSatisfy((block) -> {
			assertThat(block.get("type").asString()).isEqualTo("section");
			assertThat(block.get("text").get("type").asString()).isEqualTo("mrkdwn");
		});
		assertThat(slack.get("blocks").get(2).get("text").get("text").asString())
			.isEqualTo("<https://crm.example.com/pulse/alerts/YzE.arrears.1|Open the alert in the dashboard>");
		assertThat(WebhookPayloads.escape("a<b>&c")).isEqualTo("a&lt;b&gt;&amp;c");
	}

	@Test
	void shouldGiveEachChangeAndSubscriptionOneStableDeliveryId() {
		String id = WebhookEvents.deliveryId("wh_1", "YzE.arrears.1:1");

		assertThat(id).startsWith("msg_").hasSize(31).isEqualTo(WebhookEvents.deliveryId("wh_1", "YzE.arrears.1:1"));
		assertThat(WebhookEvents.deliveryId("wh_2", "YzE.arrears.1:1")).isNotEqualTo(id);
		assertThat(WebhookEvents.deliveryId("wh_1", "YzE.arrears.1:2")).isNotEqualTo(id);
		assertThat(WebhookEvents.of("not a change")).isEmpty();
	}

	static ChurnAlertRaised raised() {
		return ChurnAlertRaised.newBuilder()
			.setEventId("YzE.arrears.1:1")
			.setCustomerId("c1")
			.setOccurredAt(NOW)
			.setAlert(ChurnAlertSnapshot.newBuilder()
				.setAlertId("YzE.arrears.1")
				.setCustomerId("c1")
				.setSignal(ChurnSignal.ARREARS)
				.setStatus(ChurnAlertStatus.OPEN)
				.setSeverity(ChurnAlertSeverity.LOW)
				.setRisk(1.5)
				.setCustomerValue(new BigDecimal("120.0000"))
				.setValueCurrency("EUR")
				.setExplanation("invoice inv-1 is 10 days overdue with 250.00 EUR unpaid")
				.setEvidence(Map.of("daysOverdue", "10", "invoiceId", "inv-1"))
				.setStoreId("S1")
				.setRaisedAt(NOW)
				.setUpdatedAt(NOW)
				.build())
			.build();
	}

	static Subscription subscription(List<String> eventTypes, String minSeverity, List<String> stores) {
		return new Subscription("s1", "https://crm.example.com/hook", eventTypes, minSeverity, stores, "standard",
				List.of(new Subscription.Secret("whsec_old", null)), Subscription.ACTIVE, null, NOW, NOW, false);
	}

	static Delivery delivery(String id, String customerId, long sequence, int partition) {
		return new Delivery(id, "s1", customerId, "a-" + customerId, "a-" + customerId + ":1", "churn-alert.raised",
				"{}", sequence, 1, Delivery.PENDING, 0, NOW, null, null, null, NOW, NOW, partition);
	}

}
