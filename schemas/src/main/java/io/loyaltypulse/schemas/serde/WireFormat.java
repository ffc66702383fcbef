package io.loyaltypulse.schemas.serde;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte 0, the writer schema's registry id as a 4-byte
 * big-endian int, then the Avro binary encoding of the record.
 */
final class WireFormat {

	static final byte MAGIC_BYTE = 0;

	static final int HEADER_SIZE = 5;

	private WireFormat() {
	}

	static byte[] header(int schemaId) {
		byte[] header = new byte[HEADER_SIZE];
		writeHeader(header, schemaId);
		return header;
	}

	static void writeHeader(byte[] target, int schemaId) {
		target[0] = MAGIC_BYTE;
		target[1] = (byte) (schemaId >>> 24);
		target[2] = (byte) (schemaId >>> 16);
		target[3] = (byte) (schemaId >>> 8);
		target[4] = (byte) schemaId;
	}

	/**
	 * The writer schema id in the header, after checking that the bytes are in this
	 * format at all.
	 */
	static int readSchemaId(byte[] payload, String topic) {
		if (payload.length < HEADER_SIZE) {
			throw new SerializationException(
					"Record of topic %s is %d bytes long, shorter than the 5-byte Confluent wire-format header"
						.formatted(topic, payload.length));
		}
		if (payload[0] != MAGIC_BYTE) {
			throw new SerializationException(
					"Record of topic %s starts with magic byte 0x%02x, not 0x00: it was not written in the Confluent wire format"
						.formatted(topic, payload[0]));
		}
		return ByteBuffer.wrap(payload, 1, 4).getInt();
	}

}
