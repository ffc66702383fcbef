package io.loyaltypulse.deploy.helm;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.loyaltypulse.deploy.helm.Manifests.at;
import static io.loyaltypulse.deploy.helm.Manifests.container;
import static io.loyaltypulse.deploy.helm.Manifests.list;
import static io.loyaltypulse.deploy.helm.Manifests.map;
import static io.loyaltypulse.deploy.helm.Manifests.path;
import static org.assertj.core.api.Assertions.assertThat;

/** purchase-service: a stateless Deployment, optionally autoscaled. */
class IngestServiceTest {

	private static final String NAME = "lp-loyalty-pulse-purchase";

	@Test
	void shouldRunPurchaseAsADeploymentWithoutStateOrGroupMembership() {
		Manifests manifests = Manifests.of("minimal");
		Map<String, Object> deployment = manifests.get("Deployment", NAME);
		Map<String, Object> container = container(map(at(deployment, "spec.template")));

		assertThat(at(deployment, "spec.replicas")).isEqualTo(2);
		assertThat(list(container.get("env"))).extracting((variable) -> variable.get("name"))
			.doesNotContain("LOYALTY_STREAMS_INSTANCE_ID", "LOYALTY_STREAMS_ADVERTISED_HOST");
		assertThat(list(container.get("volumeMounts"))).extracting((mount) -> mount.get("name"))
			.containsExactly("tmp", "config");
		assertThat(manifests.find("StatefulSet", NAME)).isEmpty();
		assertThat(manifests.find("Service", NAME + "-headless")).isEmpty();
		assertThat(manifests.ofKind("HorizontalPodAutoscaler")).isEmpty();
	}

	@Test
	void shouldLeaveTheReplicasToTheAutoscalerWhenItIsOn() {
		Manifests manifests = Manifests.of("ha");
		Map<String, Object> deployment = manifests.get("Deployment", NAME);
		Map<String, Object> autoscaler = manifests.get("HorizontalPodAutoscaler", NAME);

		assertThat(at(deployment, "spec")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.doesNotContainKey("replicas");
		assertThat(at(autoscaler, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
		assertThat(at(autoscaler, "spec.scaleTargetRef.name")).isEqualTo(NAME);
		assertThat(at(autoscaler, "spec.minReplicas")).isEqualTo(3);
		assertThat(at(autoscaler, "spec.maxReplicas")).isEqualTo(12);
	}

	@Test
	void shouldAcceptNoEventOlderThanTheTopicsKeep() {
		Map<String, Object> config = Manifests.springConfig(Manifests.of("minimal").get("ConfigMap", NAME));

		assertThat(path(config, "loyalty", "ingest", "max-past-age"))
			.isEqualTo(path(config, "loyalty", "kafka", "max-event-age"))
			.isEqualTo("3650d");
	}

}
