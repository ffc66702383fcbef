package io.loyaltypulse.points.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.loyaltypulse.points.ledger.CustomerAccount;
import io.loyaltypulse.points.ledger.PointsEngine;
import io.loyaltypulse.points.ledger.PointsSummary;
import io.loyaltypulse.points.streams.PointsStreams;
import io.loyaltypulse.points.topology.PointsTopology;
import io.loyaltypulse.points.topology.RecentTransaction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import org.springframework.stereotype.Component;

/**
 * Answers from the state of the instance that owns the customer (interactive queries):
 * locally when it is this one, else by forwarding the HTTP request to the owner's
 * {@code application.server}. While the streams are not RUNNING (a rebalance, a restore),
 * or the owner cannot be reached, it refuses with {@link StoreUnavailableException}
 * rather than answer from stale or partial state.
 */
@Component
class AccountQueries {

	static final String FORWARDED_HEADER = "X-Loyalty-Forwarded";

	private final PointsStreams streams;

	private final PointsEngine engine;

	private final Clock clock = Clock.systemUTC();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	AccountQueries(PointsStreams streams, PointsEngine engine) {
		this.streams = streams;
		this.engine = engine;
	}

	/**
	 * The owner of the customer's state, or empty when it is this instance.
	 */
	Optional<HostInfo> remoteOwner(String customerId) {
		KafkaStreams running = running();
		KeyQueryMetadata metadata = running.queryMetadataForKey(PointsTopology.ACCOUNTS_STORE, customerId,
				new StringSerializer());
		if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
			throw new StoreUnavailableException("the owner of customer " + customerId + " is not known yet");
		}
		return metadata.activeHost().equals(this.streams.self()) ? Optional.empty()
				: Optional.of(metadata.activeHost());
	}

	String self() {
		return this.streams.self().host() + ":" + this.streams.self().port();
	}

	PointsSummary summary(String customerId, int expiringWithinDays) {
		CustomerAccount account = localStore(PointsTopology.ACCOUNTS_STORE, customerId,
				QueryableStoreTypes.<String, CustomerAccount>keyValueStore())
			.get(customerId);
		return this.engine.summarize((account != null) ? account : CustomerAccount.open(customerId),
				this.clock.instant(), expiringWithinDays);
	}

	List<RecentTransaction> recentTransactions(String customerId, int limit) {
		return RecentTransaction.newestFirst(localStore(PointsTopology.TRANSACTIONS_STORE, customerId,
				QueryableStoreTypes.<String, RecentTransaction>windowStore()), customerId, limit);
	}

	/** Sends the same GET to the owner and relays its answer. */
	HttpResponse<String> forward(HostInfo owner, String pathAndQuery) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery))
			.timeout(Duration.ofSeconds(5))
			.header(FORWARDED_HEADER, "true")
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new StoreUnavailableException("the owner " + owner + " did not answer: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreUnavailableException("interrupted while asking " + owner);
		}
	}

	private <T> T localStore(String storeName, String customerId, QueryableStoreType<T> type) {
		KafkaStreams running = running();
		KeyQueryMetadata metadata = running.queryMetadataForKey(storeName, customerId, Serdes.String().serializer());
		try {
			return running
				.store(StoreQueryParameters.fromNameAndType(storeName, type).withPartition(metadata.partition()));
		}
		catch (InvalidStateStoreException ex) {
			throw new StoreUnavailableException(
					"the state of customer " + customerId + " is not queryable here now: " + ex.getMessage());
		}
	}

	private KafkaStreams running() {
		KafkaStreams running = this.streams.streams()
			.orElseThrow(() -> new StoreUnavailableException("the points engine is not started"));
		if (running.state() != KafkaStreams.State.RUNNING) {
			throw new StoreUnavailableException("the points engine is " + running.state() + "; retry shortly");
		}
		return running;
	}

}
