package io.loyaltypulse.deploy.helm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** values.schema.json: a misspelled key or a wrong type stops the install. */
class ValuesSchemaTest {

	@Test
	void shouldRefuseAnUnknownTopLevelKey() {
		assertRefused(Helm.template("minimal", "replicaCount=3"), "additional properties 'replicaCount' not allowed");
	}

	@Test
	void shouldRefuseAMisspelledKeyOfAService() {
		assertRefused(Helm.template("minimal", "services.points.standbyReplica=2"),
				"additional properties 'standbyReplica' not allowed");
	}

	@Test
	void shouldRefuseAnUnknownService() {
		assertRefused(Helm.template("minimal", "services.point.enabled=true"),
				"additional properties 'point' not allowed");
	}

	@Test
	void shouldRefuseAStringWhereANumberBelongs() {
		assertRefused(Helm.template("minimal", "services.points.replicaCount=three"), "/services/points/replicaCount");
	}

	@Test
	void shouldRefuseANumberWhereABooleanBelongs() {
		assertRefused(Helm.template("minimal", "kafka.topics.provision=1"), "/kafka/topics/provision");
	}

	@Test
	void shouldRefuseAPasswordInValues() {
		assertRefused(Helm.template("sasl", "kafka.sasl.password=s3cret"),
				"additional properties 'password' not allowed");
	}

	@Test
	void shouldRefuseAnApiKeyInClearWhereItsHashBelongs() {
		assertRefused(Helm.template("minimal", "apiKeys.keys[0].name=shop-a", "apiKeys.keys[0].sha256=my-clear-api-key",
				"apiKeys.keys[0].scopes[0]=purchases:write"), "/apiKeys/keys/0/sha256");
	}

	@Test
	void shouldRefuseAnUnknownScope() {
		assertRefused(Helm.template("minimal", "apiKeys.keys[0].name=shop-a",
				"apiKeys.keys[0].sha256=" + "0".repeat(64), "apiKeys.keys[0].scopes[0]=points:write"),
				"/apiKeys/keys/0/scopes/0");
	}

	@Test
	void shouldRefuseATopicTheCatalogueDoesNotHave() {
		assertRefused(Helm.template("minimal", "kafka.topics.names.purchase=shop.purchases"),
				"additional properties 'purchase' not allowed");
	}

	@Test
	void shouldRefuseAnUnknownSaslMechanism() {
		assertRefused(Helm.template("sasl", "kafka.sasl.mechanism=GSSAPI"), "/kafka/sasl/mechanism");
	}

	private static void assertRefused(Helm.Result result, String expected) {
		assertThat(result.exitCode()).as(result.output()).isNotZero();
		assertThat(result.stderr()).contains("values don't meet the specifications of the schema").contains(expected);
	}

}
