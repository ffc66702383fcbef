package io.loyaltypulse.survey.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.survey.engine.NpsTopology;
import io.loyaltypulse.survey.nps.AnswerCounts;
import io.loyaltypulse.survey.nps.Period;
import io.loyaltypulse.survey.nps.Slice;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import org.springframework.stereotype.Component;

/**
 * The answer counts of the slice-day store that this instance holds: one slice's days (on
 * the partition of the slice, which the controller routes to), or every slice's over a
 * period (this instance's partitions, the others' come from their instances).
 */
@Component
class SliceDays {

	private final InteractiveQueries queries;

	SliceDays(InteractiveQueries queries) {
		this.queries = queries;
	}

	/**
	 * The answer counts of a slice per day of the period, days without answers left out.
	 */
	NavigableMap<LocalDate, AnswerCounts> byDay(String slice, Period period) {
		return byDay(NpsTopology.SLICE_DAYS_STORE, slice, period);
	}

	/**
	 * The counts of a slice per day of the period in a slice-day store (answers, or
	 * complaints), days without any left out.
	 */
	<V> NavigableMap<LocalDate, V> byDay(String storeName, String slice, Period period) {
		ReadOnlyWindowStore<String, V> store = this.queries.localStore(storeName, slice,
				QueryableStoreTypes.windowStore());
		NavigableMap<LocalDate, V> days = new TreeMap<>();
		try (WindowStoreIterator<V> entries = store.fetch(slice, start(period.from()), start(period.to()))) {
			while (entries.hasNext()) {
				KeyValue<Long, V> entry = entries.next();
				days.put(day(entry.key), entry.value);
			}
		}
		return days;
	}

	/** The counts of each local slice that passes the filter, summed over the period. */
	Map<String, AnswerCounts> totalsBySlice(Period period, Predicate<Slice> wanted) {
		ReadOnlyWindowStore<String, AnswerCounts> store = this.queries.localStore(NpsTopology.SLICE_DAYS_STORE,
				QueryableStoreTypes.windowStore());
		Map<String, Boolean> decided = new HashMap<>();
		Map<String, AnswerCounts> totals = new HashMap<>();
		try (KeyValueIterator<Windowed<String>, AnswerCounts> entries = store.fetchAll(start(period.from()),
				start(period.to()))) {
			while (entries.hasNext()) {
				KeyValue<Windowed<String>, AnswerCounts> entry = entries.next();
				String slice = entry.key.key();
				if (decided.computeIfAbsent(slice, (key) -> wanted.test(Slice.parse(key)))) {
					totals.merge(slice, entry.value, AnswerCounts::plus);
				}
			}
		}
		return totals;
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static LocalDate day(long windowStart) {
		return LocalDate.ofInstant(Instant.ofEpochMilli(windowStart), ZoneOffset.UTC);
	}

}
