package io.loyaltypulse.deploy.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.loyaltypulse.deploy.helm.Manifests.at;
import static io.loyaltypulse.deploy.helm.Manifests.list;
import static io.loyaltypulse.deploy.helm.Manifests.path;
import static org.assertj.core.api.Assertions.assertThat;

/** PDBs, NetworkPolicies, ServiceMonitors, the Ingress and the topics. */
class OperationsResourcesTest {

	private static final List<String> SERVICES = List.of("lp-loyalty-pulse-points", "lp-loyalty-pulse-purchase",
			"lp-loyalty-pulse-survey", "lp-loyalty-pulse-churn-alert");

	@Test
	void shouldLetAtMostOnePodOfEachServiceBeEvicted() {
		Manifests manifests = Manifests.of("minimal");

		for (String name : SERVICES) {
			Map<String, Object> budget = manifests.get("PodDisruptionBudget", name);
			assertThat(at(budget, "spec.maxUnavailable")).isEqualTo(1);
			assertThat(at(budget, "spec.selector.matchLabels"))
				.isEqualTo(at(manifests.get("Service", name), "spec.selector"));
		}
	}

	@Test
	void shouldAdmitOnlyTheReleaseAndNamedPeersWhenExternalTrafficIsOff() {
		Manifests manifests = Manifests.of("ha");

		for (String name : SERVICES) {
			Map<String, Object> policy = manifests.get("NetworkPolicy", name);
			assertThat(at(policy, "spec.policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
			List<Map<String, Object>> from = list(list(at(policy, "spec.ingress")).get(0).get("from"));
			assertThat(from).hasSize(4);
			assertThat(at(from.get(0), "podSelector.matchLabels"))
				.isEqualTo(Map.of("app.kubernetes.io/name", "loyalty-pulse", "app.kubernetes.io/instance", "lp"));
			List<Map<String, Object>> egress = list(at(policy, "spec.egress"));
			assertThat(egress.get(0).get("ports")).asString().contains("53");
			assertThat(egress).hasSize(3);
		}
	}

	@Test
	void shouldAdmitAnyoneToTheApiPortByDefault() {
		Map<String, Object> policy = Manifests.of("minimal").get("NetworkPolicy", SERVICES.get(0));

		assertThat(list(at(policy, "spec.ingress")).get(0)).doesNotContainKey("from");
		assertThat(at(policy, "spec.policyTypes")).isEqualTo(List.of("Ingress"));
	}

	@Test
	void shouldScrapeEachServiceOnceThroughItsApiService() {
		Manifests manifests = Manifests.of("ha");

		assertThat(Manifests.of("minimal").ofKind("ServiceMonitor")).isEmpty();
		for (String name : SERVICES) {
			Map<String, Object> monitor = manifests.get("ServiceMonitor", name);
			assertThat(at(monitor, "metadata.labels.release")).isEqualTo("kube-prometheus-stack");
			assertThat(list(at(monitor, "spec.endpoints")).get(0)).containsEntry("port", "http")
				.containsEntry("path", "/actuator/prometheus");
			// Selects the API Service but not the headless one of the same pods.
			Map<?, ?> selector = (Map<?, ?>) at(monitor, "spec.selector.matchLabels");
			assertThat(manifests.ofKind("Service")
				.stream()
				.filter((service) -> ((Map<?, ?>) at(service, "metadata.labels")).entrySet()
					.containsAll(selector.entrySet()))
				.map((service) -> at(service, "metadata.name"))
				.toList()).contains(name);
		}
	}

	@Test
	void shouldRouteTheIngressToServicesThatExist() {
		Manifests manifests = Manifests.of("ha");
		Map<String, Object> ingress = manifests.get("Ingress", "lp-loyalty-pulse");

		assertThat(Manifests.of("minimal").ofKind("Ingress")).isEmpty();
		List<Map<String, Object>> rules = list(at(ingress, "spec.rules"));
		assertThat(rules).extracting((rule) -> rule.get("host"))
			.containsExactly("loyalty.example.com", "crm.example.com");
		List<Map<String, Object>> paths = list(at(rules.get(0), "http.paths"));
		assertThat(paths).hasSize(9);
		for (Map<String, Object> rule : rules) {
			for (Map<String, Object> path : list(at(rule, "http.paths"))) {
				String service = (String) at(path, "backend.service.name");
				assertThat(manifests.find("Service", service)).as(service).isPresent();
				assertThat(at(path, "backend.service.port.name")).isEqualTo("http");
			}
		}
		assertThat(paths).filteredOn((path) -> "/api/v1/nps".equals(path.get("path")))
			.extracting((path) -> at(path, "backend.service.name"))
			.containsExactly("lp-loyalty-pulse-survey");
	}

	@Test
	void shouldGiveTheCrmItsOwnHostOnChurnAlertService() {
		Map<String, Object> ingress = Manifests.of("ha").get("Ingress", "lp-loyalty-pulse");
		Map<String, Object> crm = list(at(ingress, "spec.rules")).get(1);

		assertThat(list(at(crm, "http.paths"))).singleElement().satisfies((path) -> {
			assertThat(path).containsEntry("path", "/").containsEntry("pathType", "Prefix");
			assertThat(at(path, "backend.service.name")).isEqualTo("lp-loyalty-pulse-churn-alert");
		});
		assertThat(list(at(ingress, "spec.tls"))).extracting((tls) -> tls.get("secretName"))
			.contains("crm-example-com-tls");
	}

	@Test
	void shouldRefuseAnIngressPathToADisabledService() {
		Helm.Result result = Helm.template("ha", "services.churn-alert.enabled=false");

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stderr())
			.contains("ingress path /api/v1/alerts goes to services.churn-alert, which is not enabled");
	}

	@Test
	void shouldHandTheTopicSettingsToEveryService() {
		Manifests manifests = Manifests.of("ha");

		for (String name : SERVICES) {
			Map<String, Object> config = Manifests.springConfig(manifests.get("ConfigMap", name));
			assertThat(path(config, "loyalty", "kafka", "provision-topics")).isEqualTo(false);
			assertThat(path(config, "loyalty", "kafka", "verify-topics")).isEqualTo(true);
			assertThat(path(config, "loyalty", "topics", "partitions")).isEqualTo(12);
			assertThat(path(config, "loyalty", "topics", "replication-factor")).isEqualTo(3);
			assertThat(path(config, "loyalty", "topics", "purchases")).isEqualTo("shop.purchases");
			assertThat(path(config, "loyalty", "topics", "points-ledger")).isEqualTo("loyalty.points-ledger");
			assertThat(path(config, "loyalty", "topics", "churn-alerts")).isEqualTo("crm.churn-alerts");
		}
	}

}
