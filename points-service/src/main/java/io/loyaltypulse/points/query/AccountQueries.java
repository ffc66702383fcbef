package io.loyaltypulse.points.query;

import java.time.Clock;
import java.util.List;

import io.loyaltypulse.points.ledger.CustomerAccount;
import io.loyaltypulse.points.ledger.PointsEngine;
import io.loyaltypulse.points.ledger.PointsSummary;
import io.loyaltypulse.points.topology.PointsTopology;
import io.loyaltypulse.points.topology.RecentTransaction;
import io.loyaltypulse.support.streams.InteractiveQueries;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import org.springframework.stereotype.Component;

/**
 * A customer's balance and recent ledger entries, from the local state of this instance;
 * the controller forwards to the owning instance first when it is another one.
 */
@Component
public class AccountQueries {

	private final InteractiveQueries queries;

	private final PointsEngine engine;

	private final Clock clock;

	AccountQueries(InteractiveQueries queries, PointsEngine engine, Clock clock) {
		this.queries = queries;
		this.engine = engine;
		this.clock = clock;
	}

	PointsSummary summary(String customerId, int expiringWithinDays) {
		CustomerAccount account = this.queries
			.localStore(PointsTopology.ACCOUNTS_STORE, customerId,
					QueryableStoreTypes.<String, CustomerAccount>keyValueStore())
			.get(customerId);
		return this.engine.summarize((account != null) ? account : CustomerAccount.open(customerId),
				this.clock.instant(), expiringWithinDays);
	}

	List<RecentTransaction> recentTransactions(String customerId, int limit) {
		return RecentTransaction.newestFirst(this.queries.localStore(PointsTopology.TRANSACTIONS_STORE, customerId,
				QueryableStoreTypes.<String, RecentTransaction>windowStore()), customerId, limit);
	}

}
