package io.omdprt.pcap;

import java.net.Inet4Address;
import java.net.InetAddress;

/** IPv4 addresses as the int the reader and writer use: the four bytes in network order, a.b.c.d = a << 24 | ... */
public final class Ipv4 {
    private Ipv4() {
    }

    public static int toInt(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        byte[] b = address.getAddress();
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
    }

    public static String format(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF);
    }

    /** 224.0.0.0/4. */
    public static boolean isMulticast(int address) {
        return address >>> 28 == 0xE;
    }
}
