package io.loyaltypulse.churn.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An endpoint is allowed when it is http(s) with a host and every address the host
 * resolves to is public or inside an allowed CIDR block (SSRF).
 */
public final class EndpointGuard {

	/** Resolves a host name to all its addresses. */
	@FunctionalInterface
	public interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/** Beside what InetAddress knows (IPv4-mapped IPv6 addresses are read as IPv4). */
	private static final List<Cidr> NON_PUBLIC = List.of(Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"),
			Cidr.parse("100.64.0.0/10"), Cidr.parse("127.0.0.0/8"), Cidr.parse("169.254.0.0/16"),
			Cidr.parse("172.16.0.0/12"), Cidr.parse("192.0.0.0/24"), Cidr.parse("192.168.0.0/16"),
			Cidr.parse("198.18.0.0/15"), Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"), Cidr.parse("::/128"),
			Cidr.parse("::1/128"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"), Cidr.parse("ff00::/8"),
			Cidr.parse("64:ff9b::/96"));

	private final List<Cidr> allowed;

	private final Resolver resolver;

	public EndpointGuard(List<Cidr> allowed, Resolver resolver) {
		this.allowed = List.copyOf(allowed);
		this.resolver = resolver;
	}

	/** Why the URL may not receive webhooks, or empty when it may. */
	public Optional<String> refusal(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.of("must be an absolute http or https URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Optional.of("must be an http or https URL");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			return Optional.of("must name a host");
		}
		if (uri.getUserInfo() != null) {
			return Optional.of("must not carry credentials");
		}
		String host = uri.getHost();
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			return Optional.of("its host does not resolve");
		}
		if (addresses.length == 0) {
			return Optional.of("its host does not resolve");
		}
		for (InetAddress address : addresses) {
			if (isNonPublic(address) && this.allowed.stream().noneMatch((cidr) -> cidr.contains(address))) {
				return Optional.of("resolves to a private, loopback or link-local address, which "
						+ "loyalty.webhooks.allowed-private-networks does not allow");
			}
		}
		return Optional.empty();
	}

	static boolean isNonPublic(InetAddress address) {
		return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()
				|| NON_PUBLIC.stream().anyMatch((cidr) -> cidr.contains(address));
	}

}
