package io.loyaltypulse.churn.scorecard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@code figures(quarter|slice) = sum of the deltas of every customer}: the single writer
 * of the scorecard's figures, one store write per delta.
 */
final class FiguresAggregator implements Processor<String, Figures, Void, Void> {

	private final Counter writes;

	private KeyValueStore<String, Figures> figures;

	FiguresAggregator(MeterRegistry metrics) {
		this.writes = metrics.counter("churn.scorecard.figure.writes");
	}

	@Override
	public void init(ProcessorContext<Void, Void> context) {
		this.figures = context.getStateStore(ScorecardTopology.FIGURES_STORE);
	}

	@Override
	public void process(Record<String, Figures> record) {
		if (record.key() == null || record.value() == null) {
			return;
		}
		Figures current = this.figures.get(record.key());
		Figures sum = ((current != null) ? current : Figures.ZERO).plus(record.value());
		if (sum.isZero()) {
			// Nothing counts there any more (its orders were refunded): the store holds
			// the same keys whatever the order the events came in.
			this.figures.delete(record.key());
		}
		else {
			this.figures.put(record.key(), sum);
		}
		this.writes.increment();
	}

}
