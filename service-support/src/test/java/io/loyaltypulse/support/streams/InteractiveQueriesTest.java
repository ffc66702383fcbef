package io.loyaltypulse.support.streams;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Forwarding a query to the instance that owns the key, against a real HTTP server
 * standing in for the owner: what is sent (path, query, credentials, the forwarded mark)
 * and what is relayed (status, body, content type, Retry-After, served-by); and the 503
 * answers while ownership is unknown or moving.
 */
class InteractiveQueriesTest {

	private static final HostInfo SELF = new HostInfo("127.0.0.1", 1);

	private final KafkaStreams kafkaStreams = mock(KafkaStreams.class);

	private final ManagedStreams streams = mock(ManagedStreams.class);

	private final List<HttpExchangeCopy> received = new CopyOnWriteArrayList<>();

	private HttpServer owner;

	private InteractiveQueries queries;

	private volatile Answer answer = new Answer(200, "application/json", "{\"available\": 5}", Map.of());

	@BeforeEach
	void startOwner() throws IOException {
		this.owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.owner.createContext("/", this::answer);
		this.owner.start();
		given(this.streams.streams()).willReturn(Optional.of(this.kafkaStreams));
		given(this.streams.self()).willReturn(SELF);
		given(this.kafkaStreams.state()).willReturn(KafkaStreams.State.RUNNING);
		this.queries = new InteractiveQueries(this.streams, new StreamsProperties("127.0.0.1", "",
				Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(5)));
	}

	@AfterEach
	void stopOwner() {
		this.owner.stop(0);
	}

	@Test
	void shouldAnswerLocallyWhenThisInstanceOwnsTheKey() {
		ownedBy(SELF);

		assertThat(this.queries.forwardIfRemote("store", "c-1", request())).isEmpty();
		assertThat(this.received).isEmpty();
	}

	@Test
	void shouldForwardPathQueryAndCredentialsOnceAndRelayTheOwnersAnswer() {
		ownedBy(ownerHost());
		this.answer = new Answer(200, "application/json", "{\"available\": 5}",
				Map.of(InteractiveQueries.SERVED_BY_HEADER, "owner:2"));

		Optional<ResponseEntity<String>> relayed = this.queries.forwardIfRemote("store", "c-1", request());

		assertThat(relayed).hasValueSatisfying((response) -> {
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(response.getBody()).isEqualTo("{\"available\": 5}");
			assertThat(response.getHeaders().getFirst(InteractiveQueries.SERVED_BY_HEADER)).isEqualTo("owner:2");
		});
		assertThat(this.received).singleElement().satisfies((sent) -> {
			assertThat(sent.uri()).isEqualTo("/api/v1/customers/c-1/points?expiringWithinDays=7");
			// The JDK server spells header names with one capital.
			assertThat(sent.headers()).containsEntry("X-api-key", "the-key")
				.containsEntry("Authorization", "Bearer token")
				.containsEntry("X-loyalty-forwarded", "true");
		});
	}

	@Test
	void shouldRelayTheOwnersProblemWithItsContentTypeAndRetryAfter() {
		ownedBy(ownerHost());
		this.answer = new Answer(503, "application/problem+json", "{\"status\": 503}", Map.of("Retry-After", "2"));

		ResponseEntity<String> relayed = this.queries.forwardIfRemote("store", "c-1", request()).orElseThrow();

		assertThat(relayed.getStatusCode().value()).isEqualTo(503);
		assertThat(relayed.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(relayed.getHeaders().getFirst("Retry-After")).isEqualTo("2");
	}

	@Test
	void shouldAnswer503InsteadOfForwardingAgainWhenAForwardedRequestReachesANonOwner() {
		ownedBy(ownerHost());
		MockHttpServletRequest forwarded = request();
		forwarded.addHeader(InteractiveQueries.FORWARDED_HEADER, "true");

		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> this.queries.forwardIfRemote("store", "c-1", forwarded))
			.withMessageContaining("moving")
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(3)));
		assertThat(this.received).isEmpty();
	}

	@Test
	void shouldAnswer503WhileTheTopologyRebalancesOrTheOwnerIsUnknownOrUnreachable() {
		given(this.kafkaStreams.state()).willReturn(KafkaStreams.State.REBALANCING);
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> this.queries.forwardIfRemote("store", "c-1", request()))
			.withMessageContaining("REBALANCING");

		given(this.kafkaStreams.state()).willReturn(KafkaStreams.State.RUNNING);
		given(this.kafkaStreams.queryMetadataForKey(eq("store"), eq("c-1"), any(Serializer.class)))
			.willReturn(KeyQueryMetadata.NOT_AVAILABLE);
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> this.queries.forwardIfRemote("store", "c-1", request()))
			.withMessageContaining("not known");

		this.owner.stop(0);
		ownedBy(ownerHost());
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> this.queries.forwardIfRemote("store", "c-1", request()))
			.withMessageContaining("did not answer");
	}

	@Test
	void shouldAskEveryOtherInstanceOnceMarkedForwardedForAQueryOverAllKeys() {
		heldBy(SELF, ownerHost());
		this.answer = new Answer(200, "application/json", "{\"slices\": []}", Map.of());

		List<String> answers = this.queries.fromOtherInstances("store", request());

		assertThat(answers).containsExactly("{\"slices\": []}");
		assertThat(this.received).singleElement()
			.satisfies((sent) -> assertThat(sent.headers()).containsEntry("X-loyalty-forwarded", "true")
				.containsEntry("X-api-key", "the-key"));
	}

	@Test
	void shouldAskNobodyWhenTheRequestWasForwardedAlready() {
		heldBy(SELF, ownerHost());
		MockHttpServletRequest forwarded = request();
		forwarded.addHeader(InteractiveQueries.FORWARDED_HEADER, "true");

		assertThat(this.queries.isForwarded(forwarded)).isTrue();
		assertThat(this.queries.fromOtherInstances("store", forwarded)).isEmpty();
		assertThat(this.received).isEmpty();
	}

	@Test
	void shouldAnswer503RatherThanMissThePartitionsOfAnInstanceThatFails() {
		heldBy(SELF, ownerHost());
		this.answer = new Answer(503, "application/problem+json", "{\"status\": 503}", Map.of());

		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> this.queries.fromOtherInstances("store", request()))
			.withMessageContaining("answered 503");
	}

	private void heldBy(HostInfo... hosts) {
		List<StreamsMetadata> instances = new java.util.ArrayList<>();
		for (HostInfo host : hosts) {
			StreamsMetadata instance = mock(StreamsMetadata.class);
			given(instance.hostInfo()).willReturn(host);
			instances.add(instance);
		}
		given(this.kafkaStreams.streamsMetadataForStore("store")).willReturn(instances);
	}

	private HostInfo ownerHost() {
		return new HostInfo("127.0.0.1", this.owner.getAddress().getPort());
	}

	private void ownedBy(HostInfo host) {
		given(this.kafkaStreams.queryMetadataForKey(eq("store"), eq("c-1"), any(Serializer.class)))
			.willReturn(new KeyQueryMetadata(host, Set.of(), 0));
	}

	private static MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers/c-1/points");
		request.setQueryString("expiringWithinDays=7");
		request.addHeader("X-Api-Key", "the-key");
		request.addHeader("Authorization", "Bearer token");
		return request;
	}

	private void answer(HttpExchange exchange) throws IOException {
		Map<String, String> headers = new HashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
		this.received.add(new HttpExchangeCopy(exchange.getRequestURI().toString(), headers));
		Answer current = this.answer;
		exchange.getResponseHeaders().add("Content-Type", current.contentType());
		current.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(current.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private record Answer(int status, String contentType, String body, Map<String, String> headers) {
	}

	private record HttpExchangeCopy(String uri, Map<String, String> headers) {
	}

}
