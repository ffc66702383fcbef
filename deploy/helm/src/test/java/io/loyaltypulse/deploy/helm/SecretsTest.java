package io.loyaltypulse.deploy.helm;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.loyaltypulse.deploy.helm.Manifests.at;
import static io.loyaltypulse.deploy.helm.Manifests.container;
import static io.loyaltypulse.deploy.helm.Manifests.env;
import static io.loyaltypulse.deploy.helm.Manifests.list;
import static io.loyaltypulse.deploy.helm.Manifests.path;
import static org.assertj.core.api.Assertions.assertThat;

/** Credentials come from Secrets by reference; none is ever rendered in clear. */
class SecretsTest {

	private static final Pattern SECRET_ENV = Pattern
		.compile(".*(PASSWORD|USERNAME|USER_INFO|TLS_CA|TLS_CERT|TLS_KEY|SECRET).*");

	@ParameterizedTest
	@MethodSource("io.loyaltypulse.deploy.helm.Helm#valuesFileNames")
	void shouldReferenceEveryCredentialFromASecret(String values) {
		for (Map<String, Object> pod : Manifests.of(values).podTemplates()) {
			for (Map<String, Object> variable : list(container(pod).get("env"))) {
				if (SECRET_ENV.matcher((String) variable.get("name")).matches()) {
					assertThat(variable).as(variable.toString()).doesNotContainKey("value");
					assertThat(at(variable, "valueFrom.secretKeyRef.name")).as(variable.toString()).isNotNull();
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("io.loyaltypulse.deploy.helm.Helm#valuesFileNames")
	void shouldRenderNoSecretButTheHashedApiKeys(String values) {
		for (Map<String, Object> secret : Manifests.of(values).ofKind("Secret")) {
			assertThat(at(secret, "metadata.name")).isEqualTo("lp-loyalty-pulse-api-keys");
			String keys = (String) path(secret, "stringData", "api-keys.yaml");
			assertThat(keys).contains("sha256: ");
			assertThat(keys.lines().filter((line) -> line.contains("sha256:")))
				.allSatisfy((line) -> assertThat(line.strip()).matches("sha256: [0-9a-f]{64}"));
		}
	}

	@Test
	void shouldConnectWithSaslScramOverTlsFromASecret() {
		Manifests manifests = Manifests.of("sasl");
		Map<String, Object> properties = kafkaProperties(manifests, "points");
		Map<String, Object> container = container(manifests.podTemplates().get(0));

		assertThat(properties).containsEntry("security.protocol", "SASL_SSL")
			.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
			.containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
					+ "username=\"${LOYALTY_KAFKA_SASL_USERNAME}\" password=\"${LOYALTY_KAFKA_SASL_PASSWORD}\";")
			.containsEntry("basic.auth.credentials.source", "USER_INFO")
			.containsEntry("basic.auth.user.info", "${LOYALTY_SCHEMA_REGISTRY_USER_INFO}")
			.doesNotContainKey("ssl.truststore.certificates");
		assertThat(at(env(container, "LOYALTY_KAFKA_SASL_PASSWORD"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "loyalty-kafka-user", "key", "password"));
		assertThat(at(env(container, "LOYALTY_SCHEMA_REGISTRY_USER_INFO"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "loyalty-registry", "key", "user-info"));
	}

	@Test
	void shouldConnectWithMutualTlsFromASecret() {
		Manifests manifests = Manifests.of("mtls");
		Map<String, Object> properties = kafkaProperties(manifests, "purchase");
		Map<String, Object> container = container(manifests.podTemplates().get(0));

		assertThat(properties).containsEntry("security.protocol", "SSL")
			.containsEntry("ssl.truststore.type", "PEM")
			.containsEntry("ssl.truststore.certificates", "${LOYALTY_KAFKA_TLS_CA}")
			.containsEntry("ssl.keystore.type", "PEM")
			.containsEntry("ssl.keystore.certificate.chain", "${LOYALTY_KAFKA_TLS_CERT}")
			.containsEntry("ssl.keystore.key", "${LOYALTY_KAFKA_TLS_KEY}")
			.doesNotContainKey("sasl.jaas.config");
		assertThat(at(env(container, "LOYALTY_KAFKA_TLS_KEY"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "loyalty-pulse-kafka-user", "key", "user.key"));
		assertThat(at(env(container, "LOYALTY_KAFKA_TLS_CERT"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "loyalty-pulse-kafka-user", "key", "user.crt"));
		assertThat(at(env(container, "LOYALTY_KAFKA_TLS_CA"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "my-cluster-cluster-ca-cert", "key", "ca.crt"));
	}

	@Test
	void shouldMountTheApiKeysOfAnExistingSecretWithoutRenderingOne() {
		Manifests manifests = Manifests.of("sasl");

		assertThat(manifests.ofKind("Secret")).isEmpty();
		for (Map<String, Object> pod : manifests.podTemplates()) {
			assertThat(list(at(pod, "spec.volumes")))
				.anySatisfy((volume) -> assertThat(at(volume, "secret.secretName")).isEqualTo("loyalty-api-keys"));
			assertThat(env(container(pod), "SPRING_CONFIG_ADDITIONAL_LOCATION").get("value"))
				.isEqualTo("optional:file:/etc/loyalty-pulse/config/application.yaml,"
						+ "optional:file:/etc/loyalty-pulse/api-keys/api-keys.yaml");
		}
	}

	@Test
	void shouldPutKeysGivenAsHashesIntoTheChartsOwnSecretAndRollThePodsWhenTheyChange() {
		Manifests manifests = Manifests.of("mtls");
		Manifests changed = Manifests.render("mtls", "apiKeys.keys[0].sha256=" + "a".repeat(64),
				"apiKeys.keys[0].name=shop-b", "apiKeys.keys[0].scopes[0]=purchases:write");

		assertThat(manifests.ofKind("Secret")).hasSize(1);
		for (Map<String, Object> pod : manifests.podTemplates()) {
			assertThat(list(at(pod, "spec.volumes"))).anySatisfy(
					(volume) -> assertThat(at(volume, "secret.secretName")).isEqualTo("lp-loyalty-pulse-api-keys"));
		}
		assertThat(checksums(changed)).doesNotContainAnyElementsOf(checksums(manifests));
	}

	@Test
	void shouldRenderNoCredentialWhenKafkaIsPlaintext() {
		Map<String, Object> properties = kafkaProperties(Manifests.of("minimal"), "points");

		assertThat(properties).containsOnlyKeys("schema.registry.url", "security.protocol")
			.containsEntry("security.protocol", "PLAINTEXT");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> kafkaProperties(Manifests manifests, String service) {
		Map<String, Object> config = Manifests.springConfig(manifests.get("ConfigMap", "lp-loyalty-pulse-" + service));
		return (Map<String, Object>) path(config, "spring", "kafka", "properties");
	}

	private static List<Object> checksums(Manifests manifests) {
		return manifests.podTemplates()
			.stream()
			.map((pod) -> path(pod, "metadata", "annotations", "checksum/api-keys"))
			.toList();
	}

}
