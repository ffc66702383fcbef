package io.loyaltypulse.support.security;

import java.util.List;

import io.loyaltypulse.support.security.ApiKeyProperties.ApiKey;
import io.loyaltypulse.testsupport.TestApiKeys;
import io.loyaltypulse.support.security.ApiKeyProperties.Jwt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiKeyPropertiesTest {

	@Test
	void shouldRefuseAKeyConfiguredInPlainText() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new ApiKeyProperties(List.of(new ApiKey("shop-a", "local-dev-key", List.of())), new Jwt(false)))
			.withMessageContaining("api-keys[0].sha256")
			.withMessageContaining("not the key itself");
	}

	@Test
	void shouldRefuseTwoKeysWithOneName() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new ApiKeyProperties(List.of(new ApiKey("shop-a", TestApiKeys.ALL_SCOPES_SHA256, List.of()),
							new ApiKey("shop-a", TestApiKeys.INVOICES_ONLY_SHA256, List.of())), new Jwt(false)))
			.withMessageContaining("used twice");
	}

	@Test
	void shouldAuthenticateByTheHashOfThePresentedKey() {
		ApiKeys keys = new ApiKeys(
				List.of(new ApiKey("shop-a", TestApiKeys.ALL_SCOPES_SHA256, List.of("purchases:write"))));

		assertThat(keys.authenticate(TestApiKeys.ALL_SCOPES)).hasValueSatisfying((authentication) -> {
			assertThat(authentication.getName()).isEqualTo("shop-a");
			assertThat(authentication.getAuthorities()).extracting("authority")
				.containsExactly("SCOPE_purchases:write");
		});
		assertThat(keys.authenticate(TestApiKeys.ALL_SCOPES_SHA256)).isEmpty();
	}

}
