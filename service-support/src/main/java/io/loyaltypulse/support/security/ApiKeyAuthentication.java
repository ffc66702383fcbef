package io.loyaltypulse.support.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A caller authenticated by API key: the key's name and its scopes, never the key. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final String name;

	ApiKeyAuthentication(String name, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.name = name;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.name;
	}

	@Override
	public String getName() {
		return this.name;
	}

}
