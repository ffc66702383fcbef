package io.loyaltypulse.survey.engine;

import java.time.Duration;
import java.time.Instant;

import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.support.streams.PoisonRecordException;
import io.loyaltypulse.survey.nps.Answer;
import io.loyaltypulse.survey.nps.Corrections;
import io.loyaltypulse.survey.nps.Slice;
import io.loyaltypulse.survey.nps.Slicing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Turns survey responses (keyed by customer) into changes of slice counts (keyed by
 * slice): the counted version of each response is kept by customer and responseId
 * ({@link Corrections} decides), and each version counted or taken back becomes one
 * {@link SliceDelta} per slice it falls into ({@link Slicing}), stamped with its
 * occurredAt, so that it lands on its own UTC day however late it arrives.
 *
 * <p>
 * A response older than the task's stream time less the retention goes to the dead-letter
 * topic: its counted version could already be forgotten, so it could be counted twice. So
 * does one that is not keyed by its customer or carries a score outside 0-10 (written to
 * Kafka by something else than this service's ingest).
 */
final class ResponseProcessor implements Processor<String, SurveyResponded, String, SliceDelta> {

	private final Slicing slicing;

	private final Duration retention;

	private final Counter counted;

	private final Counter replaced;

	private final Counter ignored;

	private ProcessorContext<String, SliceDelta> context;

	private WindowStore<String, CountedResponse> responses;

	ResponseProcessor(Slicing slicing, Duration retention, MeterRegistry metrics) {
		this.slicing = slicing;
		this.retention = retention;
		this.counted = counter(metrics, "counted");
		this.replaced = counter(metrics, "replaced");
		this.ignored = counter(metrics, "ignored");
	}

	private static Counter counter(MeterRegistry metrics, String outcome) {
		return Counter.builder("nps.responses")
			.description("Survey responses read by the NPS engine, by what they did to the counts")
			.tag("outcome", outcome)
			.register(metrics);
	}

	@Override
	public void init(ProcessorContext<String, SliceDelta> context) {
		this.context = context;
		this.responses = context.getStateStore(NpsTopology.RESPONSES_STORE);
	}

	@Override
	public void process(Record<String, SurveyResponded> record) {
		SurveyResponded response = admitted(record);
		String key = response.getCustomerId() + '\u0000' + response.getResponseId();
		CountedResponse previous = countedVersion(key);
		Instant occurredAt = response.getOccurredAt();
		switch (Corrections.decide((previous != null) ? previous.occurredAt() : null, occurredAt)) {
			case IGNORE -> {
				this.ignored.increment();
				return;
			}
			case REPLACE -> {
				forward(previous, -1);
				this.responses.put(key, null, previous.occurredAt().toEpochMilli());
				this.replaced.increment();
			}
			case COUNT -> this.counted.increment();
		}
		CountedResponse version = new CountedResponse(occurredAt, Answer.of(response));
		forward(version, 1);
		this.responses.put(key, version, occurredAt.toEpochMilli());
	}

	private SurveyResponded admitted(Record<String, SurveyResponded> record) {
		SurveyResponded response = record.value();
		if (response == null) {
			throw new PoisonRecordException("A survey response without a value (a tombstone) counts nothing");
		}
		if (!response.getCustomerId().equals(record.key())) {
			throw new PoisonRecordException("Survey response " + response.getEventId()
					+ " is not keyed by its customerId: its corrections could land on another partition");
		}
		Integer score = response.getScore();
		if (score != null && (score < 0 || score > 10)) {
			throw new PoisonRecordException(
					"Survey response " + response.getEventId() + " has score " + score + ", outside 0-10");
		}
		long horizon = this.context.currentStreamTimeMs() - this.retention.toMillis();
		if (response.getOccurredAt().toEpochMilli() < horizon) {
			throw new PoisonRecordException("Survey response " + response.getEventId() + " answered at "
					+ response.getOccurredAt() + " is older than the retention (" + this.retention.toDays()
					+ " days before " + Instant.ofEpochMilli(this.context.currentStreamTimeMs())
					+ "): a version counted before could be forgotten, and it would count twice");
		}
		return response;
	}

	/** The version counted for the key, the only one kept. */
	private CountedResponse countedVersion(String key) {
		try (WindowStoreIterator<CountedResponse> versions = this.responses.backwardFetch(key, 0L, Long.MAX_VALUE)) {
			return versions.hasNext() ? versions.next().value : null;
		}
	}

	private void forward(CountedResponse version, int sign) {
		SliceDelta delta = new SliceDelta(version.answer().score(), sign);
		for (Slice slice : this.slicing.slicesOf(version.answer())) {
			this.context.forward(new Record<>(slice.key(), delta, version.occurredAt().toEpochMilli()));
		}
	}

}
