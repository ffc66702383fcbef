package io.loyaltypulse.schemas.registry;

import java.time.Clock;
import java.util.Map;

/** Builds the client that a configuration asks for. */
public final class SchemaRegistryClients {

	private SchemaRegistryClients() {
	}

	/** The in-memory registry for {@code mock://scope}, else a caching REST client. */
	public static SchemaRegistryClient create(SchemaRegistryConfig config) {
		return config.mockScope()
			.<SchemaRegistryClient>map(InMemorySchemaRegistry::forScope)
			.orElseGet(() -> new CachingSchemaRegistryClient(new RestSchemaRegistryClient(config),
					config.latestCacheTtl(), Clock.systemUTC()));
	}

	/** Same, from Kafka-style configuration with Confluent's keys. */
	public static SchemaRegistryClient create(Map<String, ?> configs) {
		return create(SchemaRegistryConfig.from(configs));
	}

}
