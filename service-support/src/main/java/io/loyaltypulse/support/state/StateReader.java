package io.loyaltypulse.support.state;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link StateWriter} wrote, in the same order. A record that ends early or
 * holds an impossible length fails with {@link CorruptStateException} rather than an
 * index error deep in a caller.
 */
public final class StateReader {

	private final byte[] bytes;

	private int position;

	StateReader(byte[] bytes, int position) {
		this.bytes = bytes;
		this.position = position;
	}

	public long readLong() {
		long zigZag = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			int next = readByte();
			zigZag |= (long) (next & 0x7F) << shift;
			if ((next & 0x80) == 0) {
				return (zigZag >>> 1) ^ -(zigZag & 1);
			}
		}
		throw new CorruptStateException("a number longer than 10 bytes at " + this.position);
	}

	public int readInt() {
		return Math.toIntExact(readLong());
	}

	public boolean readBoolean() {
		return readByte() != 0;
	}

	public String readString() {
		int length = readLength();
		if (length < 0) {
			return null;
		}
		String value = new String(this.bytes, this.position, length, StandardCharsets.UTF_8);
		this.position += length;
		return value;
	}

	public BigDecimal readDecimal() {
		int length = readLength();
		if (length < 0) {
			return null;
		}
		byte[] unscaled = new byte[length];
		System.arraycopy(this.bytes, this.position, unscaled, 0, length);
		this.position += length;
		return StateWriter.decimal(unscaled, readInt());
	}

	/** A count of items that follow, each at least one byte long. */
	public int readCount() {
		int count = readLength();
		if (count < 0) {
			throw new CorruptStateException("a negative count at " + this.position);
		}
		return count;
	}

	boolean isAtEnd() {
		return this.position == this.bytes.length;
	}

	int readByte() {
		if (this.position >= this.bytes.length) {
			throw new CorruptStateException("the record ends early, at byte " + this.position);
		}
		return this.bytes[this.position++] & 0xFF;
	}

	private int readLength() {
		long length = readLong();
		if (length > this.bytes.length - this.position) {
			throw new CorruptStateException(
					"a length of " + length + " at byte " + this.position + " runs past the record's end");
		}
		return (int) length;
	}

	/** The bytes are not a record this release wrote. */
	public static final class CorruptStateException extends RuntimeException {

		public CorruptStateException(String message) {
			super(message);
		}

	}

}
