package io.loyaltypulse.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.loyaltypulse.systemtests.Http.Answer;
import io.loyaltypulse.systemtests.WebhookReceiver.Request;
import tools.jackson.databind.JsonNode;

import static io.loyaltypulse.systemtests.SystemStack.CHURN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CRM's side of the webhooks: one subscription, made over the admin API of the
 * running churn-alert-service before any event is sent, to the test's
 * {@link WebhookReceiver}; what the CRM checks about what it got: every delivery
 * verifiable, an alert's changes in order, no alert change missing.
 */
final class CrmWebhooks implements AutoCloseable {

	static final String RAISED = "churn-alert.raised";

	static final String CLEARED = "churn-alert.cleared";

	private static final Duration SETTLED = Duration.ofSeconds(180);

	private final SystemStack stack;

	private final Http http;

	private final WebhookReceiver receiver;

	private String subscriptionId;

	CrmWebhooks(SystemStack stack, Http http, WebhookReceiver receiver) {
		this.stack = stack;
		this.http = http;
		this.receiver = receiver;
	}

	String subscriptionId() {
		return this.subscriptionId;
	}

	WebhookReceiver receiver() {
		return this.receiver;
	}

	/** {@code POST /api/v1/webhooks} for every event type; its secret to the receiver. */
	void subscribe() {
		Answer created = this.http.post(url("/api/v1/webhooks"), Map.of("url", this.receiver.url()), Map.of());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.subscriptionId = created.json().get("id").asString();
		this.receiver.secret(created.json().get("secret").asString());
	}

	/**
	 * The customer's ARREARS alert delivered (signature valid), and its CLEARED after it:
	 * the clearing is not even attempted before the raising was delivered.
	 */
	void assertRaisedThenClearedDelivered(String customerId) {
		await("the ARREARS alert of " + customerId + " delivered, then its clearing").atMost(SETTLED)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(this.receiver.delivered()
				.stream()
				.filter((r) -> r.customerId().equals(customerId))
				.map(Request::type)).contains(RAISED, CLEARED));
		List<Request> requests = this.receiver.requests()
			.stream()
			.filter((r) -> r.customerId().equals(customerId))
			.toList();
		int raised = -1;
		int firstCleared = -1;
		for (int i = 0; i < requests.size(); i++) {
			Request request = requests.get(i);
			if (raised < 0 && RAISED.equals(request.type()) && request.answered() == 200) {
				raised = i;
			}
			if (firstCleared < 0 && CLEARED.equals(request.type())) {
				firstCleared = i;
			}
		}
		assertThat(raised).as("raised delivered before its clearing was attempted: %s", requests)
			.isGreaterThanOrEqualTo(0)
			.isLessThan(firstCleared);
		assertThat(requests).as("every request to the receiver signed and verifiable").allMatch(Request::verified);
	}

	/**
	 * Once every delivery of the subscription succeeded: the alert changes that never
	 * reached the receiver (answered 200): a delivery the service lists but the receiver
	 * never acknowledged, an alert whose raising, or (cleared) whose clearing, is
	 * missing.
	 */
	long lost() {
		await("every delivery of the subscription succeeded").atMost(SETTLED)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(deliveries())
				.allSatisfy((delivery) -> assertThat(delivery.get("status").asString()).as(delivery.toString())
					.isEqualTo("SUCCEEDED")));
		Set<String> acknowledged = new HashSet<>();
		Set<String> changes = new HashSet<>();
		for (Request request : this.receiver.delivered()) {
			acknowledged.add(request.webhookId());
			changes.add(request.alertId() + "/" + request.type());
		}
		long lost = 0;
		for (JsonNode delivery : deliveries()) {
			if (!acknowledged.contains(delivery.get("id").asString())) {
				lost++;
			}
		}
		Answer alerts = this.http.get(url("/api/v1/alerts?size=500"));
		assertThat(alerts.status()).as(alerts.toString()).isEqualTo(200);
		for (JsonNode alert : alerts.json().get("items")) {
			String id = alert.get("id").asString();
			if (!changes.contains(id + "/" + RAISED)) {
				lost++;
			}
			if ("CLEARED".equals(alert.get("status").asString()) && !changes.contains(id + "/" + CLEARED)) {
				lost++;
			}
		}
		return lost;
	}

	/** Deliveries (distinct webhook-ids answered 200) and how many of them verified. */
	int delivered() {
		return this.receiver.delivered().size();
	}

	int verified() {
		return (int) this.receiver.delivered().stream().filter(Request::verified).count();
	}

	/** Requests answered 503 so far (the receiver down). */
	int refused() {
		return (int) this.receiver.requests().stream().filter((r) -> r.answered() != 200).count();
	}

	/** The customers a request of this type was refused for so far. */
	Set<String> refusedCustomers(String type) {
		return this.receiver.requests()
			.stream()
			.filter((r) -> r.answered() != 200 && type.equals(r.type()))
			.map(Request::customerId)
			.collect(Collectors.toSet());
	}

	private List<JsonNode> deliveries() {
		Answer answer = this.http.get(url("/api/v1/webhooks/" + this.subscriptionId + "/deliveries"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		answer.json().get("items").forEach(items::add);
		return items;
	}

	private String url(String path) {
		return this.stack.baseUrl(CHURN) + path;
	}

	@Override
	public void close() {
		this.receiver.close();
	}

}
