package io.loyaltypulse.deploy.helm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.loyaltypulse.deploy.helm.Manifests.at;
import static io.loyaltypulse.deploy.helm.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KubernetesSchemaTest {

	@ParameterizedTest
	@MethodSource("io.loyaltypulse.deploy.helm.Helm#valuesFileNames")
	void shouldRenderOnlyObjectsTheKubernetesApiAccepts(String values) {
		List<Map<String, Object>> objects = Manifests.of(values).all();

		assertThat(objects).isNotEmpty();
		for (Map<String, Object> object : objects) {
			if (!KubernetesSchema.isCustomResource(object)) {
				KubernetesSchema.validate(object);
			}
		}
	}

	@Test
	void shouldRenderNoCustomResourceButTheServiceMonitors() {
		List<Map<String, Object>> custom = Manifests.of("ha")
			.all()
			.stream()
			.filter(KubernetesSchema::isCustomResource)
			.toList();

		assertThat(custom).extracting((object) -> object.get("kind")).containsOnly("ServiceMonitor").hasSize(4);
	}

	@Test
	void shouldRefuseAFieldTheApiDoesNotDefine() {
		Map<String, Object> statefulSet = copy(Manifests.of("minimal").get("StatefulSet", "lp-loyalty-pulse-points"));
		map(at(statefulSet, "spec")).put("replica", 3);

		assertThatExceptionOfType(KubernetesSchema.InvalidObjectException.class)
			.isThrownBy(() -> KubernetesSchema.validate(statefulSet))
			.withMessageContaining("replica");
	}

	@Test
	void shouldRefuseAMisplacedFieldDeepInThePodTemplate() {
		Map<String, Object> statefulSet = copy(Manifests.of("minimal").get("StatefulSet", "lp-loyalty-pulse-points"));
		Map<String, Object> container = Manifests.container(map(at(statefulSet, "spec.template")));
		container.put("readOnlyRootFilesystem", true);

		assertThatExceptionOfType(KubernetesSchema.InvalidObjectException.class)
			.isThrownBy(() -> KubernetesSchema.validate(statefulSet))
			.withMessageContaining("readOnlyRootFilesystem");
	}

	@Test
	void shouldRefuseAStringWhereTheApiWantsAList() {
		Map<String, Object> deployment = copy(Manifests.of("minimal").get("Deployment", "lp-loyalty-pulse-purchase"));
		Manifests.container(map(at(deployment, "spec.template"))).put("command", "java -jar app.jar");

		assertThatExceptionOfType(KubernetesSchema.InvalidObjectException.class)
			.isThrownBy(() -> KubernetesSchema.validate(deployment))
			.withMessageContaining("command");
	}

	/** A deep copy, so that the cached rendering stays as rendered. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> copy(Map<String, Object> object) {
		Map<String, Object> copy = new LinkedHashMap<>();
		object.forEach((key, value) -> copy.put(key, copyValue(value)));
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static Object copyValue(Object value) {
		if (value instanceof Map<?, ?> map) {
			return copy((Map<String, Object>) map);
		}
		if (value instanceof List<?> list) {
			return new java.util.ArrayList<>(list.stream().map(KubernetesSchemaTest::copyValue).toList());
		}
		return value;
	}

}
