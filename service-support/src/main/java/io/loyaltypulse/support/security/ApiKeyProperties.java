package io.loyaltypulse.support.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loyalty.security.*}: the platforms' API keys, stored as SHA-256 hashes so that a
 * leaked configuration does not leak a key, and the opt-in JWT resource server.
 *
 * <pre>
 * loyalty.security.api-keys[0].name=shop-a
 * loyalty.security.api-keys[0].sha256=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)
 * loyalty.security.api-keys[0].scopes=purchases:write,invoices:write
 * </pre>
 */
@ConfigurationProperties("loyalty.security")
public record ApiKeyProperties(@DefaultValue List<ApiKey> apiKeys, @DefaultValue Jwt jwt) {

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

	public ApiKeyProperties {
		Set<String> names = new HashSet<>();
		Set<String> hashes = new HashSet<>();
		for (int i = 0; i < apiKeys.size(); i++) {
			ApiKey key = apiKeys.get(i);
			String where = "loyalty.security.api-keys[" + i + "]";
			if (key.name() == null || key.name().isBlank()) {
				throw new IllegalArgumentException(
						where + ".name is required: it names the caller in logs and metrics");
			}
			if (key.sha256() == null || !SHA256_HEX.matcher(key.sha256()).matches()) {
				throw new IllegalArgumentException(where + ".sha256 must be the key's SHA-256 as 64 lower-case hex "
						+ "digits (printf %s \"$KEY\" | sha256sum), not the key itself");
			}
			if (!names.add(key.name())) {
				throw new IllegalArgumentException(where + ".name '" + key.name() + "' is used twice");
			}
			if (!hashes.add(key.sha256())) {
				throw new IllegalArgumentException(where + " has the same key as another entry");
			}
		}
	}

	/**
	 * One platform's key.
	 *
	 * @param name who calls with it (the principal name in logs)
	 * @param sha256 SHA-256 of the key, lower-case hex
	 * @param scopes what it may send, e.g. {@code purchases:write},
	 * {@code invoices:write}
	 */
	public record ApiKey(String name, String sha256, @DefaultValue List<String> scopes) {
	}

	/**
	 * @param enabled accept OAuth2 JWT bearer tokens too, validated by Spring Security's
	 * resource server ({@code spring.security.oauth2.resourceserver.jwt.*}); scopes come
	 * from the token's {@code scope} or {@code scp} claim
	 */
	public record Jwt(@DefaultValue("false") boolean enabled) {
	}

}
