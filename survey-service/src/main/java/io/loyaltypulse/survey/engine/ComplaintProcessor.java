package io.loyaltypulse.survey.engine;

import java.time.Duration;

import io.loyaltypulse.events.ComplaintFiled;
import io.loyaltypulse.events.ComplaintResolved;
import io.loyaltypulse.support.streams.PoisonRecordException;
import io.loyaltypulse.survey.complaints.FiledComplaint;
import io.loyaltypulse.survey.nps.Slice;
import io.loyaltypulse.survey.nps.Slicing;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Turns complaints (keyed by customer) into changes of complaint counts (keyed by slice):
 * a complaint counts once when filed, in the slices it names (all, store, channel,
 * region, segment) on the day it was filed, and is kept by customer and complaintId until
 * its resolution counts it as resolved there, with the time it took; a repeated filing or
 * resolution, or a resolution of a complaint never seen, changes nothing. Kept for the
 * retention at most, like the counts.
 */
final class ComplaintProcessor implements Processor<String, SpecificRecord, String, ComplaintDelta> {

	private final Slicing slicing;

	private ProcessorContext<String, ComplaintDelta> context;

	private WindowStore<String, FiledComplaint> filed;

	ComplaintProcessor(Slicing slicing) {
		this.slicing = slicing;
	}

	@Override
	public void init(ProcessorContext<String, ComplaintDelta> context) {
		this.context = context;
		this.filed = context.getStateStore(ComplaintTopology.FILED_STORE);
	}

	@Override
	public void process(Record<String, SpecificRecord> record) {
		if (record.value() instanceof ComplaintFiled complaint) {
			String key = complaint.getCustomerId() + '\u0000' + complaint.getComplaintId();
			if (open(key) == null) {
				FiledComplaint filed = FiledComplaint.of(complaint);
				this.filed.put(key, filed, filed.filedAt().toEpochMilli());
				forward(filed, new ComplaintDelta(filed.category(), filed.severity(), false, 0));
			}
		}
		else if (record.value() instanceof ComplaintResolved resolution) {
			String key = resolution.getCustomerId() + '\u0000' + resolution.getComplaintId();
			FiledComplaint filed = open(key);
			if (filed != null) {
				this.filed.put(key, null, filed.filedAt().toEpochMilli());
				long seconds = Duration.between(filed.filedAt(), resolution.getOccurredAt()).toSeconds();
				forward(filed, new ComplaintDelta(filed.category(), filed.severity(), true, Math.max(0, seconds)));
			}
		}
		else if (record.value() == null) {
			throw new PoisonRecordException("A complaint without a value (a tombstone) counts nothing");
		}
	}

	private FiledComplaint open(String key) {
		try (WindowStoreIterator<FiledComplaint> versions = this.filed.backwardFetch(key, 0L, Long.MAX_VALUE)) {
			return versions.hasNext() ? versions.next().value : null;
		}
	}

	private void forward(FiledComplaint complaint, ComplaintDelta delta) {
		long day = complaint.filedAt().toEpochMilli();
		for (Slice slice : this.slicing.slicesOf(complaint.values())) {
			this.context.forward(new Record<>(slice.key(), delta, day));
		}
	}

}
