package io.loyaltypulse.purchase.ingest;

import io.loyaltypulse.support.ingest.BatchController;
import io.loyaltypulse.support.ingest.BatchIngest;
import io.loyaltypulse.support.ingest.EventIngest;
import io.loyaltypulse.support.ingest.IngestMetrics;
import io.loyaltypulse.support.ingest.IngestService;
import io.loyaltypulse.support.json.StrictJsonReader;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.loyaltypulse.testsupport.TestApiKeys;
import io.loyaltypulse.support.idempotency.RecentEventIds;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code loyalty.security.jwt.enabled=true}, OAuth2 access tokens are validated by
 * Spring Security's resource server (here against a local RSA key) and their scopes apply
 * as an API key's do; API keys keep working.
 */
@WebMvcTest(controllers = EventsController.class)
@Import({ IngestApiTest.Stubs.class, JwtAuthenticationTest.Keys.class, IngestEndpoints.class, IngestService.class,
		IngestMetrics.class, EventIngest.class, BatchIngest.class, BatchController.class, RecentEventIds.class })
@TestPropertySource(properties = { "loyalty.security.jwt.enabled=true", "loyalty.security.api-keys[0].name=shop-a",
		"loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
		"loyalty.security.api-keys[0].scopes=purchases:write,invoices:write" })
@SuppressWarnings("unchecked")
class JwtAuthenticationTest {

	static final KeyPair TRUSTED = rsa();

	static final KeyPair UNTRUSTED = rsa();

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTemplate<String, SpecificRecord> template;

	@BeforeEach
	void acknowledgeEverySend() {
		given(this.template.send(any(ProducerRecord.class))).willAnswer((invocation) -> {
			ProducerRecord<String, SpecificRecord> record = invocation.getArgument(0);
			return CompletableFuture.completedFuture(
					new SendResult<>(record, new RecordMetadata(new TopicPartition(record.topic(), 0), 0, 0, 0, 0, 0)));
		});
	}

	@Test
	void shouldAcceptAJwtWithTheScope() throws Exception {
		this.mvc
			.perform(post("/api/v1/purchases").header("Authorization", "Bearer " + token(TRUSTED, "purchases:write"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(Json.purchase("jwt-1", "c-1")))
			.andExpect(status().isAccepted());
	}

	@Test
	void shouldAnswer403ForAJwtWithoutTheScope() throws Exception {
		this.mvc
			.perform(post("/api/v1/purchases").header("Authorization", "Bearer " + token(TRUSTED, "invoices:write"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(Json.purchase("jwt-2", "c-1")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.requiredScope").value("purchases:write"));
	}

	@Test
	void shouldAnswer401ForAJwtSignedByAnotherKey() throws Exception {
		this.mvc
			.perform(post("/api/v1/purchases").header("Authorization", "Bearer " + token(UNTRUSTED, "purchases:write"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(Json.purchase("jwt-3", "c-1")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")));
	}

	@Test
	void shouldStillAcceptAnApiKeyAsBearerToken() throws Exception {
		this.mvc
			.perform(post("/api/v1/purchases").header("Authorization", "Bearer " + TestApiKeys.ALL_SCOPES)
				.contentType(MediaType.APPLICATION_JSON)
				.content(Json.purchase("jwt-4", "c-1")))
			.andExpect(status().isAccepted());
	}

	private static String token(KeyPair key, String scope) {
		RSAKey jwk = new RSAKey.Builder((RSAPublicKey) key.getPublic()).privateKey((RSAPrivateKey) key.getPrivate())
			.build();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject("shop-b")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(300))
			.claim("scope", scope)
			.build();
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk))).encode(JwtEncoderParameters.from(claims))
			.getTokenValue();
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Keys {

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) TRUSTED.getPublic()).build();
		}

	}

}
