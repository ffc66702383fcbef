package io.loyaltypulse.churn.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Endpoints on private networks are refused unless an allowed CIDR block holds them. */
class EndpointGuardTest {

	/** A fixed table of names, no DNS. */
	static final Map<String, List<String>> HOSTS = Map.of("crm.example.com", List.of("93.184.216.34"),
			"rebind.example.com", List.of("93.184.216.34", "10.1.2.3"), "metadata.example.com",
			List.of("169.254.169.254"), "v6.example.com", List.of("2606:2800:220:1::1"), "ula.example.com",
			List.of("fd12:3456::1"));

	static InetAddress[] resolve(String host) throws UnknownHostException {
		List<String> addresses = HOSTS.get(host);
		if (addresses == null) {
			if (host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
				return new InetAddress[] { InetAddress.getByName(host) };
			}
			throw new UnknownHostException(host);
		}
		InetAddress[] resolved = new InetAddress[addresses.size()];
		for (int i = 0; i < resolved.length; i++) {
			resolved[i] = InetAddress.getByName(addresses.get(i));
		}
		return resolved;
	}

	final EndpointGuard guard = new EndpointGuard(List.of(), EndpointGuardTest::resolve);

	@Test
	void shouldAllowPublicHttpAndHttpsEndpoints() {
		assertThat(this.guard.refusal("https://crm.example.com/hooks/churn")).isEmpty();
		assertThat(this.guard.refusal("http://crm.example.com:8080/x")).isEmpty();
		assertThat(this.guard.refusal("https://v6.example.com/")).isEmpty();
	}

	@Test
	void shouldRefusePrivateLoopbackAndLinkLocalAddressesCheckingEveryAddress() {
		assertThat(this.guard.refusal("http://127.0.0.1:9000/")).get().asString().contains("private");
		assertThat(this.guard.refusal("http://10.0.0.5/")).isPresent();
		assertThat(this.guard.refusal("http://192.168.1.1/")).isPresent();
		assertThat(this.guard.refusal("http://172.20.0.1/")).isPresent();
		assertThat(this.guard.refusal("http://metadata.example.com/latest")).isPresent();
		assertThat(this.guard.refusal("http://rebind.example.com/")).isPresent();
		assertThat(this.guard.refusal("http://[::1]:8080/")).isPresent();
		assertThat(this.guard.refusal("http://ula.example.com/")).isPresent();
		assertThat(this.guard.refusal("http://0.0.0.0/")).isPresent();
		assertThat(this.guard.refusal("http://[::ffff:127.0.0.1]/")).isPresent();
	}

	@Test
	void shouldRefuseOtherSchemesCredentialsAndUnknownHosts() {
		assertThat(this.guard.refusal("ftp://crm.example.com/")).get().asString().contains("http or https");
		assertThat(this.guard.refusal("file:///etc/passwd")).isPresent();
		assertThat(this.guard.refusal("crm.example.com/hooks")).isPresent();
		assertThat(this.guard.refusal("https://user:pw@crm.example.com/")).get().asString().contains("credentials");
		assertThat(this.guard.refusal("https://nowhere.example.com/")).get().asString().contains("does not resolve");
		assertThat(this.guard.refusal("http://exa mple.com/")).isPresent();
	}

	@Test
	void shouldAllowPrivateAddressesInsideTheAllowedBlocksOnly() {
		EndpointGuard local = new EndpointGuard(List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("10.1.0.0/16")),
				EndpointGuardTest::resolve);

		assertThat(local.refusal("http://127.0.0.1:9000/hook")).isEmpty();
		assertThat(local.refusal("http://127.0.0.2:9000/hook")).isPresent();
		assertThat(local.refusal("http://rebind.example.com/")).isEmpty();
		assertThat(local.refusal("http://10.2.0.1/")).isPresent();
	}

	@Test
	void shouldParseCidrBlocks() throws Exception {
		assertThat(Cidr.parse("10.0.0.0/8").contains(InetAddress.getByName("10.255.1.2"))).isTrue();
		assertThat(Cidr.parse("10.0.0.0/8").contains(InetAddress.getByName("11.0.0.1"))).isFalse();
		assertThat(Cidr.parse("172.16.0.0/12").contains(InetAddress.getByName("172.31.255.255"))).isTrue();
		assertThat(Cidr.parse("172.16.0.0/12").contains(InetAddress.getByName("172.32.0.0"))).isFalse();
		assertThat(Cidr.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.1"))).isTrue();
		assertThat(Cidr.parse("fc00::/7").contains(InetAddress.getByName("fdff::1"))).isTrue();
		assertThat(Cidr.parse("fc00::/7").contains(InetAddress.getByName("10.0.0.1"))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/33"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("example.com/8"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/x"));
	}

}
