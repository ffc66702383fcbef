package io.loyaltypulse.deploy.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.loyaltypulse.deploy.helm.Manifests.at;
import static io.loyaltypulse.deploy.helm.Manifests.container;
import static io.loyaltypulse.deploy.helm.Manifests.env;
import static io.loyaltypulse.deploy.helm.Manifests.list;
import static io.loyaltypulse.deploy.helm.Manifests.map;
import static io.loyaltypulse.deploy.helm.Manifests.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka Streams services (points-service, survey-service, churn-alert-service): a
 * StatefulSet each, with its state on a volume and static membership.
 */
class StreamsServiceTest {

	private static final String PREFIX = "lp-loyalty-pulse-";

	/** The key of each Streams service in values.yaml, its application name and port. */
	static List<Arguments> streamsServices() {
		return List.of(Arguments.of("points", "points-service", 8082), Arguments.of("survey", "survey-service", 8083),
				Arguments.of("churn-alert", "churn-alert-service", 8084));
	}

	@ParameterizedTest
	@MethodSource("streamsServices")
	void shouldRunEachAsAStatefulSetBehindAHeadlessService(String key, String app, int port) {
		Manifests manifests = Manifests.of("minimal");
		Map<String, Object> statefulSet = manifests.get("StatefulSet", PREFIX + key);
		Map<String, Object> headless = manifests.get("Service", PREFIX + key + "-headless");

		assertThat(at(statefulSet, "spec.replicas")).isEqualTo(2);
		assertThat(at(statefulSet, "spec.serviceName")).isEqualTo(PREFIX + key + "-headless");
		assertThat(at(statefulSet, "spec.podManagementPolicy")).isEqualTo("Parallel");
		assertThat(at(statefulSet, "spec.selector.matchLabels")).asString()
			.contains("app.kubernetes.io/component=" + key);
		assertThat(at(headless, "spec.clusterIP")).isEqualTo("None");
		assertThat(at(headless, "spec.publishNotReadyAddresses")).isEqualTo(true);
		assertThat(at(headless, "spec.selector")).isEqualTo(at(statefulSet, "spec.selector.matchLabels"));
		assertThat(manifests.find("Deployment", PREFIX + key)).isEmpty();
		assertThat(container(map(at(statefulSet, "spec.template"))).get("name")).isEqualTo(app);
	}

	@ParameterizedTest
	@MethodSource("streamsServices")
	void shouldServeEachOnItsOwnPort(String key, String app, int port) {
		Manifests manifests = Manifests.of("minimal");
		Map<String, Object> container = container(map(at(manifests.get("StatefulSet", PREFIX + key), "spec.template")));
		Map<String, Object> config = Manifests.springConfig(manifests.get("ConfigMap", PREFIX + key));

		assertThat(list(container.get("ports")).get(0)).containsEntry("name", "http")
			.containsEntry("containerPort", port);
		assertThat(path(config, "server", "port")).isEqualTo(port);
		for (String service : List.of(PREFIX + key, PREFIX + key + "-headless")) {
			assertThat(list(at(manifests.get("Service", service), "spec.ports")).get(0)).containsEntry("port", port)
				.containsEntry("targetPort", "http");
		}
		assertThat(container.get("image")).isEqualTo("loyalty-pulse/" + app + ":0.1.0-SNAPSHOT");
	}

	@ParameterizedTest
	@MethodSource("streamsServices")
	void shouldProbeTheActuatorHealthGroupsOnTheHttpPort(String key, String app, int port) {
		Map<String, Object> container = container(
				map(at(Manifests.of("minimal").get("StatefulSet", PREFIX + key), "spec.template")));

		// The readiness group of each service (its application.yaml) holds kafkaStreams:
		// ready once the topology runs.
		assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
		assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
		assertThat(at(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
		for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
			assertThat(at(container, probe + ".httpGet.port")).as(probe).isEqualTo("http");
		}
		// A topology restoring its state may take minutes before it starts: the startup
		// probe allows 5 minutes.
		assertThat((Integer) at(container, "startupProbe.periodSeconds")
				* (Integer) at(container, "startupProbe.failureThreshold"))
			.isGreaterThanOrEqualTo(300);
	}

	@ParameterizedTest
	@MethodSource("streamsServices")
	void shouldKeepTheStateDirectoryOnAVolumeClaimOfEachPod(String key, String app, int port) {
		Map<String, Object> statefulSet = Manifests.of("minimal").get("StatefulSet", PREFIX + key);
		Map<String, Object> claim = list(at(statefulSet, "spec.volumeClaimTemplates")).get(0);
		Map<String, Object> mount = list(container(map(at(statefulSet, "spec.template"))).get("volumeMounts")).stream()
			.filter((volumeMount) -> "state".equals(volumeMount.get("name")))
			.findFirst()
			.orElseThrow();
		Map<String, Object> config = Manifests.springConfig(Manifests.of("minimal").get("ConfigMap", PREFIX + key));

		assertThat(list(at(statefulSet, "spec.volumeClaimTemplates"))).hasSize(1);
		assertThat(at(claim, "metadata.name")).isEqualTo("state");
		assertThat(at(claim, "spec.accessModes")).isEqualTo(List.of("ReadWriteOnce"));
		assertThat(at(claim, "spec.resources.requests.storage")).isEqualTo("10Gi");
		assertThat(mount.get("mountPath")).isEqualTo(path(config, "spring", "kafka", "streams", "state-dir"))
			.isEqualTo("/var/lib/loyalty-pulse/state");
		// The state volume is the pod's own, not one of the pod template's volumes.
		assertThat(list(at(statefulSet, "spec.template.spec.volumes"))).extracting((volume) -> volume.get("name"))
			.doesNotContain("state");
	}

	@ParameterizedTest
	@MethodSource("streamsServices")
	void shouldJoinTheGroupUnderThePodNameAndAdvertiseThePodDnsName(String key, String app, int port) {
		Map<String, Object> container = container(
				map(at(Manifests.of("minimal").get("StatefulSet", PREFIX + key), "spec.template")));

		assertThat(at(env(container, "POD_NAME"), "valueFrom.fieldRef.fieldPath")).isEqualTo("metadata.name");
		assertThat(at(env(container, "POD_NAMESPACE"), "valueFrom.fieldRef.fieldPath")).isEqualTo("metadata.namespace");
		assertThat(env(container, "LOYALTY_STREAMS_INSTANCE_ID").get("value")).isEqualTo("$(POD_NAME)");
		assertThat(env(container, "LOYALTY_STREAMS_ADVERTISED_HOST").get("value"))
			.isEqualTo("$(POD_NAME)." + PREFIX + key + "-headless.$(POD_NAMESPACE).svc.cluster.local");
		// $(POD_NAME) is only expanded from variables defined before it.
		List<Object> names = list(container.get("env")).stream().map((variable) -> variable.get("name")).toList();
		assertThat(names.indexOf("POD_NAME")).isLessThan(names.indexOf("LOYALTY_STREAMS_INSTANCE_ID"));
		assertThat(names.indexOf("POD_NAMESPACE")).isLessThan(names.indexOf("LOYALTY_STREAMS_ADVERTISED_HOST"));
	}

	@ParameterizedTest
	@MethodSource("streamsServices")
	void shouldKeepOneStandbyAndGiveShutdownTimeToCommit(String key, String app, int port) {
		Map<String, Object> statefulSet = Manifests.of("minimal").get("StatefulSet", PREFIX + key);
		Map<String, Object> config = Manifests.springConfig(Manifests.of("minimal").get("ConfigMap", PREFIX + key));

		assertThat(path(config, "spring", "kafka", "streams", "properties", "num.standby.replicas")).isEqualTo(1);
		assertThat(path(config, "loyalty", "streams", "close-timeout")).isEqualTo("30s");
		assertThat((Integer) at(statefulSet, "spec.template.spec.terminationGracePeriodSeconds"))
			.isGreaterThanOrEqualTo(30);
	}

	@ParameterizedTest
	@ValueSource(strings = { "points", "survey", "churn-alert" })
	void shouldRefuseAGracePeriodShorterThanTheCloseTimeout(String key) {
		Helm.Result result = Helm.template("minimal", "services." + key + ".terminationGracePeriodSeconds=20",
				"services." + key + ".closeTimeoutSeconds=30");

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stderr()).contains(
				"services." + key + ".terminationGracePeriodSeconds (20) must be at least closeTimeoutSeconds (30)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "survey", "churn-alert" })
	void shouldRenderNothingOfAServiceThatIsDisabled(String key) {
		Manifests manifests = Manifests.render("minimal", "services." + key + ".enabled=false");

		assertThat(manifests.all()).extracting((object) -> at(object, "metadata.name"))
			.noneMatch((name) -> ((String) name).startsWith(PREFIX + key));
		assertThat(manifests.ofKind("StatefulSet")).hasSize(2);
	}

	@Test
	void shouldLeaveTheSurveyIngestItsOwnWindowOfAcceptedEvents() {
		Map<String, Object> config = Manifests
			.springConfig(Manifests.of("minimal").get("ConfigMap", PREFIX + "survey"));

		// survey-service's max-past-age (365d) must stay below loyalty.nps.retention: the
		// chart does not raise it to
		// the topics' maxEventAge, which the topics are only checked to keep.
		assertThat(path(config, "loyalty", "ingest")).isNull();
		assertThat(path(config, "loyalty", "kafka", "max-event-age")).isEqualTo("3650d");
	}

	@Test
	void shouldScaleAndSizePointsAsTheHaValuesSay() {
		Manifests manifests = Manifests.of("ha");
		Map<String, Object> statefulSet = manifests.get("StatefulSet", PREFIX + "points");
		Map<String, Object> claim = list(at(statefulSet, "spec.volumeClaimTemplates")).get(0);
		Map<String, Object> config = Manifests.springConfig(manifests.get("ConfigMap", PREFIX + "points"));

		assertThat(at(statefulSet, "spec.replicas")).isEqualTo(3);
		assertThat(at(claim, "spec.storageClassName")).isEqualTo("fast-ssd");
		assertThat(at(claim, "spec.resources.requests.storage")).isEqualTo("50Gi");
		assertThat(path(config, "spring", "kafka", "streams", "properties", "session.timeout.ms")).isEqualTo(120000);
		assertThat(path(config, "spring", "kafka", "streams", "properties", "replication.factor")).isEqualTo(3);
		assertThat(path(config, "spring", "kafka", "streams", "properties", "num.standby.replicas")).isEqualTo(1);
	}

	@Test
	void shouldScaleAndSizeSurveyAndChurnAlertAsTheHaValuesSay() {
		Manifests manifests = Manifests.of("ha");
		Map<String, Object> survey = manifests.get("StatefulSet", PREFIX + "survey");
		Map<String, Object> churn = manifests.get("StatefulSet", PREFIX + "churn-alert");
		Map<String, Object> surveyConfig = Manifests.springConfig(manifests.get("ConfigMap", PREFIX + "survey"));
		Map<String, Object> churnConfig = Manifests.springConfig(manifests.get("ConfigMap", PREFIX + "churn-alert"));

		assertThat(at(survey, "spec.replicas")).isEqualTo(3);
		assertThat(at(list(at(survey, "spec.volumeClaimTemplates")).get(0), "spec.resources.requests.storage"))
			.isEqualTo("20Gi");
		assertThat(path(surveyConfig, "loyalty", "nps", "slices"))
			.isEqualTo(List.of("store+touchpoint", "region+channel"));
		assertThat(at(churn, "spec.replicas")).isEqualTo(3);
		assertThat(at(list(at(churn, "spec.volumeClaimTemplates")).get(0), "spec.storageClassName"))
			.isEqualTo("fast-ssd");
		assertThat(at(churn, "spec.template.spec.terminationGracePeriodSeconds")).isEqualTo(90);
		assertThat(at(churn, "spec.template.spec.affinity.podAntiAffinity")).isNotNull();
		assertThat(at(container(map(at(churn, "spec.template"))), "resources.limits.memory")).isEqualTo("3Gi");
		assertThat(path(churnConfig, "loyalty", "streams", "close-timeout")).isEqualTo("45s");
		assertThat(path(churnConfig, "loyalty", "churn", "value-currency")).isEqualTo("USD");
		assertThat(path(churnConfig, "spring", "kafka", "streams", "properties", "replication.factor")).isEqualTo(3);
	}

}
