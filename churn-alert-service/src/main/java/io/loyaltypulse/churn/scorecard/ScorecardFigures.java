package io.loyaltypulse.churn.scorecard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import io.loyaltypulse.support.streams.InteractiveQueries;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;

/**
 * The scorecard's figures as the streams hold them (store {@code scorecard-figures},
 * keyed {@code <quarter>|<slice>}): one quarter and slice from the instance that owns its
 * key (the request forwarded there as it came), and the quarters, stores and regions seen
 * over every instance. 503 ({@code StoreUnavailableException}) while the state is moving
 * or an owner does not answer.
 */
public class ScorecardFigures {

	static final String FIGURES_PATH = "/api/v1/scorecard/figures";

	static final String SLICES_PATH = "/api/v1/scorecard/slices";

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final InteractiveQueries queries;

	private final JsonMapper json = JsonMapper.builder().build();

	ScorecardFigures(InteractiveQueries queries) {
		this.queries = queries;
	}

	/**
	 * The owner's answer to this figures request when another instance owns the key;
	 * empty when this one does.
	 */
	Optional<ResponseEntity<String>> fromOwner(Quarter quarter, String slice, HttpServletRequest request) {
		return this.queries.forwardIfRemote(ScorecardTopology.FIGURES_STORE, Slices.key(quarter, slice), request);
	}

	/**
	 * This instance's figures of {@code quarter} in {@code slice} ({@code all},
	 * {@code store=<id>} or {@code region=<region>}); zero when nothing counted there.
	 */
	Figures local(Quarter quarter, String slice) {
		String key = Slices.key(quarter, slice);
		ReadOnlyKeyValueStore<String, Figures> figures = this.queries.localStore(ScorecardTopology.FIGURES_STORE, key,
				QueryableStoreTypes.keyValueStore());
		Figures found = figures.get(key);
		return (found != null) ? found : Figures.ZERO;
	}

	/**
	 * The quarters, stores and regions with figures, over every instance (this one's
	 * alone when the request was forwarded by another).
	 */
	Seen seen(HttpServletRequest request) {
		Seen seen = new Seen(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
		ReadOnlyKeyValueStore<String, Figures> figures = this.queries.localStore(ScorecardTopology.FIGURES_STORE,
				QueryableStoreTypes.keyValueStore());
		try (KeyValueIterator<String, Figures> all = figures.all()) {
			while (all.hasNext()) {
				KeyValue<String, Figures> entry = all.next();
				seen.add(entry.key);
			}
		}
		for (String answer : this.queries.fromOtherInstances(ScorecardTopology.FIGURES_STORE, request)) {
			Map<String, Object> other = this.json.readValue(answer, JSON_OBJECT);
			seen.quarters().addAll(strings(other.get("quarters")));
			seen.stores().addAll(strings(other.get("stores")));
			seen.regions().addAll(strings(other.get("regions")));
		}
		return seen;
	}

	private static List<String> strings(Object list) {
		return ((List<?>) list).stream().map(String::valueOf).toList();
	}

	/**
	 * The quarters, stores and regions with figures, sorted.
	 *
	 * @param quarters e.g. {@code 2026-Q3}
	 * @param stores store ids
	 * @param regions regions
	 */
	record Seen(SortedSet<String> quarters, SortedSet<String> stores, SortedSet<String> regions) {

		void add(String key) {
			this.quarters.add(Slices.quarterOf(key));
			String slice = Slices.sliceOf(key);
			if (slice.startsWith(Slices.STORE_PREFIX)) {
				this.stores.add(slice.substring(Slices.STORE_PREFIX.length()));
			}
			else if (slice.startsWith(Slices.REGION_PREFIX)) {
				this.regions.add(slice.substring(Slices.REGION_PREFIX.length()));
			}
		}

	}

}
