package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A {@link CustomerHistory} in maps, for tests and the offline benchmark that call the
 * engine without a topology. It keeps everything: retention is the stores' business.
 */
public final class InMemoryHistory implements CustomerHistory {

	private final Set<String> processed = new HashSet<>();

	private final Set<String> rewardedSurveys = new HashSet<>();

	private final Map<String, OrderRecord> orders = new HashMap<>();

	private final Map<String, RequestRecord> requests = new HashMap<>();

	@Override
	public boolean firstTime(String eventId, Instant at) {
		return this.processed.add(eventId);
	}

	@Override
	public OrderRecord order(String orderId) {
		return this.orders.get(orderId);
	}

	@Override
	public void saveOrder(OrderRecord order) {
		this.orders.put(order.orderId, order);
	}

	@Override
	public RequestRecord request(String requestId) {
		return this.requests.get(requestId);
	}

	@Override
	public void saveRequest(RequestRecord request) {
		this.requests.put(request.requestId, request);
	}

	@Override
	public boolean firstBonusFor(String surveyId, Instant at) {
		return this.rewardedSurveys.add(surveyId);
	}

}
