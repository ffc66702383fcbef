package io.loyaltypulse.churn.scorecard;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.support.streams.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
 * key (asked over {@code GET /api/v1/scorecard/figures} when it is another one, with the
 * caller's credentials), and the quarters, stores and regions seen over every instance.
 * 503 ({@link StoreUnavailableException}) while the state is moving or an owner does not
 * answer.
 */
public class ScorecardFigures {

	/** The slice of every order. */
	public static final String ALL = Slices.ALL;

	static final String FIGURES_PATH = "/api/v1/scorecard/figures";

	static final String SLICES_PATH = "/api/v1/scorecard/slices";

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final InteractiveQueries queries;

	private final Duration retryAfter;

	private final JsonMapper json = JsonMapper.builder().build();

	ScorecardFigures(InteractiveQueries queries, Duration retryAfter) {
		this.queries = queries;
		this.retryAfter = retryAfter;
	}

	/** The slice of one store's orders: {@code store=<storeId>}. */
	public static String storeSlice(String storeId) {
		return Slices.store(storeId);
	}

	/** The slice of one region's orders: {@code region=<region>}. */
	public static String regionSlice(String region) {
		return Slices.region(region);
	}

	/**
	 * The figures of {@code quarter} in {@code slice} ({@code all}, {@code store=<id>} or
	 * {@code region=<region>}); zero when nothing counted there.
	 * @param request the request being answered: a query forwarded to the owner carries
	 * its credentials
	 */
	public Figures figures(Quarter quarter, String slice, HttpServletRequest request) {
		String key = Slices.key(quarter, slice);
		Optional<ResponseEntity<String>> remote = this.queries.forwardIfRemote(ScorecardTopology.FIGURES_STORE, key,
				new Addressed(request, FIGURES_PATH, figuresQuery(quarter, slice)));
		if (remote.isPresent()) {
			return fromAnswer(key, remote.get());
		}
		ReadOnlyKeyValueStore<String, Figures> figures = this.queries.localStore(ScorecardTopology.FIGURES_STORE, key,
				QueryableStoreTypes.keyValueStore());
		Figures found = figures.get(key);
		return (found != null) ? found : Figures.ZERO;
	}

	/**
	 * The quarters, stores and regions with figures, over every instance (this one's
	 * alone when the request was forwarded by another).
	 */
	public Seen seen(HttpServletRequest request) {
		Seen seen = new Seen(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
		ReadOnlyKeyValueStore<String, Figures> figures = this.queries.localStore(ScorecardTopology.FIGURES_STORE,
				QueryableStoreTypes.keyValueStore());
		try (KeyValueIterator<String, Figures> all = figures.all()) {
			while (all.hasNext()) {
				KeyValue<String, Figures> entry = all.next();
				seen.add(entry.key);
			}
		}
		for (String answer : this.queries.fromOtherInstances(ScorecardTopology.FIGURES_STORE,
				new Addressed(request, SLICES_PATH, null))) {
			Map<String, Object> other = this.json.readValue(answer, JSON_OBJECT);
			seen.quarters().addAll(strings(other.get("quarters")));
			seen.stores().addAll(strings(other.get("stores")));
			seen.regions().addAll(strings(other.get("regions")));
		}
		return seen;
	}

	private Figures fromAnswer(String key, ResponseEntity<String> answer) {
		if (answer.getStatusCode().value() != 200 || answer.getBody() == null) {
			throw new StoreUnavailableException("the owner of " + key + " answered " + answer.getStatusCode().value(),
					this.retryAfter);
		}
		Map<String, Object> body = this.json.readValue(answer.getBody(), JSON_OBJECT);
		@SuppressWarnings("unchecked")
		Map<String, Object> value = (Map<String, Object>) body.get("returningOrderValue");
		return new Figures(count(body, "activeCustomers"), count(body, "returningCustomers"), count(body, "orders"),
				count(body, "returningOrders"), count(body, "otherCurrencyOrders"),
				count(body, "otherCurrencyReturningOrders"), new BigDecimal((String) value.get("amount")),
				count(body, "participants"));
	}

	private static long count(Map<String, Object> body, String name) {
		return ((Number) body.get(name)).longValue();
	}

	private static List<String> strings(Object list) {
		return ((List<?>) list).stream().map(String::valueOf).toList();
	}

	private static String figuresQuery(Quarter quarter, String slice) {
		String query = "quarter=" + quarter;
		if (slice.startsWith(Slices.STORE_PREFIX)) {
			query += "&store=" + encode(slice.substring(Slices.STORE_PREFIX.length()));
		}
		else if (slice.startsWith(Slices.REGION_PREFIX)) {
			query += "&region=" + encode(slice.substring(Slices.REGION_PREFIX.length()));
		}
		return query;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The quarters, stores and regions with figures, sorted.
	 *
	 * @param quarters e.g. {@code 2026-Q3}
	 * @param stores store ids
	 * @param regions regions
	 */
	public record Seen(SortedSet<String> quarters, SortedSet<String> stores, SortedSet<String> regions) {

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

	/**
	 * The request being answered, addressed to the scorecard's own API, so that a query
	 * forwarded to another instance asks that API whoever called (the API or the
	 * dashboard), with the caller's headers.
	 */
	private static final class Addressed extends HttpServletRequestWrapper {

		private final String path;

		private final String query;

		Addressed(HttpServletRequest request, String path, String query) {
			super(request);
			this.path = path;
			this.query = query;
		}

		@Override
		public String getRequestURI() {
			return this.path;
		}

		@Override
		public String getQueryString() {
			return this.query;
		}

	}

}
