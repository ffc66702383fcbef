package io.loyaltypulse.support.state;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a state record in the compact binary form of the services' stores: zig-zag
 * varints for numbers (most are small: counts, points, day numbers), length-prefixed
 * UTF-8 for strings, with a presence flag where a value may be missing. No field names:
 * the record's version byte, written first by {@link VersionedSerde}, says how to read
 * it.
 */
public final class StateWriter {

	private byte[] buffer = new byte[256];

	private int size;

	public StateWriter writeLong(long value) {
		long zigZag = (value << 1) ^ (value >> 63);
		while ((zigZag & ~0x7FL) != 0) {
			writeByte((int) ((zigZag & 0x7F) | 0x80));
			zigZag >>>= 7;
		}
		return writeByte((int) zigZag);
	}

	public StateWriter writeInt(int value) {
		return writeLong(value);
	}

	public StateWriter writeBoolean(boolean value) {
		return writeByte(value ? 1 : 0);
	}

	/** A string that may be null. */
	public StateWriter writeString(String value) {
		if (value == null) {
			return writeLong(-1);
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		writeLong(bytes.length);
		return writeBytes(bytes);
	}

	/** A decimal that may be null: unscaled value and scale, exactly. */
	public StateWriter writeDecimal(BigDecimal value) {
		if (value == null) {
			return writeLong(-1);
		}
		byte[] unscaled = value.unscaledValue().toByteArray();
		writeLong(unscaled.length);
		writeBytes(unscaled);
		return writeInt(value.scale());
	}

	StateWriter writeByte(int value) {
		ensure(1);
		this.buffer[this.size++] = (byte) value;
		return this;
	}

	private StateWriter writeBytes(byte[] bytes) {
		ensure(bytes.length);
		System.arraycopy(bytes, 0, this.buffer, this.size, bytes.length);
		this.size += bytes.length;
		return this;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.buffer, this.size);
	}

	private void ensure(int more) {
		if (this.size + more > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.size + more));
		}
	}

	static BigDecimal decimal(byte[] unscaled, int scale) {
		return new BigDecimal(new BigInteger(unscaled), scale);
	}

}
