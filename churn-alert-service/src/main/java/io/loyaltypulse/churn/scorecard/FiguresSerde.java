package io.loyaltypulse.churn.scorecard;

import java.util.function.LongConsumer;

import io.loyaltypulse.support.state.StateReader;
import io.loyaltypulse.support.state.StateWriter;
import io.loyaltypulse.support.state.VersionedSerde;

/**
 * Figures (a slice's totals, or one customer's signed delta on the repartition topic) in
 * the services' compact binary state format, version 1.
 */
final class FiguresSerde extends VersionedSerde<Figures> {

	FiguresSerde(LongConsumer sizeObserver) {
		super("scorecard figures", 1, sizeObserver);
	}

	@Override
	protected void write(Figures figures, StateWriter out) {
		out.writeLong(figures.activeCustomers())
			.writeLong(figures.returningCustomers())
			.writeLong(figures.orders())
			.writeLong(figures.returningOrders())
			.writeLong(figures.otherCurrencyOrders())
			.writeLong(figures.otherCurrencyReturningOrders())
			.writeDecimal(figures.returningOrderValue())
			.writeLong(figures.participants());
	}

	@Override
	protected Figures read(int version, StateReader in) {
		return new Figures(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
				in.readDecimal(), in.readLong());
	}

}
