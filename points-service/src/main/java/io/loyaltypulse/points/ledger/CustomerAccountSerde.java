package io.loyaltypulse.points.ledger;

import java.util.function.LongConsumer;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persists a {@link CustomerAccount} in the state store and its changelog as compact JSON
 * of its fields, with a {@code version}: a later release that changes the record reads
 * this one's by the version, and this release refuses, loudly, a record from a newer one
 * instead of silently dropping what it does not know. JSON rather than a registry-backed
 * Avro serde keeps the state store independent of the schema registry; the price is size
 * (see docs/benchmarks.md for the bytes per customer).
 */
public final class CustomerAccountSerde implements Serde<CustomerAccount> {

	private final JsonMapper mapper = JsonMapper.builder()
		.changeDefaultVisibility((checker) -> checker.withFieldVisibility(Visibility.ANY)
			.withGetterVisibility(Visibility.NONE)
			.withIsGetterVisibility(Visibility.NONE)
			.withSetterVisibility(Visibility.NONE))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final LongConsumer sizeObserver;

	/**
	 * @param sizeObserver told the size in bytes of every record written, for the
	 * state-size metric
	 */
	public CustomerAccountSerde(LongConsumer sizeObserver) {
		this.sizeObserver = sizeObserver;
	}

	public CustomerAccountSerde() {
		this((size) -> {
		});
	}

	@Override
	public Serializer<CustomerAccount> serializer() {
		return (topic, account) -> {
			if (account == null) {
				return null;
			}
			try {
				byte[] bytes = this.mapper.writeValueAsBytes(account);
				this.sizeObserver.accept(bytes.length);
				return bytes;
			}
			catch (JacksonException ex) {
				throw new SerializationException("Cannot write the points account of " + account.customerId, ex);
			}
		};
	}

	@Override
	public Deserializer<CustomerAccount> deserializer() {
		return (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			CustomerAccount account;
			try {
				account = this.mapper.readValue(bytes, CustomerAccount.class);
			}
			catch (JacksonException ex) {
				throw new SerializationException("Cannot read a points account from " + topic, ex);
			}
			if (account.version > CustomerAccount.CURRENT_VERSION) {
				throw new SerializationException("Points account of " + account.customerId + " has version "
						+ account.version + ", written by a newer release; this one reads up to "
						+ CustomerAccount.CURRENT_VERSION + ". Roll forward, not back.");
			}
			return account;
		};
	}

}
