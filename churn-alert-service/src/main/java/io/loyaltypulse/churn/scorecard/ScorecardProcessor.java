package io.loyaltypulse.churn.scorecard;

import java.util.SortedMap;

import io.loyaltypulse.support.streams.PoisonRecordException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The single writer of a customer's scorecard state: an order, a refund or a points entry
 * updates it, and the change of the customer's contribution to each kept quarter and
 * slice goes on, re-keyed {@code <quarter>|<slice>}, as a signed delta. A repeated event
 * changes nothing and sends nothing. An event not keyed by its customer is left to the
 * churn engine, which sends it to the dead-letter topic (once).
 */
final class ScorecardProcessor implements Processor<String, SpecificRecord, String, Figures> {

	private final ScorecardRules rules;

	private final Counter writes;

	private final Counter deltas;

	private KeyValueStore<String, CustomerScorecard> customers;

	private ProcessorContext<String, Figures> context;

	ScorecardProcessor(ScorecardRules rules, MeterRegistry metrics) {
		this.rules = rules;
		this.writes = metrics.counter("churn.scorecard.customer.writes");
		this.deltas = metrics.counter("churn.scorecard.deltas");
	}

	@Override
	public void init(ProcessorContext<String, Figures> context) {
		this.context = context;
		this.customers = context.getStateStore(ScorecardTopology.CUSTOMERS_STORE);
	}

	@Override
	public void process(Record<String, SpecificRecord> record) {
		SpecificRecord event = record.value();
		if (event == null || !ScorecardRules.reads(event) || record.key() == null
				|| !record.key().equals(event.get(event.getSchema().getField("customerId").pos()))) {
			return;
		}
		CustomerScorecard scorecard = this.customers.get(record.key());
		if (scorecard == null) {
			scorecard = new CustomerScorecard();
		}
		SortedMap<Cell, Figures> before = this.rules.contributions(scorecard);
		if (!apply(scorecard, event)) {
			return;
		}
		this.customers.put(record.key(), scorecard);
		this.writes.increment();
		SortedMap<String, Figures> changes = this.rules.deltas(before, this.rules.contributions(scorecard), scorecard);
		changes.forEach((key, delta) -> this.context.forward(new Record<>(key, delta, record.timestamp())));
		this.deltas.increment(changes.size());
	}

	private boolean apply(CustomerScorecard scorecard, SpecificRecord event) {
		try {
			return this.rules.apply(scorecard, event);
		}
		catch (ScorecardLimitException ex) {
			// The state is read again from the store for the next event: this one changed
			// nothing that is kept.
			throw new PoisonRecordException("scorecard: " + ex.getMessage(), ex);
		}
	}

}
