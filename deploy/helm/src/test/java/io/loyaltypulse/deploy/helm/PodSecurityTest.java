package io.loyaltypulse.deploy.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.loyaltypulse.deploy.helm.Manifests.at;
import static io.loyaltypulse.deploy.helm.Manifests.container;
import static io.loyaltypulse.deploy.helm.Manifests.list;
import static org.assertj.core.api.Assertions.assertThat;

/** Every pod of every values file: non-root, read-only, no capabilities, probed. */
class PodSecurityTest {

	@ParameterizedTest
	@MethodSource("io.loyaltypulse.deploy.helm.Helm#valuesFileNames")
	void shouldRunEveryPodAsNonRootOnAReadOnlyRootWithoutCapabilities(String values) {
		List<Map<String, Object>> pods = Manifests.of(values).podTemplates();

		assertThat(pods).hasSize(4);
		for (Map<String, Object> pod : pods) {
			Map<String, Object> container = container(pod);
			assertThat(at(pod, "spec.securityContext.runAsNonRoot")).isEqualTo(true);
			assertThat(at(pod, "spec.securityContext.runAsUser")).isEqualTo(65532);
			assertThat(at(pod, "spec.securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
			assertThat(at(pod, "spec.automountServiceAccountToken")).isEqualTo(false);
			assertThat(at(container, "securityContext.runAsNonRoot")).isEqualTo(true);
			assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
			assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
			assertThat(at(container, "securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
			assertThat(at(container, "securityContext.capabilities.add")).isNull();
		}
	}

	@ParameterizedTest
	@MethodSource("io.loyaltypulse.deploy.helm.Helm#valuesFileNames")
	void shouldGiveEveryPodAWritableTmpOnAnEmptyDir(String values) {
		for (Map<String, Object> pod : Manifests.of(values).podTemplates()) {
			Map<String, Object> tmp = list(at(pod, "spec.volumes")).stream()
				.filter((volume) -> "tmp".equals(volume.get("name")))
				.findFirst()
				.orElseThrow();
			assertThat(tmp).containsKey("emptyDir");
			assertThat(list(container(pod).get("volumeMounts"))).anySatisfy(
					(mount) -> assertThat(mount).containsEntry("name", "tmp").containsEntry("mountPath", "/tmp"));
		}
	}

	@ParameterizedTest
	@MethodSource("io.loyaltypulse.deploy.helm.Helm#valuesFileNames")
	void shouldProbeTheActuatorHealthGroups(String values) {
		for (Map<String, Object> pod : Manifests.of(values).podTemplates()) {
			Map<String, Object> container = container(pod);
			assertThat(at(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
			assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
			assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
			assertThat(at(container, "readinessProbe.httpGet.port")).isEqualTo("http");
			assertThat(at(container, "resources.limits.memory")).isNotNull();
			assertThat(at(container, "resources.requests.cpu")).isNotNull();
		}
	}

	@ParameterizedTest
	@MethodSource("io.loyaltypulse.deploy.helm.Helm#valuesFileNames")
	void shouldStartTheImagesOwnMainClassWithTheChartsJvmOptions(String values) {
		for (Map<String, Object> pod : Manifests.of(values).podTemplates()) {
			@SuppressWarnings("unchecked")
			List<Object> command = (List<Object>) container(pod).get("command");
			assertThat(command.get(0)).isEqualTo("java");
			assertThat(command.subList(command.size() - 3, command.size())).containsExactly("-cp",
					"@/app/jib-classpath-file", "@/app/jib-main-class-file");
			assertThat(command).anySatisfy((option) -> assertThat((String) option).startsWith("-XX:MaxRAMPercentage="));
		}
	}

}
