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

/** points-service: a StatefulSet with its state on a volume and static membership. */
class StreamsServiceTest {

	private static final String NAME = "lp-loyalty-pulse-points";

	private static final String HEADLESS = NAME + "-headless";

	@Test
	void shouldRunPointsAsAStatefulSetBehindAHeadlessService() {
		Manifests manifests = Manifests.of("minimal");
		Map<String, Object> statefulSet = manifests.get("StatefulSet", NAME);
		Map<String, Object> headless = manifests.get("Service", HEADLESS);

		assertThat(at(statefulSet, "spec.replicas")).isEqualTo(2);
		assertThat(at(statefulSet, "spec.serviceName")).isEqualTo(HEADLESS);
		assertThat(at(headless, "spec.clusterIP")).isEqualTo("None");
		assertThat(at(headless, "spec.publishNotReadyAddresses")).isEqualTo(true);
		assertThat(at(headless, "spec.selector")).isEqualTo(at(statefulSet, "spec.selector.matchLabels"));
		assertThat(manifests.find("Deployment", NAME)).isEmpty();
	}

	@Test
	void shouldKeepTheStateDirectoryOnAVolumeClaimOfEachPod() {
		Map<String, Object> statefulSet = Manifests.of("minimal").get("StatefulSet", NAME);
		Map<String, Object> claim = list(at(statefulSet, "spec.volumeClaimTemplates")).get(0);
		Map<String, Object> mount = list(container(map(at(statefulSet, "spec.template"))).get("volumeMounts")).stream()
			.filter((volumeMount) -> "state".equals(volumeMount.get("name")))
			.findFirst()
			.orElseThrow();
		Map<String, Object> config = Manifests.springConfig(Manifests.of("minimal").get("ConfigMap", NAME));

		assertThat(at(claim, "metadata.name")).isEqualTo("state");
		assertThat(at(claim, "spec.accessModes")).isEqualTo(List.of("ReadWriteOnce"));
		assertThat(at(claim, "spec.resources.requests.storage")).isEqualTo("10Gi");
		assertThat(mount.get("mountPath")).isEqualTo(path(config, "spring", "kafka", "streams", "state-dir"))
			.isEqualTo("/var/lib/loyalty-pulse/state");
	}

	@Test
	void shouldJoinTheGroupUnderThePodNameAndAdvertiseThePodDnsName() {
		Map<String, Object> container = container(
				map(at(Manifests.of("minimal").get("StatefulSet", NAME), "spec.template")));

		assertThat(at(env(container, "POD_NAME"), "valueFrom.fieldRef.fieldPath")).isEqualTo("metadata.name");
		assertThat(at(env(container, "POD_NAMESPACE"), "valueFrom.fieldRef.fieldPath")).isEqualTo("metadata.namespace");
		assertThat(env(container, "LOYALTY_STREAMS_INSTANCE_ID").get("value")).isEqualTo("$(POD_NAME)");
		assertThat(env(container, "LOYALTY_STREAMS_ADVERTISED_HOST").get("value"))
			.isEqualTo("$(POD_NAME)." + HEADLESS + ".$(POD_NAMESPACE).svc.cluster.local");
	}

	@Test
	void shouldKeepOneStandbyAndGiveShutdownTimeToCommit() {
		Map<String, Object> statefulSet = Manifests.of("minimal").get("StatefulSet", NAME);
		Map<String, Object> config = Manifests.springConfig(Manifests.of("minimal").get("ConfigMap", NAME));

		assertThat(path(config, "spring", "kafka", "streams", "properties", "num.standby.replicas")).isEqualTo(1);
		assertThat(path(config, "loyalty", "streams", "close-timeout")).isEqualTo("30s");
		assertThat((Integer) at(statefulSet, "spec.template.spec.terminationGracePeriodSeconds"))
			.isGreaterThanOrEqualTo(30);
	}

	@Test
	void shouldRefuseAGracePeriodShorterThanTheCloseTimeout() {
		Helm.Result result = Helm.template("minimal", "services.points.terminationGracePeriodSeconds=20",
				"services.points.closeTimeoutSeconds=30");

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stderr())
			.contains("services.points.terminationGracePeriodSeconds (20) must be at least closeTimeoutSeconds (30)");
	}

	@Test
	void shouldScaleAndSizeAsTheHaValuesSay() {
		Manifests manifests = Manifests.of("ha");
		Map<String, Object> statefulSet = manifests.get("StatefulSet", NAME);
		Map<String, Object> claim = list(at(statefulSet, "spec.volumeClaimTemplates")).get(0);
		Map<String, Object> config = Manifests.springConfig(manifests.get("ConfigMap", NAME));

		assertThat(at(statefulSet, "spec.replicas")).isEqualTo(3);
		assertThat(at(claim, "spec.storageClassName")).isEqualTo("fast-ssd");
		assertThat(at(claim, "spec.resources.requests.storage")).isEqualTo("50Gi");
		assertThat(path(config, "spring", "kafka", "streams", "properties", "session.timeout.ms")).isEqualTo(120000);
		assertThat(path(config, "spring", "kafka", "streams", "properties", "replication.factor")).isEqualTo(3);
		assertThat(path(config, "spring", "kafka", "streams", "properties", "num.standby.replicas")).isEqualTo(1);
	}

}
