package io.loyaltypulse.contract;

import io.loyaltypulse.testsupport.ApicurioRegistryProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (embedded KRaft, the broker's own code in this JVM) and one real
 * Apicurio Registry per test JVM, shared by every test class that declares
 * {@code @ExtendWith(RealInfrastructure.class)} and closed when the JVM's tests are done.
 * Tests keep apart by unique topic names.
 */
final class RealInfrastructure implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Infrastructure.class;
	}

	@Override
	public Infrastructure resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.create(RealInfrastructure.class))
			.computeIfAbsent(Infrastructure.class, (key) -> Infrastructure.start(), Infrastructure.class);
	}

	/** The running broker, and the registry shared by the test JVM. */
	record Infrastructure(EmbeddedKafkaKraftBroker kafka) implements AutoCloseable {

		static Infrastructure start() {
			EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
			kafka.afterPropertiesSet();
			return new Infrastructure(kafka);
		}

		String bootstrapServers() {
			return this.kafka.getBrokersAsString();
		}

		String registryUrl() {
			return ApicurioRegistryProcess.shared().confluentApiUrl();
		}

		@Override
		public void close() {
			this.kafka.destroy();
		}

	}

}
