package io.loyaltypulse.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.loyaltypulse.schemas.registry.InMemorySchemaRegistry;
import io.loyaltypulse.schemas.registry.SchemaRegistryClient;
import io.loyaltypulse.schemas.serde.AvroDeserializer;
import io.loyaltypulse.schemas.serde.AvroSerializer;
import io.loyaltypulse.schemas.testing.SampleEvents;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks what the benchmarks' figures rely on, never how fast anything is: every path
 * round-trips the event, both write the same Avro bytes (so the yardstick is fair), and
 * the serde stops calling the registry after the first record (so the registry is not
 * measured).
 */
class AvroSerdeRoundTripTest {

	@ParameterizedTest
	@EnumSource(WriterSchema.class)
	void shouldRoundTripTheSamePurchaseEveryWay(WriterSchema writerSchema) {
		try (PurchaseRoundTrip roundTrip = new PurchaseRoundTrip(writerSchema)) {
			assertThat(roundTrip.throughSerde()).isEqualTo(roundTrip.event());
			assertThat(roundTrip.plainAvro()).isEqualTo(roundTrip.event());
		}
	}

	@ParameterizedTest
	@EnumSource(WriterSchema.class)
	void shouldWriteTheWireFormatHeaderFollowedByExactlyThePlainAvroBytes(WriterSchema writerSchema) {
		try (PurchaseRoundTrip roundTrip = new PurchaseRoundTrip(writerSchema)) {
			byte[] serde = roundTrip.serdeBytes();
			byte[] plain = roundTrip.plainBytes();

			int id = InMemorySchemaRegistry.forScope(roundTrip.registryScope())
				.lookUpId(writerSchema.topic() + "-value", writerSchema.schema());
			assertThat(serde[0]).isZero();
			assertThat(ByteBuffer.wrap(serde, 1, 4).getInt()).isEqualTo(id);
			assertThat(Arrays.copyOfRange(serde, 5, serde.length)).isEqualTo(plain);
		}
	}

	@ParameterizedTest
	@EnumSource(WriterSchema.class)
	void shouldNotCallTheRegistryAfterTheFirstRecord(WriterSchema writerSchema) {
		String scope = "benchmarks-test-" + writerSchema;
		AtomicInteger registryCalls = new AtomicInteger();
		SchemaRegistryClient registry = counting(InMemorySchemaRegistry.forScope(scope), registryCalls);
		Map<String, String> configs = Map.of("schema.registry.url", "mock://" + scope);
		AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, writerSchema.schema());
		serializer.configure(configs, false);
		AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>(registry, writerSchema.schema());
		deserializer.configure(configs, false);
		String topic = writerSchema.topic();
		deserializer.deserialize(topic, serializer.serialize(topic, SampleEvents.purchaseCompleted("c1")));
		registryCalls.set(0);

		for (int i = 0; i < 100; i++) {
			deserializer.deserialize(topic, serializer.serialize(topic, SampleEvents.purchaseCompleted("c" + i)));
		}

		assertThat(registryCalls).hasValue(0);
		InMemorySchemaRegistry.dropScope(scope);
	}

	private static SchemaRegistryClient counting(SchemaRegistryClient delegate, AtomicInteger calls) {
		return (SchemaRegistryClient) Proxy.newProxyInstance(SchemaRegistryClient.class.getClassLoader(),
				new Class<?>[] { SchemaRegistryClient.class }, (proxy, method, args) -> {
					calls.incrementAndGet();
					try {
						return method.invoke(delegate, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
