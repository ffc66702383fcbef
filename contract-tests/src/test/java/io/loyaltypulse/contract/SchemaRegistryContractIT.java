package io.loyaltypulse.contract;

import java.util.Map;
import java.util.UUID;

import io.loyaltypulse.contract.RealInfrastructure.Infrastructure;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.schemas.registry.CompatibilityCheck;
import io.loyaltypulse.schemas.registry.CompatibilityLevel;
import io.loyaltypulse.schemas.registry.SchemaRegistryClient;
import io.loyaltypulse.schemas.registry.SchemaRegistryClients;
import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry client against a real registry's Confluent API. */
@ExtendWith(RealInfrastructure.class)
class SchemaRegistryContractIT {

	private final String registryUrl;

	private final SchemaRegistryClient registry;

	private final String subject = "registry-" + UUID.randomUUID() + "-value";

	SchemaRegistryContractIT(Infrastructure infrastructure) {
		this.registryUrl = infrastructure.registryUrl();
		this.registry = SchemaRegistryClients.create(Map.of("schema.registry.url", this.registryUrl));
	}

	@Test
	void shouldGiveTheSameIdWhenTheSameSchemaIsRegisteredTwice() {
		int first = this.registry.register(this.subject, SurveyResponded.getClassSchema());
		SchemaRegistryClient freshClient = SchemaRegistryClients
			.create(Map.of("schema.registry.url", this.registryUrl));

		assertThat(freshClient.register(this.subject, SurveyResponded.getClassSchema())).isEqualTo(first);
		assertThat(freshClient.lookUpId(this.subject, SurveyResponded.getClassSchema())).isEqualTo(first);
		assertThat(freshClient.latestVersion(this.subject).version()).isEqualTo(1);
		assertThat(freshClient.schemaById(first)).isEqualTo(SurveyResponded.getClassSchema());
	}

	@Test
	void shouldRefuseANewRequiredFieldWithoutDefaultQuotingTheRegistry() {
		this.registry.register(this.subject, SurveyResponded.getClassSchema());
		this.registry.setCompatibility(this.subject, CompatibilityLevel.BACKWARD);
		Schema incompatible = withRequiredField(SurveyResponded.getClassSchema(), "loyaltyTier");

		CompatibilityCheck check = this.registry.testCompatibility(this.subject, incompatible);
		assertThat(check.compatible()).isFalse();

		assertThatThrownBy(() -> this.registry.register(this.subject, incompatible))
			.isInstanceOfSatisfying(SchemaRegistryException.class, (ex) -> {
				assertThat(ex.isIncompatibleSchema()).isTrue();
				assertThat(ex.isTransient()).isFalse();
			})
			.hasMessageContaining("409")
			.hasMessageContaining("loyaltyTier");
		assertThat(this.registry.latestVersion(this.subject).version()).isEqualTo(1);
	}

	@Test
	void shouldReadAndSetCompatibilityLevels() {
		this.registry.register(this.subject, SurveyResponded.getClassSchema());

		this.registry.setCompatibility(this.subject, CompatibilityLevel.FULL);

		assertThat(this.registry.compatibility(this.subject)).isEqualTo(CompatibilityLevel.FULL);
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownId() {
		assertThatThrownBy(() -> this.registry.schemaById(987_654))
			.isInstanceOfSatisfying(SchemaRegistryException.class, (ex) -> assertThat(ex.isNotFound()).isTrue());
	}

	private static Schema withRequiredField(Schema schema, String field) {
		return new Schema.Parser().parse(schema.toString()
			.replace("\"fields\":[", "\"fields\":[{\"name\":\"" + field + "\",\"type\":\"string\"},"));
	}

}
