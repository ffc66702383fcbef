package io.loyaltypulse.churn.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address is in a CIDR block when its first prefix-length bits equal the block's. */
public record Cidr(byte[] network, int prefixLength) {

	/**
	 * Parses {@code 127.0.0.1/32} or {@code fd00::/8}; a bare address is a /32 or /128.
	 */
	public static Cidr parse(String text) {
		String[] parts = text.strip().split("/", -1);
		if (parts.length > 2 || !parts[0].matches("[0-9a-fA-F.:]+")) {
			throw new IllegalArgumentException("not a CIDR block: " + text);
		}
		try {
			byte[] address = InetAddress.getByName(parts[0]).getAddress();
			int prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : address.length * 8;
			if (prefix < 0 || prefix > address.length * 8) {
				throw new IllegalArgumentException("prefix length out of range: " + text);
			}
			return new Cidr(address, prefix);
		}
		catch (UnknownHostException | NumberFormatException ex) {
			throw new IllegalArgumentException("not a CIDR block: " + text, ex);
		}
	}

	/** Whether the address lies in this block (never across IPv4 and IPv6). */
	public boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != this.network.length) {
			return false;
		}
		int full = this.prefixLength / 8;
		for (int i = 0; i < full; i++) {
			if (bytes[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.prefixLength % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (bytes[full] & mask) == (this.network[full] & mask);
	}

}
