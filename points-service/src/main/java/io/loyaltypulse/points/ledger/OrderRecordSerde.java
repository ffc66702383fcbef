package io.loyaltypulse.points.ledger;

import java.util.Map;

import io.loyaltypulse.support.state.StateReader;
import io.loyaltypulse.support.state.StateWriter;
import io.loyaltypulse.support.state.VersionedSerde;

/**
 * Persists an {@link OrderRecord} in the {@code points-orders} store. Version 2 adds each
 * line's sku and review bonus; a version 1 record reads with neither.
 */
public final class OrderRecordSerde extends VersionedSerde<OrderRecord> {

	private static final int VERSION = 2;

	public OrderRecordSerde() {
		super("points order", VERSION, (size) -> {
		});
	}

	@Override
	protected void write(OrderRecord order, StateWriter out) {
		out.writeString(order.orderId)
			.writeLong(order.storedAt)
			.writeString(order.earnEventId)
			.writeLong(order.earnedAt)
			.writeLong(order.lotSequence)
			.writeDecimal(order.total)
			.writeString(order.currency)
			.writeLong(order.points)
			.writeDecimal(order.refunded)
			.writeLong(order.reversed)
			.writeLong(order.redeemed)
			.writeLong(order.restored);
		out.writeInt(order.lines.size());
		for (Map.Entry<String, OrderRecord.LineRecord> line : order.lines.entrySet()) {
			out.writeString(line.getKey())
				.writeInt(line.getValue().quantity)
				.writeLong(line.getValue().points)
				.writeInt(line.getValue().refundedQuantity)
				.writeString(line.getValue().sku)
				.writeString(line.getValue().reviewId)
				.writeLong(line.getValue().reviewBonus)
				.writeLong(line.getValue().reviewLotSequence)
				.writeBoolean(line.getValue().reviewBonusReversed);
		}
		out.writeInt(order.refundEventIds.size());
		order.refundEventIds.forEach(out::writeString);
	}

	@Override
	protected OrderRecord read(int version, StateReader in) {
		OrderRecord order = new OrderRecord(in.readString(), in.readLong());
		order.earnEventId = in.readString();
		order.earnedAt = in.readLong();
		order.lotSequence = in.readLong();
		order.total = in.readDecimal();
		order.currency = in.readString();
		order.points = in.readLong();
		order.refunded = in.readDecimal();
		order.reversed = in.readLong();
		order.redeemed = in.readLong();
		order.restored = in.readLong();
		int lines = in.readCount();
		for (int i = 0; i < lines; i++) {
			String lineId = in.readString();
			OrderRecord.LineRecord line = new OrderRecord.LineRecord(in.readInt(), in.readLong(), null);
			line.refundedQuantity = in.readInt();
			if (version >= 2) {
				line.sku = in.readString();
				line.reviewId = in.readString();
				line.reviewBonus = in.readLong();
				line.reviewLotSequence = in.readLong();
				line.reviewBonusReversed = in.readBoolean();
			}
			order.lines.put(lineId, line);
		}
		int refunds = in.readCount();
		for (int i = 0; i < refunds; i++) {
			order.refundEventIds.add(in.readString());
		}
		return order;
	}

}
