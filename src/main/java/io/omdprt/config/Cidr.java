package io.omdprt.config;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * An IPv4 network such as {@code 10.1.2.0/24}; a bare address is its own /32. IPv4 only, like {@code http.bind}: a
 * server bound to an IPv4 address only ever sees IPv4 clients.
 */
public record Cidr(int network, int prefix) {
    public static final String EXAMPLE = "a CIDR such as 10.1.2.0/24 or 127.0.0.1/32";

    public Cidr {
        if (prefix < 0 || prefix > 32 || (network & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("not a network: " + network + "/" + prefix);
        }
    }

    /** @return the network, or null when {@code text} is not an IPv4 CIDR with its host bits zero */
    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length > 2 || (parts.length == 2 && !parts[1].matches("\\d{1,2}"))) {
            return null;
        }
        InetAddress address = ConfigLoader.parseIpv4Literal(parts[0]);
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
        if (address == null || prefix > 32) {
            return null;
        }
        int bits = bits(address);
        return (bits & ~mask(prefix)) == 0 ? new Cidr(bits, prefix) : null;
    }

    public boolean contains(InetAddress address) {
        return address instanceof Inet4Address && (bits(address) & mask(prefix)) == network;
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    private static int bits(InetAddress address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    @Override
    public String toString() {
        return (network >>> 24) + "." + (network >>> 16 & 0xff) + "." + (network >>> 8 & 0xff) + "." + (network & 0xff) + "/" + prefix;
    }
}
