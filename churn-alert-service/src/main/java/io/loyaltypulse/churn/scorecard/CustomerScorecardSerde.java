package io.loyaltypulse.churn.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import io.loyaltypulse.support.state.StateReader;
import io.loyaltypulse.support.state.StateWriter;
import io.loyaltypulse.support.state.VersionedSerde;

/**
 * A customer's scorecard state in the services' compact binary state format, version 1.
 */
final class CustomerScorecardSerde extends VersionedSerde<CustomerScorecard> {

	CustomerScorecardSerde(LongConsumer sizeObserver) {
		super("customer scorecard", 1, sizeObserver);
	}

	@Override
	protected void write(CustomerScorecard scorecard, StateWriter out) {
		out.writeLong(scorecard.firstOrderAt())
			.writeString(scorecard.firstOrderId())
			.writeInt(scorecard.latestQuarter());
		out.writeInt(scorecard.orders().size());
		for (CustomerScorecard.Order order : scorecard.orders()) {
			out.writeString(order.orderId())
				.writeLong(order.at())
				.writeString(order.storeId())
				.writeString(order.region())
				.writeDecimal(order.total())
				.writeString(order.currency())
				.writeDecimal(order.refunded())
				.writeInt(order.refundIds().size());
			order.refundIds().forEach(out::writeString);
		}
		out.writeInt(scorecard.pendingRefunds().size());
		for (CustomerScorecard.PendingRefund refund : scorecard.pendingRefunds()) {
			out.writeString(refund.refundId())
				.writeString(refund.orderId())
				.writeLong(refund.at())
				.writeDecimal(refund.amount())
				.writeString(refund.currency());
		}
		out.writeInt(scorecard.pointsQuarters().size());
		scorecard.pointsQuarters().forEach(out::writeInt);
	}

	@Override
	protected CustomerScorecard read(int version, StateReader in) {
		long firstOrderAt = in.readLong();
		String firstOrderId = in.readString();
		int latestQuarter = in.readInt();
		List<CustomerScorecard.Order> orders = new ArrayList<>();
		for (int count = in.readCount(); count > 0; count--) {
			String orderId = in.readString();
			long at = in.readLong();
			String storeId = in.readString();
			String region = in.readString();
			var total = in.readDecimal();
			String currency = in.readString();
			var refunded = in.readDecimal();
			List<String> refundIds = new ArrayList<>();
			for (int refunds = in.readCount(); refunds > 0; refunds--) {
				refundIds.add(in.readString());
			}
			orders.add(new CustomerScorecard.Order(orderId, at, storeId, region, total, currency, refunded, refundIds));
		}
		List<CustomerScorecard.PendingRefund> pending = new ArrayList<>();
		for (int count = in.readCount(); count > 0; count--) {
			pending.add(new CustomerScorecard.PendingRefund(in.readString(), in.readString(), in.readLong(),
					in.readDecimal(), in.readString()));
		}
		List<Integer> pointsQuarters = new ArrayList<>();
		for (int count = in.readCount(); count > 0; count--) {
			pointsQuarters.add(in.readInt());
		}
		return new CustomerScorecard(firstOrderAt, firstOrderId, latestQuarter, orders, pending, pointsQuarters);
	}

}
