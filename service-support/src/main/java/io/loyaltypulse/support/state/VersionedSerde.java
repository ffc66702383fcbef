package io.loyaltypulse.support.state;

import java.util.function.LongConsumer;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of one kind of state record: a version byte, then the fields in the compact
 * binary form of {@link StateWriter}. A later release that changes a record bumps its
 * version and keeps reading the older ones; this release refuses, loudly, a record from a
 * newer one instead of silently dropping what it does not know. Binary rather than a
 * registry-backed Avro serde keeps the state stores independent of the schema registry,
 * and rather than JSON keeps records small (no field names) and cheap to read, which is
 * most of the engine's cost (docs/benchmarks.md).
 *
 * @param <T> the record
 */
public abstract class VersionedSerde<T> implements Serde<T> {

	private final String what;

	private final int version;

	private final LongConsumer sizeObserver;

	/**
	 * @param what the record, for error messages
	 * @param version the version this release writes, 1-127
	 * @param sizeObserver told the size in bytes of every record written
	 */
	protected VersionedSerde(String what, int version, LongConsumer sizeObserver) {
		this.what = what;
		this.version = version;
		this.sizeObserver = sizeObserver;
	}

	protected abstract void write(T value, StateWriter out);

	/** Reads a record of the given version, at most the current one. */
	protected abstract T read(int version, StateReader in);

	@Override
	public final Serializer<T> serializer() {
		return (topic, value) -> {
			if (value == null) {
				return null;
			}
			StateWriter out = new StateWriter().writeByte(this.version);
			write(value, out);
			byte[] bytes = out.toByteArray();
			this.sizeObserver.accept(bytes.length);
			return bytes;
		};
	}

	@Override
	public final Deserializer<T> deserializer() {
		return (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			if (bytes.length == 0) {
				throw new SerializationException("An empty " + this.what + " record in " + topic);
			}
			int written = bytes[0];
			if (written == '{') {
				// Development builds before the binary format kept JSON here.
				throw new SerializationException("A " + this.what + " record in " + topic + " is JSON, written by a "
						+ "development build before the binary state format: reset the application's state (locally: "
						+ "stop the stack and delete deploy/local/.run; see deploy/local/README.md)");
			}
			if (written > this.version || written < 1) {
				throw new SerializationException("A " + this.what + " record in " + topic + " has version " + written
						+ ", written by a newer release; this one reads up to " + this.version
						+ ". Roll forward, not back.");
			}
			try {
				StateReader in = new StateReader(bytes, 1);
				T value = read(written, in);
				if (!in.isAtEnd()) {
					throw new StateReader.CorruptStateException("bytes left after the record");
				}
				return value;
			}
			catch (StateReader.CorruptStateException ex) {
				throw new SerializationException(
						"Cannot read a " + this.what + " record from " + topic + ": " + ex.getMessage(), ex);
			}
		};
	}

}
