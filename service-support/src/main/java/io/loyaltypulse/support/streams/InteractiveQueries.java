package io.loyaltypulse.support.streams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Answers a query from the state of the instance that owns the key (interactive queries):
 * locally when it is this one, else by forwarding the HTTP request once to the owner's
 * {@code application.server}, credentials included, and relaying its answer. While the
 * streams are not RUNNING (a rebalance, a restore), or the owner cannot be reached, it
 * refuses with {@link StoreUnavailableException} (503 with Retry-After).
 */
public class InteractiveQueries {

	/** Marks a forwarded request, so that it is never forwarded again. */
	public static final String FORWARDED_HEADER = "X-Loyalty-Forwarded";

	/** The instance ({@code application.server}) whose state answered. */
	public static final String SERVED_BY_HEADER = "X-Loyalty-Served-By";

	private static final String[] RELAYED_HEADERS = { HttpHeaders.RETRY_AFTER, SERVED_BY_HEADER };

	private final ManagedStreams streams;

	private final StreamsProperties properties;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	public InteractiveQueries(ManagedStreams streams, StreamsProperties properties) {
		this.streams = streams;
		this.properties = properties;
	}

	/**
	 * The owner's answer when another instance owns {@code key} in {@code store}; empty
	 * when this instance does and should answer itself.
	 */
	public Optional<ResponseEntity<String>> forwardIfRemote(String store, String key, HttpServletRequest request) {
		KeyQueryMetadata metadata = running().queryMetadataForKey(store, key, new StringSerializer());
		if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
			throw unavailable("the owner of " + key + " is not known yet");
		}
		HostInfo owner = metadata.activeHost();
		if (owner.equals(this.streams.self())) {
			return Optional.empty();
		}
		if (request.getHeader(FORWARDED_HEADER) != null) {
			// The sender thought this instance owns the key: ownership is moving.
			throw unavailable("ownership of " + key + " is moving");
		}
		return Optional.of(relay(forward(owner, request)));
	}

	/** The local store partition that holds {@code key}. */
	public <T> T localStore(String store, String key, QueryableStoreType<T> type) {
		KafkaStreams running = running();
		KeyQueryMetadata metadata = running.queryMetadataForKey(store, key, new StringSerializer());
		try {
			return running.store(StoreQueryParameters.fromNameAndType(store, type).withPartition(metadata.partition()));
		}
		catch (InvalidStateStoreException ex) {
			throw unavailable("the state of " + key + " is not queryable here now: " + ex.getMessage());
		}
	}

	/**
	 * Every partition of {@code store} that this instance holds, as one store: for a
	 * query over all keys, with {@link #fromOtherInstances} for the partitions of the
	 * others.
	 */
	public <T> T localStore(String store, QueryableStoreType<T> type) {
		try {
			return running().store(StoreQueryParameters.fromNameAndType(store, type));
		}
		catch (InvalidStateStoreException ex) {
			throw unavailable(store + " is not queryable here now: " + ex.getMessage());
		}
	}

	/**
	 * Whether {@code request} was forwarded by another instance: it is then answered from
	 * this instance's partitions alone, never forwarded again.
	 */
	public boolean isForwarded(HttpServletRequest request) {
		return request.getHeader(FORWARDED_HEADER) != null;
	}

	/**
	 * The answers of every other instance that holds partitions of {@code store} to the
	 * same request, each from its own partitions (the request is marked forwarded), for a
	 * query over all keys. Refuses with {@link StoreUnavailableException} when one does
	 * not answer 200, so that an answer never silently misses a partition.
	 */
	public List<String> fromOtherInstances(String store, HttpServletRequest request) {
		if (isForwarded(request)) {
			return List.of();
		}
		List<String> answers = new ArrayList<>();
		for (StreamsMetadata instance : running().streamsMetadataForStore(store)) {
			if (!instance.hostInfo().equals(this.streams.self())) {
				HttpResponse<String> answer = forward(instance.hostInfo(), request);
				if (answer.statusCode() != 200) {
					throw unavailable("the instance " + instance.hostInfo() + " answered " + answer.statusCode());
				}
				answers.add(answer.body());
			}
		}
		return answers;
	}

	/** This instance, as {@code host:port}, for the {@value #SERVED_BY_HEADER} header. */
	public String self() {
		return this.streams.self().host() + ":" + this.streams.self().port();
	}

	private HttpResponse<String> forward(HostInfo owner, HttpServletRequest request) {
		String pathAndQuery = request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		HttpRequest.Builder forwarded = HttpRequest
			.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery))
			.timeout(this.properties.forwardTimeout())
			.header(FORWARDED_HEADER, "true")
			.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.GET();
		// The owner authenticates the caller again: its credentials travel with the
		// query.
		for (String credential : new String[] { HttpHeaders.AUTHORIZATION, "X-Api-Key" }) {
			String value = request.getHeader(credential);
			if (value != null) {
				forwarded.header(credential, value);
			}
		}
		try {
			return this.http.send(forwarded.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw unavailable("the owner " + owner + " did not answer: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable("interrupted while asking " + owner);
		}
	}

	/**
	 * The owner's status, body and content type: a problem stays
	 * application/problem+json.
	 */
	private static ResponseEntity<String> relay(HttpResponse<String> answer) {
		MediaType contentType = answer.headers()
			.firstValue(HttpHeaders.CONTENT_TYPE)
			.map(MediaType::parseMediaType)
			.orElse(MediaType.APPLICATION_JSON);
		ResponseEntity.BodyBuilder relayed = ResponseEntity.status(answer.statusCode()).contentType(contentType);
		for (String header : RELAYED_HEADERS) {
			answer.headers().firstValue(header).ifPresent((value) -> relayed.header(header, value));
		}
		return relayed.body(answer.body());
	}

	private KafkaStreams running() {
		KafkaStreams running = this.streams.streams().orElseThrow(() -> unavailable("the topology is not started"));
		if (running.state() != KafkaStreams.State.RUNNING) {
			throw unavailable("the topology is " + running.state());
		}
		return running;
	}

	private StoreUnavailableException unavailable(String detail) {
		return new StoreUnavailableException(detail, this.properties.retryAfter());
	}

}
