package io.loyaltypulse.deploy.helm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.JsonElement;

/**
 * Validates a rendered object against the Kubernetes API as the official Java client
 * models it ({@code io.kubernetes:client-java-api}, generated from the OpenAPI document
 * of Kubernetes 1.32): each model's {@code validateJsonElement} refuses a field that the
 * API does not define, at any depth, a missing required field, and a field of the wrong
 * JSON type. The model is found from apiVersion and kind ({@code apps/v1 StatefulSet} is
 * {@code V1StatefulSet}).
 */
final class KubernetesSchema {

	/**
	 * Custom resources that the client has no model for; the tests check these by name.
	 */
	static final Set<String> CUSTOM_RESOURCES = Set.of("monitoring.coreos.com/v1 ServiceMonitor");

	private static final Gson GSON = new Gson();

	private KubernetesSchema() {
	}

	static boolean isCustomResource(Map<String, Object> object) {
		return CUSTOM_RESOURCES.contains(object.get("apiVersion") + " " + object.get("kind"));
	}

	/**
	 * Throws {@link InvalidObjectException} naming the object and the first violation.
	 */
	static void validate(Map<String, Object> object) {
		String apiVersion = String.valueOf(object.get("apiVersion"));
		String kind = String.valueOf(object.get("kind"));
		String name = String.valueOf(Manifests.at(object, "metadata.name"));
		Method validate = validator(apiVersion, kind);
		JsonElement json = GSON.toJsonTree(object);
		try {
			validate.invoke(null, json);
		}
		catch (InvocationTargetException ex) {
			throw new InvalidObjectException(kind + " " + name + ": " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Method validator(String apiVersion, String kind) {
		String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
		String model = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
				+ version.substring(1) + kind;
		try {
			return Class.forName(model).getMethod("validateJsonElement", JsonElement.class);
		}
		catch (ClassNotFoundException | NoSuchMethodException ex) {
			throw new IllegalStateException("no Kubernetes model " + model + " for " + apiVersion + " " + kind, ex);
		}
	}

	static final class InvalidObjectException extends RuntimeException {

		InvalidObjectException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
