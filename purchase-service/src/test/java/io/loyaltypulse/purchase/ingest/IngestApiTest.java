package io.loyaltypulse.purchase.ingest;

import io.loyaltypulse.support.ingest.BatchController;
import io.loyaltypulse.support.ingest.BatchIngest;
import io.loyaltypulse.support.ingest.EventIngest;
import io.loyaltypulse.support.ingest.IngestMetrics;
import io.loyaltypulse.support.ingest.IngestedEvents;
import io.loyaltypulse.support.ingest.IngestProperties;
import io.loyaltypulse.support.ingest.IngestService;
import io.loyaltypulse.support.json.StrictJsonReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.loyaltypulse.events.InvoiceIssued;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.ReferralRegistered;
import io.loyaltypulse.events.ReviewPublished;
import io.loyaltypulse.events.ReviewStatus;
import io.loyaltypulse.support.security.ApiKeyProperties;
import io.loyaltypulse.testsupport.TestApiKeys;
import io.loyaltypulse.support.idempotency.IdempotencyProperties;
import io.loyaltypulse.support.idempotency.RecentEventIds;
import io.loyaltypulse.support.publishing.EventPublisher;
import io.loyaltypulse.support.publishing.PublishingProperties;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP contract without a broker: validation, problem details, idempotency, batch
 * results and the mapping of producer failures, with the real security chain and the real
 * publisher in front of a stubbed {@link KafkaTemplate}.
 */
@WebMvcTest(controllers = EventsController.class)
@Import({ IngestApiTest.Stubs.class, IngestEndpoints.class, IngestService.class, IngestMetrics.class, EventIngest.class,
		BatchIngest.class, BatchController.class, RecentEventIds.class })
@TestPropertySource(properties = { "loyalty.security.api-keys[0].name=shop-a",
		"loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
		"loyalty.security.api-keys[0].scopes=purchases:write,invoices:write",
		"loyalty.security.api-keys[1].name=billing-only",
		"loyalty.security.api-keys[1].sha256=" + TestApiKeys.INVOICES_ONLY_SHA256,
		"loyalty.security.api-keys[1].scopes=invoices:write", "loyalty.ingest.batch.max-events=5" })
@SuppressWarnings("unchecked")
class IngestApiTest {

	static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTemplate<String, SpecificRecord> template;

	@Autowired
	MeterRegistry meters;

	@MockitoSpyBean
	RecentEventIds recent;

	List<ProducerRecord<String, SpecificRecord>> sent = new ArrayList<>();

	@BeforeEach
	@SuppressWarnings("unchecked")
	void acknowledgeEverySend() {
		reset(this.template);
		given(this.template.send(any(ProducerRecord.class))).willAnswer((invocation) -> {
			ProducerRecord<String, SpecificRecord> record = invocation.getArgument(0);
			this.sent.add(record);
			RecordMetadata metadata = new RecordMetadata(new TopicPartition(record.topic(), 0), this.sent.size(), 0,
					record.timestamp(), 0, 0);
			return CompletableFuture.completedFuture(new SendResult<>(record, metadata));
		});
	}

	@Test
	void shouldAcceptAPurchaseKeyedByCustomerWithTheEventTimeAsTimestamp() throws Exception {
		double acceptedBefore = count("PurchaseCompleted", "accepted", "none");
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, Json.purchase("evt-1", "c-1"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andExpect(jsonPath("$.eventId").value("evt-1"))
			.andExpect(jsonPath("$.type").value("PurchaseCompleted"))
			.andExpect(jsonPath("$.topic").value("purchases"))
			.andExpect(jsonPath("$.seenRecently").value(false));

		assertThat(this.sent).singleElement().satisfies((record) -> {
			assertThat(record.topic()).isEqualTo("purchases");
			assertThat(record.key()).isEqualTo("c-1");
			assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-11-20T10:15:30Z").toEpochMilli());
			PurchaseCompleted event = (PurchaseCompleted) record.value();
			assertThat(event.getTotal()).isEqualTo(new BigDecimal("9.0000"));
			assertThat(event.getLines()).singleElement()
				.satisfies((line) -> assertThat(line.getUnitPrice()).isEqualTo(new BigDecimal("4.5000")));
		});
		assertThat(count("PurchaseCompleted", "accepted", "none")).isEqualTo(acceptedBefore + 1);
	}

	@Test
	void shouldNameEveryOffendingFieldAndPublishNothing() throws Exception {
		double invalidBefore = count("PurchaseCompleted", "rejected", "invalid");
		String body = """
				{"eventId": "evt-2", "occurredAt": "2026-11-23T12:00:00Z", "orderId": "o-1", "storeId": "S1",
				 "channel": "WEB", "colour": "red",
				 "lines": [{"lineId": "1", "sku": "A", "category": "C", "quantity": 0, "unitPrice": 1.00},
				           {"lineId": "1", "sku": "B", "category": "C", "quantity": 1, "unitPrice": 1.00001}],
				 "total": 5, "currency": "EURO"}
				""";
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.type").value("https://loyaltypulse.io/problems/invalid"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[*].pointer")
				.value(org.hamcrest.Matchers.containsInAnyOrder("/colour", "/customerId", "/occurredAt", "/currency",
						"/lines/0/quantity", "/lines/1/lineId", "/lines/1/unitPrice")))
			.andExpect(jsonPath("$.errors[?(@.pointer == '/colour')].detail")
				.value(org.hamcrest.Matchers.contains(containsString("is not a known field"))))
			.andExpect(jsonPath("$.errors[?(@.pointer == '/currency')].detail")
				.value(org.hamcrest.Matchers.contains(containsString("ISO 4217"))));
		assertThat(this.sent).isEmpty();
		assertThat(count("PurchaseCompleted", "rejected", "invalid")).isEqualTo(invalidBefore + 1);
	}

	@Test
	void shouldRefuseATotalAboveTheSumOfTheLines() throws Exception {
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES,
				Json.purchase("evt-3", "c-1").replace("\"total\": 9.00", "\"total\": 9.01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].pointer").value("/total"))
			.andExpect(jsonPath("$.errors[0].detail").value(containsString("9.00")));
	}

	@Test
	void shouldReportValuesOfTheWrongTypeByPointerWithoutRepeatingThemAsMissing() throws Exception {
		String body = Json.purchase("evt-4", "c-1")
			.replace("\"quantity\": 2", "\"quantity\": 2.5")
			.replace("\"occurredAt\": \"2026-11-20T10:15:30Z\"", "\"occurredAt\": \"yesterday\"");
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].pointer")
				.value(org.hamcrest.Matchers.containsInAnyOrder("/lines/0/quantity", "/occurredAt")))
			.andExpect(jsonPath("$.errors[?(@.pointer == '/occurredAt')].detail")
				.value(org.hamcrest.Matchers.contains(containsString("RFC 3339"))));
	}

	@Test
	void shouldReportAScalarWhereAnObjectBelongs() throws Exception {
		String body = Json.purchase("evt-4b", "c-1")
			.replace("\"currency\": \"EUR\"", "\"currency\": \"EUR\", \"paymentTerms\": \"30 days\"");
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].pointer").value("/paymentTerms"))
			.andExpect(jsonPath("$.errors[0].detail").value("must be a JSON object"));
	}

	@Test
	void shouldAnswerMalformedJsonWith400() throws Exception {
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, "{\"eventId\": ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://loyaltypulse.io/problems/malformed"));
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, "{\"a\": 1, \"a\": 2}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("Duplicate")));
	}

	@Test
	void shouldAnswer413ForABodyOverTheLimit() throws Exception {
		String body = Json.purchase("evt-5", "c-1").replace("\"WEB\"", "\"" + "W".repeat(70 * 1024) + "\"");
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value("https://loyaltypulse.io/problems/too-large"))
			.andExpect(jsonPath("$.maxBytes").value(64 * 1024));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void shouldAnswer415ForABodyThatIsNotJson() throws Exception {
		this.mvc
			.perform(post("/api/v1/purchases").header("X-Api-Key", TestApiKeys.ALL_SCOPES)
				.contentType(MediaType.TEXT_PLAIN)
				.content("hello"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")));
	}

	@Test
	void shouldAnswer401WithoutCredentialsOrWithAnUnknownKey() throws Exception {
		this.mvc
			.perform(post("/api/v1/purchases").contentType(MediaType.APPLICATION_JSON)
				.content(Json.purchase("evt-6", "c-1")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(jsonPath("$.type").value("https://loyaltypulse.io/problems/unauthorized"));
		send(post("/api/v1/purchases"), "not-a-key", Json.purchase("evt-6", "c-1")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("not valid")));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void shouldAcceptTheKeyAsABearerTokenToo() throws Exception {
		this.mvc
			.perform(post("/api/v1/invoices").header("Authorization", "Bearer " + TestApiKeys.INVOICES_ONLY)
				.contentType(MediaType.APPLICATION_JSON)
				.content(Json.invoice("inv-evt-1", "c-9")))
			.andExpect(status().isAccepted());
		assertThat(this.sent).singleElement().satisfies((record) -> {
			assertThat(record.topic()).isEqualTo("invoices");
			assertThat(record.value()).isInstanceOf(InvoiceIssued.class);
		});
	}

	@Test
	void shouldAnswer403NamingTheScopeAKeyLacks() throws Exception {
		send(post("/api/v1/purchases"), TestApiKeys.INVOICES_ONLY, Json.purchase("evt-7", "c-1"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.requiredScope").value("purchases:write"))
			.andExpect(jsonPath("$.detail").value(containsString("billing-only")));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void shouldTakeTheOrderIdFromThePathAndRefuseABodyThatNamesAnother() throws Exception {
		send(post("/api/v1/purchases/o-1/refunds"), TestApiKeys.ALL_SCOPES, Json.refund("ref-evt-1", null))
			.andExpect(status().isAccepted());
		assertThat(((PurchaseRefunded) this.sent.getFirst().value()).getOrderId()).isEqualTo("o-1");

		send(post("/api/v1/purchases/o-1/refunds"), TestApiKeys.ALL_SCOPES, Json.refund("ref-evt-2", "o-2"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].pointer").value("/orderId"));
	}

	@Test
	void shouldRefuseARefundThatNamesALineTwice() throws Exception {
		String body = Json.refund("ref-evt-3", null)
			.replace("[{\"lineId\": \"1\", \"quantity\": 1}]",
					"[{\"lineId\": \"1\", \"quantity\": 1}, {\"lineId\": \"1\", \"quantity\": 1}]");
		send(post("/api/v1/purchases/o-1/refunds"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].pointer").value("/lines/1/lineId"));
	}

	@Test
	void shouldRefuseAnInvoiceDueBeforeItWasIssued() throws Exception {
		send(post("/api/v1/invoices"), TestApiKeys.ALL_SCOPES,
				Json.invoice("inv-evt-2", "c-1").replace("2026-12-20", "2026-11-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].pointer").value("/dueDate"));
	}

	@Test
	void shouldAcceptAReviewOnTheEngagementsTopicKeyedByTheReviewer() throws Exception {
		send(post("/api/v1/reviews"), TestApiKeys.ALL_SCOPES, Json.review("rev-evt-1", "c-1"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.eventId").value("rev-evt-1"))
			.andExpect(jsonPath("$.type").value("ReviewPublished"))
			.andExpect(jsonPath("$.topic").value("engagements"));

		assertThat(this.sent).singleElement().satisfies((record) -> {
			assertThat(record.topic()).isEqualTo("engagements");
			assertThat(record.key()).isEqualTo("c-1");
			assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z").toEpochMilli());
			ReviewPublished review = (ReviewPublished) record.value();
			assertThat(review.getOrderId()).isEqualTo("o-1");
			assertThat(review.getSku()).isEqualTo("SKU-TEA");
			assertThat(review.getRating()).isEqualTo(4);
			assertThat(review.getStatus()).isEqualTo(ReviewStatus.PUBLISHED);
		});
	}

	@Test
	void shouldNameEveryOffendingFieldOfAReview() throws Exception {
		String body = """
				{"eventId": "rev-evt-2", "customerId": "c-1", "occurredAt": "2026-11-21T10:00:00Z",
				 "orderId": " ", "rating": 6, "status": "APPROVED"}
				""";
		send(post("/api/v1/reviews"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].pointer")
				.value(org.hamcrest.Matchers.containsInAnyOrder("/reviewId", "/orderId", "/sku", "/rating", "/status")))
			.andExpect(jsonPath("$.errors[?(@.pointer == '/status')].detail")
				.value(org.hamcrest.Matchers.contains(containsString("PUBLISHED, REJECTED"))));
		send(post("/api/v1/reviews"), TestApiKeys.ALL_SCOPES,
				Json.review("rev-evt-3", "c-1").replace("\"rating\": 4", "\"rating\": \"4\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].pointer").value("/rating"));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void shouldAcceptAReferralKeyedByTheNewCustomer() throws Exception {
		send(post("/api/v1/referrals"), TestApiKeys.ALL_SCOPES, Json.referral("ref-1", "c-new", "c-friend"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.type").value("ReferralRegistered"))
			.andExpect(jsonPath("$.topic").value("engagements"));

		assertThat(this.sent).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("c-new");
			assertThat(((ReferralRegistered) record.value()).getReferrerId()).isEqualTo("c-friend");
		});
	}

	@Test
	void shouldRefuseASelfReferralNamingTheReferrer() throws Exception {
		send(post("/api/v1/referrals"), TestApiKeys.ALL_SCOPES, Json.referral("ref-2", "c-1", "c-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].pointer").value("/referrerId"))
			.andExpect(jsonPath("$.errors[0].detail").value(containsString("refer themself")));
		send(post("/api/v1/referrals"), TestApiKeys.ALL_SCOPES, Json.referral("ref-3", "c-1", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].pointer").value("/referrerId"));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void shouldNeedThePurchasesScopeForReviewsAndReferrals() throws Exception {
		send(post("/api/v1/reviews"), TestApiKeys.INVOICES_ONLY, Json.review("rev-evt-4", "c-1"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.requiredScope").value("purchases:write"));
		send(post("/api/v1/referrals"), TestApiKeys.INVOICES_ONLY, Json.referral("ref-4", "c-2", "c-1"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.requiredScope").value("purchases:write"));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void shouldAnswerARetriedReviewWithoutPublishingItAgainAndRefuseOtherContentUnderItsId() throws Exception {
		send(post("/api/v1/reviews"), TestApiKeys.ALL_SCOPES, Json.review("rev-evt-5", "c-1"))
			.andExpect(jsonPath("$.seenRecently").value(false));
		send(post("/api/v1/reviews"), TestApiKeys.ALL_SCOPES, Json.review("rev-evt-5", "c-1"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.seenRecently").value(true));
		send(post("/api/v1/reviews"), TestApiKeys.ALL_SCOPES,
				Json.review("rev-evt-5", "c-1").replace("PUBLISHED", "REJECTED"))
			.andExpect(status().isConflict());
		assertThat(this.sent).hasSize(1);
	}

	@Test
	void shouldAnswerARetryWithTheSameEventIdWithoutPublishingAgain() throws Exception {
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, Json.purchase("evt-8", "c-1"))
			.andExpect(jsonPath("$.seenRecently").value(false));
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, Json.purchase("evt-8", "c-1"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.eventId").value("evt-8"))
			.andExpect(jsonPath("$.seenRecently").value(true));
		verify(this.template, times(1)).send(any(ProducerRecord.class));
	}

	@Test
	void shouldRefuseAReusedEventIdWithDifferentContent() throws Exception {
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, Json.purchase("evt-9", "c-1"))
			.andExpect(status().isAccepted());
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, Json.purchase("evt-9", "c-2"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.eventId").value("evt-9"));
	}

	@Test
	void shouldUseTheIdempotencyKeyAsEventIdAndRefuseAContradictingBodyId() throws Exception {
		String withoutId = Json.purchase("x", "c-1").replace("\"eventId\": \"x\",", "");
		send(post("/api/v1/purchases").header("Idempotency-Key", "key-1"), TestApiKeys.ALL_SCOPES, withoutId)
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.eventId").value("key-1"));
		send(post("/api/v1/purchases").header("Idempotency-Key", "key-1"), TestApiKeys.ALL_SCOPES, withoutId)
			.andExpect(jsonPath("$.seenRecently").value(true));
		send(post("/api/v1/purchases").header("Idempotency-Key", "key-2"), TestApiKeys.ALL_SCOPES,
				Json.purchase("evt-10", "c-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].pointer").value("/eventId"));
	}

	@Test
	void shouldAnswer503WithRetryAfterWhenKafkaDoesNotAcknowledge() throws Exception {
		given(this.template.send(any(ProducerRecord.class))).willReturn(CompletableFuture.failedFuture(
				new KafkaException("Send failed", new TimeoutException("Expiring 1 record(s): 5000 ms has passed"))));
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, Json.purchase("evt-11", "c-1"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.unavailable").value("Kafka"));
		// Not acknowledged, so not remembered: the retry is published, not answered as
		// seen.
		acknowledgeEverySend();
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, Json.purchase("evt-11", "c-1"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.seenRecently").value(false));
	}

	@Test
	void shouldReportEachBatchItemAndPublishOnlyTheValidOnes() throws Exception {
		String body = """
				{"events": [
				  %s,
				  {"type": "PurchaseCompleted", "customerId": "c-2"},
				  {"type": "Nonsense"},
				  %s,
				  %s
				]}
				""".formatted(Json.typed("PurchaseCompleted", Json.purchase("b-1", "c-1")),
				Json.typed("InvoiceIssued", Json.invoice("b-2", "c-3")),
				Json.typed("PurchaseRefunded", Json.refund("b-1", "o-1")));
		send(post("/api/v1/events:batch"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected").value(3))
			.andExpect(jsonPath("$.results[0].status").value(202))
			.andExpect(jsonPath("$.results[0].eventId").value("b-1"))
			.andExpect(jsonPath("$.results[1].status").value(400))
			.andExpect(jsonPath("$.results[1].problem.errors[*].pointer")
				.value(org.hamcrest.Matchers.hasItems("/events/1/occurredAt", "/events/1/orderId", "/events/1/lines")))
			.andExpect(jsonPath("$.results[2].problem.errors[0].pointer").value("/events/2/type"))
			.andExpect(jsonPath("$.results[3].status").value(202))
			.andExpect(jsonPath("$.results[3].topic").value("invoices"))
			.andExpect(jsonPath("$.results[4].status").value(400))
			.andExpect(jsonPath("$.results[4].problem.errors[0].detail").value(containsString("/events/0")));
		assertThat(this.sent).extracting(ProducerRecord::key).containsExactly("c-1", "c-3");
	}

	@Test
	void shouldCheckRefundsAgainstAPurchaseInTheSameBatch() throws Exception {
		String refundOfLine1 = Json.typed("PurchaseRefunded", Json.refund("x-2", "o-1"));
		String body = "{\"events\": [%s, %s, %s, %s, %s]}".formatted(
				Json.typed("PurchaseRefunded", Json.refund("x-0", "o-1")),
				Json.typed("PurchaseCompleted", Json.purchase("x-1", "c-1")), refundOfLine1,
				refundOfLine1.replace("x-2", "x-3").replace("\"quantity\": 1", "\"quantity\": 2"),
				refundOfLine1.replace("x-2", "x-4").replace("\"lineId\": \"1\"", "\"lineId\": \"7\""));
		send(post("/api/v1/events:batch"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].problem.errors[0].pointer").value("/events/0/orderId"))
			.andExpect(jsonPath("$.results[0].problem.errors[0].detail").value(containsString("/events/1")))
			.andExpect(jsonPath("$.results[1].status").value(202))
			.andExpect(jsonPath("$.results[2].status").value(202))
			.andExpect(jsonPath("$.results[3].problem.errors[0].pointer").value("/events/3/lines/0/quantity"))
			.andExpect(jsonPath("$.results[4].problem.errors[0].pointer").value("/events/4/lines/0/lineId"));
		assertThat(this.sent).extracting((record) -> record.value().getClass().getSimpleName())
			.containsExactly("PurchaseCompleted", "PurchaseRefunded");
	}

	@Test
	void shouldReportAForbiddenBatchItemWithoutRefusingTheOthers() throws Exception {
		String body = "{\"events\": [%s, %s]}".formatted(Json.typed("PurchaseCompleted", Json.purchase("b-3", "c-1")),
				Json.typed("InvoiceIssued", Json.invoice("b-4", "c-1")));
		send(post("/api/v1/events:batch"), TestApiKeys.INVOICES_ONLY, body).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value(403))
			.andExpect(jsonPath("$.results[0].problem.requiredScope").value("purchases:write"))
			.andExpect(jsonPath("$.results[1].status").value(202));
	}

	@Test
	void shouldRefuseABatchOverTheConfiguredMaximum() throws Exception {
		String item = Json.typed("InvoiceIssued", Json.invoice("b-5", "c-1"));
		String body = "{\"events\": [" + String.join(",", java.util.Collections.nCopies(6, item)) + "]}";
		send(post("/api/v1/events:batch"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].pointer").value("/events"))
			.andExpect(jsonPath("$.errors[0].detail").value(containsString("1 to 5")));
		verify(this.template, never()).send(any(ProducerRecord.class));
	}

	@Test
	void shouldRequireAnEventIdForBatchItemsWithoutAnIdempotencyKeySoThatAResendCannotDuplicate() throws Exception {
		String withoutId = Json.typed("PurchaseCompleted",
				Json.purchase("x", "c-2").replace("\"eventId\": \"x\",", ""));
		String body = "{\"events\": [%s, %s]}".formatted(Json.typed("PurchaseCompleted", Json.purchase("nk-0", "c-1")),
				withoutId);
		send(post("/api/v1/events:batch"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value(202))
			.andExpect(jsonPath("$.results[1].status").value(400))
			.andExpect(jsonPath("$.results[1].eventId").doesNotExist())
			.andExpect(jsonPath("$.results[1].problem.errors", hasSize(1)))
			.andExpect(jsonPath("$.results[1].problem.errors[0].pointer").value("/events/1/eventId"))
			.andExpect(jsonPath("$.results[1].problem.errors[0].detail").value(containsString("Idempotency-Key")));
		// The resend after a 503: nothing is published twice.
		send(post("/api/v1/events:batch"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].seenRecently").value(true))
			.andExpect(jsonPath("$.results[1].status").value(400));
		assertThat(this.sent).extracting(ProducerRecord::key).containsExactly("c-1");
	}

	@Test
	void shouldNameTheEventIdOfARejectedBatchItem() throws Exception {
		String purchase = Json.typed("PurchaseCompleted", Json.purchase("rj-1", "c-1"));
		String body = "{\"events\": [%s, %s, %s]}".formatted(purchase.replace("\"EUR\"", "\"EURO\""), purchase,
				purchase);
		send(post("/api/v1/events:batch"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value(400))
			.andExpect(jsonPath("$.results[0].eventId").value("rj-1"))
			.andExpect(jsonPath("$.results[1].status").value(202))
			.andExpect(jsonPath("$.results[2].status").value(400))
			.andExpect(jsonPath("$.results[2].eventId").value("rj-1"));
		send(post("/api/v1/events:batch"), TestApiKeys.INVOICES_ONLY,
				"{\"events\": [%s]}".formatted(
						Json.typed("PurchaseCompleted", Json.purchase("x", "c-1").replace("\"eventId\": \"x\",", ""))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value(400));
		var withKey = post("/api/v1/events:batch").header("Idempotency-Key", "imp-9");
		send(withKey, TestApiKeys.INVOICES_ONLY,
				"{\"events\": [%s]}".formatted(
						Json.typed("PurchaseCompleted", Json.purchase("x", "c-1").replace("\"eventId\": \"x\",", ""))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value(403))
			.andExpect(jsonPath("$.results[0].eventId").value("imp-9:0"));
	}

	@Test
	void shouldKeepTheOwnEventIdsOfBatchItemsSentWithAnIdempotencyKey() throws Exception {
		String withoutId = Json.typed("InvoiceIssued", Json.invoice("x", "c-3").replace("\"eventId\": \"x\",", ""));
		String body = "{\"events\": [%s, %s]}".formatted(Json.typed("PurchaseCompleted", Json.purchase("own-0", "c-1")),
				withoutId);
		send(post("/api/v1/events:batch").header("Idempotency-Key", "imp-7"), TestApiKeys.ALL_SCOPES, body)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.results[0].status").value(202))
			.andExpect(jsonPath("$.results[0].eventId").value("own-0"))
			.andExpect(jsonPath("$.results[1].status").value(202))
			.andExpect(jsonPath("$.results[1].eventId").value("imp-7:1"));
		assertThat(this.sent).extracting(ProducerRecord::key).containsExactly("c-1", "c-3");
	}

	@Test
	void shouldRefuseATimestampThatIsNotAnRfc3339StringInsteadOfReadingItAsEpochTime() throws Exception {
		for (String occurredAt : List.of("1763633730", "-10000000000000000", "\"1763633730\"", "1763633730.5",
				"\"2026-11-20T10:15:30\"", "\"2026-11-20\"", "\"2026-02-30T10:15:30Z\"")) {
			send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES,
					Json.purchase("epoch-1", "c-1")
						.replace("\"occurredAt\": \"2026-11-20T10:15:30Z\"", "\"occurredAt\": " + occurredAt))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].pointer").value("/occurredAt"))
				.andExpect(jsonPath("$.errors[0].detail").value(containsString("RFC 3339")));
		}
		assertThat(this.sent).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void shouldRefuseAnEmptyOrBlankIdempotencyKeyInsteadOfTakingIt(String key) throws Exception {
		String withoutId = Json.purchase("unused", "c-1").replace("\"eventId\": \"unused\", ", "");
		send(post("/api/v1/purchases").header("Idempotency-Key", key), TestApiKeys.ALL_SCOPES, withoutId)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key")));
		send(post("/api/v1/events:batch").header("Idempotency-Key", key), TestApiKeys.ALL_SCOPES, "{\"events\": []}")
			.andExpect(status().isBadRequest());
		assertThat(this.sent).isEmpty();
	}

	@Test
	void shouldRefuseADateTimeOrANumberWhereADateBelongs() throws Exception {
		for (String issueDate : List.of("\"2026-11-20T10:15:30Z\"", "20261120", "\"20261120\"", "\"2026-11-31\"")) {
			send(post("/api/v1/invoices"), TestApiKeys.ALL_SCOPES,
					Json.invoice("date-1", "c-1")
						.replace("\"issueDate\": \"2026-11-20\"", "\"issueDate\": " + issueDate))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].pointer").value("/issueDate"))
				.andExpect(jsonPath("$.errors[0].detail").value("must be a date such as 2026-11-20"));
		}
		assertThat(this.sent).isEmpty();
	}

	@Test
	void shouldRefuseAnOccurredAtBeforeTheAllowedAgeOrTheEpochWith400() throws Exception {
		for (String occurredAt : List.of("\"1969-12-31T23:59:59Z\"", "\"2016-11-24T11:59:59Z\"")) {
			send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES,
					Json.purchase("old-1", "c-1")
						.replace("\"occurredAt\": \"2026-11-20T10:15:30Z\"", "\"occurredAt\": " + occurredAt))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("https://loyaltypulse.io/problems/invalid"))
				.andExpect(jsonPath("$.errors", hasSize(1)))
				.andExpect(jsonPath("$.errors[0].pointer").value("/occurredAt"))
				.andExpect(jsonPath("$.errors[0].detail")
					.value(containsString("must not be earlier than 2016-11-24T12:00:00Z")));
		}
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES,
				Json.purchase("old-2", "c-1")
					.replace("\"occurredAt\": \"2026-11-20T10:15:30Z\"", "\"occurredAt\": \"2016-11-24T12:00:00Z\""))
			.andExpect(status().isAccepted());
		assertThat(this.sent).singleElement()
			.satisfies((record) -> assertThat(record.timestamp())
				.isEqualTo(Instant.parse("2016-11-24T12:00:00Z").toEpochMilli()));
	}

	@Test
	void shouldRefuseAnAbsurdOccurredAtInABatchItemWithoutFailingTheBatch() throws Exception {
		String body = "{\"events\": [%s, %s]}".formatted(Json.typed("PurchaseCompleted", Json.purchase("abs-0", "c-1")),
				Json.typed("PurchaseCompleted", Json.purchase("abs-1", "c-2"))
					.replace("\"occurredAt\": \"2026-11-20T10:15:30Z\"", "\"occurredAt\": -10000000000000000"));
		send(post("/api/v1/events:batch"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value(202))
			.andExpect(jsonPath("$.results[1].status").value(400))
			.andExpect(jsonPath("$.results[1].problem.errors[0].pointer").value("/events/1/occurredAt"));
		assertThat(this.sent).extracting(ProducerRecord::key).containsExactly("c-1");
	}

	@Test
	void shouldAnswerAnUnexpectedFailureOfOneBatchItemWithA500ForThatItemOnly() throws Exception {
		doThrow(new IllegalStateException("boom")).when(this.recent).check(eq("boom-1"), anyLong());
		String body = "{\"events\": [%s, %s, %s]}".formatted(
				Json.typed("PurchaseCompleted", Json.purchase("ok-1", "c-1")),
				Json.typed("PurchaseCompleted", Json.purchase("boom-1", "c-2")),
				Json.typed("InvoiceIssued", Json.invoice("ok-2", "c-3")));
		send(post("/api/v1/events:batch"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.results[0].status").value(202))
			.andExpect(jsonPath("$.results[1].status").value(500))
			.andExpect(jsonPath("$.results[1].eventId").value("boom-1"))
			.andExpect(jsonPath("$.results[1].problem.type").value("https://loyaltypulse.io/problems/publish-failed"))
			.andExpect(jsonPath("$.results[2].status").value(202));
		assertThat(this.sent).extracting(ProducerRecord::key).containsExactly("c-1", "c-3");
	}

	@Test
	void shouldRefuseScalarsOfTheWrongJsonTypeInsteadOfCoercingThem() throws Exception {
		String body = Json.purchase("coerce-1", "c-1")
			.replace("\"customerId\": \"c-1\"", "\"customerId\": 123")
			.replace("\"quantity\": 2", "\"quantity\": \"2\"")
			.replace("\"channel\": \"WEB\"", "\"channel\": true")
			.replace("\"storeId\": \"S1\"", "\"storeId\": 1.5");
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES, body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://loyaltypulse.io/problems/invalid"))
			.andExpect(jsonPath("$.errors[*].pointer").value(org.hamcrest.Matchers.containsInAnyOrder("/customerId",
					"/lines/0/quantity", "/channel", "/storeId")))
			.andExpect(jsonPath("$.errors[?(@.pointer == '/customerId')].detail")
				.value(org.hamcrest.Matchers.contains("must be a string")))
			.andExpect(jsonPath("$.errors[?(@.pointer == '/lines/0/quantity')].detail")
				.value(org.hamcrest.Matchers.contains("must be a whole number")));
		assertThat(this.sent).isEmpty();
	}

	@Test
	void shouldStillAcceptMoneyAsAJsonNumberOrString() throws Exception {
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES,
				Json.purchase("money-1", "c-1").replace("\"total\": 9.00", "\"total\": \"9.00\""))
			.andExpect(status().isAccepted());
		send(post("/api/v1/purchases"), TestApiKeys.ALL_SCOPES,
				Json.purchase("money-2", "c-1").replace("\"total\": 9.00", "\"total\": 9"))
			.andExpect(status().isAccepted());
		assertThat(this.sent).extracting((record) -> ((PurchaseCompleted) record.value()).getTotal())
			.containsExactly(new BigDecimal("9.0000"), new BigDecimal("9.0000"));
	}

	private double count(String type, String outcome, String reason) {
		var counter = this.meters.find("loyalty.ingest.events")
			.tags("type", type, "outcome", outcome, "reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static CompletableFuture<SendResult<String, SpecificRecord>> acknowledged(String topic) {
		RecordMetadata metadata = new RecordMetadata(new TopicPartition(topic, 0), 0, 0, 0, 0, 0);
		return CompletableFuture.completedFuture(new SendResult<>(null, metadata));
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String apiKey, String body) throws Exception {
		return this.mvc
			.perform(request.header("X-Api-Key", apiKey).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ IngestProperties.class, IdempotencyProperties.class, ApiKeyProperties.class })
	static class Stubs {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

		@Bean
		IngestedEvents ingestedEvents() {
			return EventType.ingested();
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		@SuppressWarnings("unchecked")
		KafkaTemplate<String, SpecificRecord> kafkaTemplate() {
			return mock(KafkaTemplate.class);
		}

		@Bean
		EventPublisher eventPublisher(KafkaTemplate<String, SpecificRecord> template, MeterRegistry meters) {
			return new EventPublisher(template, new TopicCatalogue(Map.of("schema.registry.url", "mock://ingest-api")),
					new PublishingProperties(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(5)),
					meters);
		}

	}

}
