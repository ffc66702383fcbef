package io.loyaltypulse.deploy.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.loyaltypulse.deploy.helm.Manifests.at;
import static io.loyaltypulse.deploy.helm.Manifests.container;
import static io.loyaltypulse.deploy.helm.Manifests.env;
import static io.loyaltypulse.deploy.helm.Manifests.list;
import static io.loyaltypulse.deploy.helm.Manifests.map;
import static io.loyaltypulse.deploy.helm.Manifests.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * churn-alert-service's own settings: webhook subscriptions from values with their
 * secrets from a Secret (placeholders filled from environment variables), and the
 * dashboard's users and survey-service key from a Secret mounted as a Spring YAML
 * document, as the API keys are.
 */
class ChurnAlertSettingsTest {

	private static final String CHURN = "lp-loyalty-pulse-churn-alert";

	@Test
	void shouldRenderWebhookSubscriptionsWithTheirSecretsFromASecret() {
		Manifests manifests = Manifests.of("ha");
		Map<String, Object> webhooks = map(
				path(Manifests.springConfig(manifests.get("ConfigMap", CHURN)), "loyalty", "webhooks"));
		List<Map<String, Object>> subscriptions = list(webhooks.get("subscriptions"));
		Map<String, Object> container = container(map(at(manifests.get("StatefulSet", CHURN), "spec.template")));

		assertThat(webhooks).containsEntry("dashboard-base-url", "https://crm.example.com/dashboard");
		assertThat(subscriptions).hasSize(2);
		assertThat(subscriptions.get(0)).containsEntry("id", "hubspot")
			.containsEntry("url", "https://hooks.example.com/churn")
			.containsEntry("event-types", List.of("churn-alert.raised", "churn-alert.escalated"))
			.containsEntry("min-severity", "MEDIUM")
			.containsEntry("format", "standard")
			.containsEntry("secret", "${LOYALTY_WEBHOOKS_SUBSCRIPTION_0_SECRET}");
		assertThat(subscriptions.get(1)).containsEntry("stores", List.of("S1"))
			.containsEntry("format", "slack")
			.containsEntry("secret", "${LOYALTY_WEBHOOKS_SUBSCRIPTION_1_SECRET}");
		assertThat(at(env(container, "LOYALTY_WEBHOOKS_SUBSCRIPTION_0_SECRET"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "loyalty-webhook-secrets", "key", "hubspot"));
		assertThat(at(env(container, "LOYALTY_WEBHOOKS_SUBSCRIPTION_1_SECRET"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "loyalty-webhook-secrets", "key", "slack"));
	}

	@Test
	void shouldMountTheDashboardUsersAndKeyFromASecretAsTheApiKeysAre() {
		Manifests manifests = Manifests.of("ha");
		Map<String, Object> pod = map(at(manifests.get("StatefulSet", CHURN), "spec.template"));
		Map<String, Object> container = container(pod);

		assertThat(env(container, "SPRING_CONFIG_ADDITIONAL_LOCATION")).containsEntry("value",
				"optional:file:/etc/loyalty-pulse/config/application.yaml,"
						+ "optional:file:/etc/loyalty-pulse/api-keys/api-keys.yaml,"
						+ "optional:file:/etc/loyalty-pulse/dashboard/dashboard.yaml");
		assertThat(list(container.get("volumeMounts")))
			.contains(Map.of("name", "dashboard", "mountPath", "/etc/loyalty-pulse/dashboard", "readOnly", true));
		assertThat(list(at(pod, "spec.volumes"))).contains(Map.of("name", "dashboard", "secret", Map.of("secretName",
				"loyalty-dashboard", "items", List.of(Map.of("key", "dashboard.yaml", "path", "dashboard.yaml")))));
		// Only churn-alert-service reads it.
		Map<String, Object> points = container(
				map(at(manifests.get("StatefulSet", "lp-loyalty-pulse-points"), "spec.template")));
		assertThat((String) env(points, "SPRING_CONFIG_ADDITIONAL_LOCATION").get("value")).doesNotContain("dashboard");
	}

	@Test
	void shouldPointTheDashboardAtThisReleasesSurveyAndPointsServicesAndRenderNoWebhooksByDefault() {
		Manifests manifests = Manifests.of("minimal");
		Map<String, Object> loyalty = map(path(Manifests.springConfig(manifests.get("ConfigMap", CHURN)), "loyalty"));
		Map<String, Object> pod = map(at(manifests.get("StatefulSet", CHURN), "spec.template"));

		assertThat(path(loyalty, "dashboard", "survey-service", "url"))
			.isEqualTo("http://lp-loyalty-pulse-survey:8083");
		assertThat(path(loyalty, "dashboard", "points-service", "url"))
			.isEqualTo("http://lp-loyalty-pulse-points:8082");
		assertThat(loyalty).doesNotContainKey("webhooks");
		assertThat(list(at(pod, "spec.volumes"))).noneMatch((volume) -> "dashboard".equals(volume.get("name")));
	}

	@Test
	void shouldRefuseSubscriptionsWithoutTheSecretOfTheirSecrets() {
		Helm.Result result = Helm.template("minimal", "services.churn-alert.webhooks.subscriptions[0].id=crm",
				"services.churn-alert.webhooks.subscriptions[0].url=https://crm.example.com/hook");
		assertThat(result.exitCode()).as(result.output()).isNotZero();
		assertThat(result.output()).contains("services.churn-alert.webhooks.existingSecret is required");
	}

	@Test
	void shouldRefuseABadSubscription() {
		Helm.Result result = Helm.template("minimal", "services.churn-alert.webhooks.existingSecret=hooks",
				"services.churn-alert.webhooks.subscriptions[0].id=crm",
				"services.churn-alert.webhooks.subscriptions[0].url=https://crm.example.com/hook",
				"services.churn-alert.webhooks.subscriptions[0].minSeverity=HUGE",
				"services.churn-alert.webhooks.subscriptions[0].secret=whsec_inline");
		assertThat(result.exitCode()).as(result.output()).isNotZero();
		assertThat(result.output()).contains("/services/churn-alert/webhooks/subscriptions/0/minSeverity")
			.contains("additional properties 'secret' not allowed");
	}

}
