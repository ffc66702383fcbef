package io.loyaltypulse.schemas.registry;

import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemorySchemaRegistryTest {

	private final String scope = "registry-" + UUID.randomUUID();

	private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(this.scope);

	private final Schema v1 = SchemaBuilder.record("Tier").fields().requiredString("name").endRecord();

	@AfterEach
	void drop() {
		InMemorySchemaRegistry.dropScope(this.scope);
	}

	@Test
	void shouldGiveTheSameIdWhenTheSameSchemaIsRegisteredTwice() {
		int first = this.registry.register("tiers-value", this.v1);

		assertThat(this.registry.register("tiers-value", this.v1)).isEqualTo(first);
		assertThat(this.registry.register("other-value", this.v1)).isEqualTo(first);
		assertThat(this.registry.latestVersion("tiers-value").version()).isEqualTo(1);
	}

	@Test
	void shouldShareOneRegistryPerScope() {
		int id = this.registry.register("tiers-value", this.v1);

		assertThat(SchemaRegistryClients.create(Map.of("schema.registry.url", "mock://" + this.scope)).schemaById(id))
			.isEqualTo(this.v1);
	}

	@Test
	void shouldRefuseANewRequiredFieldWithoutDefaultUnderBackward() {
		this.registry.register("tiers-value", this.v1);
		Schema v2 = SchemaBuilder.record("Tier").fields().requiredString("name").requiredInt("rank").endRecord();

		assertThatThrownBy(() -> this.registry.register("tiers-value", v2))
			.isInstanceOfSatisfying(SchemaRegistryException.class,
					(ex) -> assertThat(ex.isIncompatibleSchema()).isTrue())
			.hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
			.hasMessageContaining("rank");
	}

	@Test
	void shouldAcceptANewFieldWithDefaultAndAnyChangeUnderNone() {
		this.registry.register("tiers-value", this.v1);
		Schema withDefault = SchemaBuilder.record("Tier")
			.fields()
			.requiredString("name")
			.name("rank")
			.type()
			.intType()
			.intDefault(0)
			.endRecord();
		Schema unrelated = SchemaBuilder.record("Tier").fields().requiredLong("other").endRecord();

		assertThat(this.registry.register("tiers-value", withDefault)).isPositive();
		this.registry.setCompatibility("tiers-value", CompatibilityLevel.NONE);
		assertThat(this.registry.register("tiers-value", unrelated)).isPositive();
		assertThat(this.registry.latestVersion("tiers-value").version()).isEqualTo(3);
	}

	@Test
	void shouldAnswerNotFoundForUnknownIdsAndSubjects() {
		assertThatThrownBy(() -> this.registry.schemaById(99)).isInstanceOfSatisfying(SchemaRegistryException.class,
				(ex) -> assertThat(ex.isNotFound()).isTrue());
		assertThatThrownBy(() -> this.registry.latestVersion("nope"))
			.isInstanceOfSatisfying(SchemaRegistryException.class, (ex) -> assertThat(ex.errorCode()).isEqualTo(40401));
		assertThatThrownBy(() -> this.registry.lookUpId("tiers-value", this.v1))
			.isInstanceOfSatisfying(SchemaRegistryException.class, (ex) -> assertThat(ex.isNotFound()).isTrue());
	}

}
