package io.loyaltypulse.survey.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.loyaltypulse.survey.complaints.ComplaintCounts;
import io.loyaltypulse.survey.complaints.FiledComplaint;
import io.loyaltypulse.survey.invitations.CustomerInvitations;
import io.loyaltypulse.survey.invitations.PendingInvitation;
import io.loyaltypulse.survey.nps.Answer;
import io.loyaltypulse.survey.nps.AnswerCounts;
import io.loyaltypulse.survey.nps.Dimension;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The engine's own records in its stores and on its repartition topic, in a compact
 * binary form led by a format byte: no schema registry in the hot path, no field names. A
 * record of an unknown format fails loudly instead of being misread.
 */
final class CompactSerdes {

	private static final byte FORMAT = 1;

	private static final int SKIPPED = -1;

	private CompactSerdes() {
	}

	/** Two bytes: the score (-1 for skipped) and the sign. */
	static Serde<SliceDelta> sliceDeltas() {
		return serde((delta) -> ByteBuffer.allocate(3)
			.put(FORMAT)
			.put((byte) ((delta.score() != null) ? delta.score() : SKIPPED))
			.put((byte) delta.sign())
			.array(), (buffer) -> {
				int score = buffer.get();
				return new SliceDelta((score == SKIPPED) ? null : score, buffer.get());
			});
	}

	/** The 11 score counts, then the skipped count. */
	static Serde<AnswerCounts> answerCounts() {
		return serde((counts) -> {
			ByteBuffer buffer = ByteBuffer.allocate(1 + 8 * (AnswerCounts.SCORES + 1)).put(FORMAT);
			for (int score = 0; score < AnswerCounts.SCORES; score++) {
				buffer.putLong(counts.withScore(score));
			}
			return buffer.putLong(counts.skipped()).array();
		}, (buffer) -> {
			long[] histogram = new long[AnswerCounts.SCORES];
			for (int score = 0; score < AnswerCounts.SCORES; score++) {
				histogram[score] = buffer.getLong();
			}
			return AnswerCounts.of(histogram, buffer.getLong());
		});
	}

	/**
	 * The occurredAt, the score, then per dimension a length (-1 when absent) and UTF-8
	 * bytes.
	 */
	static Serde<CountedResponse> countedResponses() {
		return serde((response) -> {
			Map<Dimension, byte[]> values = new EnumMap<>(Dimension.class);
			int size = 1 + 8 + 1 + 4 * Dimension.values().length;
			for (Map.Entry<Dimension, String> value : response.answer().values().entrySet()) {
				byte[] bytes = value.getValue().getBytes(StandardCharsets.UTF_8);
				values.put(value.getKey(), bytes);
				size += bytes.length;
			}
			Integer score = response.answer().score();
			ByteBuffer buffer = ByteBuffer.allocate(size)
				.put(FORMAT)
				.putLong(response.occurredAt().toEpochMilli())
				.put((byte) ((score != null) ? score : SKIPPED));
			for (Dimension dimension : Dimension.values()) {
				byte[] bytes = values.get(dimension);
				buffer.putInt((bytes != null) ? bytes.length : -1);
				if (bytes != null) {
					buffer.put(bytes);
				}
			}
			return buffer.array();
		}, (buffer) -> {
			Instant occurredAt = Instant.ofEpochMilli(buffer.getLong());
			int score = buffer.get();
			Map<Dimension, String> values = new EnumMap<>(Dimension.class);
			for (Dimension dimension : Dimension.values()) {
				int length = buffer.getInt();
				if (length >= 0) {
					byte[] bytes = new byte[length];
					buffer.get(bytes);
					values.put(dimension, new String(bytes, StandardCharsets.UTF_8));
				}
			}
			return new CountedResponse(occurredAt, new Answer((score == SKIPPED) ? null : score, values));
		});
	}

	/**
	 * The last invitation time (-1 for none), the open complaint ids, then whether an
	 * invitation is pending and its fields.
	 */
	static Serde<CustomerInvitations> customerInvitations() {
		return serde((customer) -> {
			Bytes out = new Bytes();
			out.writeLong((customer.lastInvitedAt() != null) ? customer.lastInvitedAt().toEpochMilli() : -1);
			out.writeInt(customer.openComplaints().size());
			customer.openComplaints().forEach(out::writeString);
			PendingInvitation pending = customer.pending();
			out.writeInt((pending != null) ? 1 : 0);
			if (pending != null) {
				out.writeString(pending.purchaseEventId());
				out.writeString(pending.orderId());
				out.writeLong(pending.purchasedAt().toEpochMilli());
				out.writeLong(pending.dueAt().toEpochMilli());
				out.writeString(pending.storeId());
				out.writeString(pending.channel());
				out.writeString(pending.region());
			}
			return out.toByteArray();
		}, (buffer) -> {
			long lastInvitedAt = buffer.getLong();
			Set<String> open = new TreeSet<>();
			for (int i = buffer.getInt(); i > 0; i--) {
				open.add(readString(buffer));
			}
			PendingInvitation pending = (buffer.getInt() == 1) ? new PendingInvitation(readString(buffer),
					readString(buffer), Instant.ofEpochMilli(buffer.getLong()), Instant.ofEpochMilli(buffer.getLong()),
					readString(buffer), readString(buffer), readString(buffer)) : null;
			return new CustomerInvitations((lastInvitedAt >= 0) ? Instant.ofEpochMilli(lastInvitedAt) : null, open,
					pending);
		});
	}

	/** Category, severity, whether resolved, the seconds it took. */
	static Serde<ComplaintDelta> complaintDeltas() {
		return serde((delta) -> {
			Bytes out = new Bytes();
			out.writeString(delta.category());
			out.writeString(delta.severity());
			out.writeInt(delta.resolved() ? 1 : 0);
			out.writeLong(delta.resolutionSeconds());
			return out.toByteArray();
		}, (buffer) -> new ComplaintDelta(readString(buffer), readString(buffer), buffer.getInt() == 1,
				buffer.getLong()));
	}

	/** Filed, resolved, the counts per category and severity, the resolution times. */
	static Serde<ComplaintCounts> complaintCounts() {
		return serde((counts) -> {
			Bytes out = new Bytes();
			out.writeLong(counts.filed());
			out.writeLong(counts.resolved());
			writeCounts(out, counts.byCategory());
			writeCounts(out, counts.bySeverity());
			out.writeInt(counts.resolutionSeconds().size());
			counts.resolutionSeconds().forEach(out::writeLong);
			return out.toByteArray();
		}, (buffer) -> {
			long filed = buffer.getLong();
			long resolved = buffer.getLong();
			Map<String, Long> byCategory = readCounts(buffer);
			Map<String, Long> bySeverity = readCounts(buffer);
			List<Long> times = new ArrayList<>();
			for (int i = buffer.getInt(); i > 0; i--) {
				times.add(buffer.getLong());
			}
			return new ComplaintCounts(filed, resolved, byCategory, bySeverity, times);
		});
	}

	/** When filed, category, severity, then the dimension values as countedResponses. */
	static Serde<FiledComplaint> filedComplaints() {
		return serde((complaint) -> {
			Bytes out = new Bytes();
			out.writeLong(complaint.filedAt().toEpochMilli());
			out.writeString(complaint.category());
			out.writeString(complaint.severity());
			for (Dimension dimension : Dimension.values()) {
				out.writeString(complaint.values().get(dimension));
			}
			return out.toByteArray();
		}, (buffer) -> {
			Instant filedAt = Instant.ofEpochMilli(buffer.getLong());
			String category = readString(buffer);
			String severity = readString(buffer);
			Map<Dimension, String> values = new EnumMap<>(Dimension.class);
			for (Dimension dimension : Dimension.values()) {
				values.put(dimension, readString(buffer));
			}
			return new FiledComplaint(filedAt, category, severity, values);
		});
	}

	private static void writeCounts(Bytes out, Map<String, Long> counts) {
		out.writeInt(counts.size());
		counts.forEach((name, count) -> {
			out.writeString(name);
			out.writeLong(count);
		});
	}

	private static Map<String, Long> readCounts(ByteBuffer buffer) {
		Map<String, Long> counts = new TreeMap<>();
		for (int i = buffer.getInt(); i > 0; i--) {
			counts.put(readString(buffer), buffer.getLong());
		}
		return counts;
	}

	private static String readString(ByteBuffer buffer) {
		int length = buffer.getInt();
		if (length < 0) {
			return null;
		}
		byte[] bytes = new byte[length];
		buffer.get(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** A growing buffer for records of variable length, strings as length and UTF-8. */
	private static final class Bytes {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

		Bytes() {
			this.out.write(FORMAT);
		}

		void writeLong(long value) {
			this.out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
		}

		void writeInt(int value) {
			this.out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
		}

		void writeString(String value) {
			if (value == null) {
				writeInt(-1);
				return;
			}
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			writeInt(bytes.length);
			this.out.writeBytes(bytes);
		}

		byte[] toByteArray() {
			return this.out.toByteArray();
		}

	}

	private interface Writer<T> {

		byte[] write(T value);

	}

	private interface Reader<T> {

		T read(ByteBuffer buffer);

	}

	private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
		Serializer<T> serializer = (topic, value) -> (value != null) ? writer.write(value) : null;
		Deserializer<T> deserializer = (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			if (bytes.length == 0 || bytes[0] != FORMAT) {
				throw new SerializationException("A record in " + topic + " has format "
						+ ((bytes.length > 0) ? bytes[0] : "none") + "; this release reads format " + FORMAT);
			}
			try {
				ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
				T value = reader.read(buffer);
				if (buffer.hasRemaining()) {
					throw new SerializationException("A record in " + topic + " has bytes left over");
				}
				return value;
			}
			catch (RuntimeException ex) {
				throw (ex instanceof SerializationException) ? ex
						: new SerializationException("A record in " + topic + " is truncated or corrupt", ex);
			}
		};
		return Serdes.serdeFrom(serializer, deserializer);
	}

}
