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
	void shouldRefuseAMisspelledKeyOfTheNewStreamsServices() {
		assertRefused(Helm.template("minimal", "services.churn-alert.persistence.sise=20Gi"),
				"additional properties 'sise' not allowed");
		assertRefused(Helm.template("minimal", "services.survey.closeTimeout=30"),
				"additional properties 'closeTimeout' not allowed");
	}

	@Test
	void shouldRefuseWrongTypesInTheNewStreamsServices() {
		assertRefused(Helm.template("minimal", "services.survey.standbyReplicas=one"),
				"/services/survey/standbyReplicas");
		assertRefused(Helm.template("minimal", "services.churn-alert.enabled=1"), "/services/churn-alert/enabled");
	}

	@Test
	void shouldRefuseAnIngressPathToAServiceTheChartDoesNotHave() {
		assertRefused(Helm.template("minimal", "ingress.enabled=true", "ingress.hosts[0].host=crm.example.com",
				"ingress.hosts[0].paths[0].path=/", "ingress.hosts[0].paths[0].pathType=Prefix",
				"ingress.hosts[0].paths[0].service=churn"), "/ingress/hosts/0/paths/0/service");
	}

	@Test
	void shouldAcceptEveryTopicOfTheCatalogue() {
		for (String topic : java.util.List.of("purchases", "invoices", "survey-responses", "complaints",
				"points-ledger", "points-requests", "points-request-outcomes", "points-tier-events", "nps-scores",
				"survey-invitations", "churn-alerts", "churn-alert-actions", "churn-alert-action-outcomes")) {
			Helm.Result result = Helm.template("minimal", "kafka.topics.names." + topic + "=shop." + topic);
			assertThat(result.exitCode()).as(topic + ": " + result.output()).isZero();
			assertThat(result.stdout()).contains(topic + ": shop." + topic);
		}
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
