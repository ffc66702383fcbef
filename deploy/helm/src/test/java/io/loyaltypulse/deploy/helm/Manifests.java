package io.loyaltypulse.deploy.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The objects {@code helm template} rendered for one values file, parsed with SnakeYAML,
 * with the look-ups the tests need; a path into an object is read with {@link #at}.
 */
final class Manifests {

	private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

	private final List<Map<String, Object>> objects;

	private Manifests(List<Map<String, Object>> objects) {
		this.objects = objects;
	}

	/** The chart rendered with one of its ci values files (cached: rendering is pure). */
	static Manifests of(String valuesName) {
		return RENDERED.computeIfAbsent(valuesName, (name) -> render(name));
	}

	static Manifests render(String valuesName, String... sets) {
		Helm.Result result = Helm.template(valuesName, sets);
		if (!result.succeeded()) {
			throw new IllegalStateException("helm template failed for " + valuesName + ": " + result.output());
		}
		return parse(result.stdout());
	}

	@SuppressWarnings("unchecked")
	static Manifests parse(String yaml) {
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
			if (document != null) {
				objects.add((Map<String, Object>) document);
			}
		}
		return new Manifests(objects);
	}

	List<Map<String, Object>> all() {
		return this.objects;
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
	}

	Optional<Map<String, Object>> find(String kind, String name) {
		return ofKind(kind).stream().filter((object) -> name.equals(at(object, "metadata.name"))).findFirst();
	}

	Map<String, Object> get(String kind, String name) {
		return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " among "
				+ this.objects.stream()
					.map((object) -> object.get("kind") + " " + at(object, "metadata.name"))
					.toList()));
	}

	/** Pod templates of every Deployment and StatefulSet. */
	List<Map<String, Object>> podTemplates() {
		List<Map<String, Object>> templates = new ArrayList<>();
		for (String kind : List.of("Deployment", "StatefulSet")) {
			ofKind(kind).forEach((workload) -> templates.add(map(at(workload, "spec.template"))));
		}
		return templates;
	}

	/**
	 * The value at a dotted path of maps ({@code spec.template.spec}); null if absent.
	 */
	static Object at(Object object, String path) {
		return path(object, path.split("\\."));
	}

	/** The value under these keys, which may hold dots ({@code schema.registry.url}). */
	static Object path(Object object, String... keys) {
		Object current = object;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object object) {
		return (Map<String, Object>) Objects.requireNonNull(object, "expected a map");
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object object) {
		return (object != null) ? (List<Map<String, Object>>) object : List.of();
	}

	/** The one container of a pod template. */
	static Map<String, Object> container(Map<String, Object> podTemplate) {
		List<Map<String, Object>> containers = list(at(podTemplate, "spec.containers"));
		if (containers.size() != 1) {
			throw new AssertionError("expected one container, got " + containers.size());
		}
		return containers.get(0);
	}

	/** A container's environment variable, by name. */
	static Map<String, Object> env(Map<String, Object> container, String name) {
		return list(container.get("env")).stream()
			.filter((variable) -> name.equals(variable.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no environment variable " + name));
	}

	/** The Spring configuration (application.yaml) of a ConfigMap, parsed. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> springConfig(Map<String, Object> configMap) {
		String yaml = (String) path(configMap, "data", "application.yaml");
		return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
	}

}
