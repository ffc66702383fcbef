package io.loyaltypulse.points.topology;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.loyaltypulse.points.ledger.CustomerHistory;
import io.loyaltypulse.points.ledger.OrderRecord;
import io.loyaltypulse.points.ledger.RequestRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * One customer's {@link CustomerHistory} over the topology's window stores, whose
 * retention forgets an entry that long after the time it is stored under. Writes are held
 * back until {@link #flush()}, which the processor calls only once the whole event was
 * applied: a rejected event leaves no trace in the stores.
 */
final class StoreBackedHistory implements CustomerHistory {

	private static final long ANY_TIME_TO = Long.MAX_VALUE;

	private final String customerId;

	/**
	 * The oldest time still remembered, per store: the processor's horizon, not the
	 * stores' own (their expiry follows an in-memory stream time and whole segments), so
	 * that what a look-up finds depends only on the events applied, after a restart too.
	 */
	private final long ordersFrom;

	private final long idsFrom;

	private final WindowStore<String, Long> processed;

	private final WindowStore<String, OrderRecord> orders;

	private final WindowStore<String, RequestRecord> requests;

	private final Map<String, Write<Long>> processedWrites = new LinkedHashMap<>();

	private final Map<String, Write<OrderRecord>> orderWrites = new LinkedHashMap<>();

	private final Map<String, Write<RequestRecord>> requestWrites = new LinkedHashMap<>();

	StoreBackedHistory(String customerId, WindowStore<String, Long> processed, WindowStore<String, OrderRecord> orders,
			WindowStore<String, RequestRecord> requests, long ordersFrom, long idsFrom) {
		this.customerId = customerId;
		this.ordersFrom = ordersFrom;
		this.idsFrom = idsFrom;
		this.processed = processed;
		this.orders = orders;
		this.requests = requests;
	}

	@Override
	public boolean firstTime(String eventId, Instant at) {
		return remember(ScopedKey.of(this.customerId, ScopedKey.EVENT, eventId), at);
	}

	@Override
	public boolean firstBonusFor(String surveyId, Instant at) {
		return remember(ScopedKey.of(this.customerId, ScopedKey.SURVEY, surveyId), at);
	}

	@Override
	public OrderRecord order(String orderId) {
		return find(this.orders, this.orderWrites, ScopedKey.of(this.customerId, ScopedKey.ORDER, orderId),
				this.ordersFrom);
	}

	@Override
	public void saveOrder(OrderRecord order) {
		this.orderWrites.put(ScopedKey.of(this.customerId, ScopedKey.ORDER, order.orderId()),
				new Write<>(order, order.storedAt()));
	}

	@Override
	public RequestRecord request(String requestId) {
		return find(this.requests, this.requestWrites, ScopedKey.of(this.customerId, ScopedKey.REQUEST, requestId),
				this.idsFrom);
	}

	@Override
	public void saveRequest(RequestRecord request) {
		this.requestWrites.put(ScopedKey.of(this.customerId, ScopedKey.REQUEST, request.requestId()),
				new Write<>(request, request.decidedAt()));
	}

	/** Writes what the event changed. */
	void flush() {
		this.processedWrites.forEach((key, write) -> this.processed.put(key, write.value(), write.at()));
		this.orderWrites.forEach((key, write) -> this.orders.put(key, write.value(), write.at()));
		this.requestWrites.forEach((key, write) -> this.requests.put(key, write.value(), write.at()));
	}

	private boolean remember(String key, Instant at) {
		if (find(this.processed, this.processedWrites, key, this.idsFrom) != null) {
			return false;
		}
		this.processedWrites.put(key, new Write<>(at.toEpochMilli(), at.toEpochMilli()));
		return true;
	}

	private static <V> V find(WindowStore<String, V> store, Map<String, Write<V>> writes, String key, long from) {
		Write<V> written = writes.get(key);
		if (written != null) {
			return written.value();
		}
		try (WindowStoreIterator<V> found = store.fetch(key, from, ANY_TIME_TO)) {
			V latest = null;
			while (found.hasNext()) {
				latest = found.next().value;
			}
			return latest;
		}
	}

	private record Write<V>(V value, long at) {
	}

}
