package io.loyaltypulse.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The configured keys, looked up by the SHA-256 of what the caller presents. Comparing
 * hashes, not keys, means the lookup's timing reveals nothing usable about a key.
 */
final class ApiKeys {

	private final Map<String, ApiKeyAuthentication> byHash;

	ApiKeys(List<ApiKeyProperties.ApiKey> keys) {
		this.byHash = keys.stream()
			.collect(Collectors
				.toUnmodifiableMap(ApiKeyProperties.ApiKey::sha256, (key) -> new ApiKeyAuthentication(key.name(),
						key.scopes().stream().map((scope) -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList()),
						(a, b) -> a));
	}

	Optional<ApiKeyAuthentication> authenticate(String presentedKey) {
		return Optional.ofNullable(this.byHash.get(sha256Hex(presentedKey)));
	}

	boolean isEmpty() {
		return this.byHash.isEmpty();
	}

	static String sha256Hex(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
