package io.omdprt.analyze;

import io.omdprt.pcap.Ipv4;

/** A UDP destination (IPv4 address and port) packed into one long, for primitive-keyed maps. */
final class Destinations {
    private Destinations() {
    }

    static long key(int address, int port) {
        return (address & 0xFFFF_FFFFL) << 16 | port;
    }

    /** "239.1.2.3:51000". */
    static String format(long key) {
        return Ipv4.format((int) (key >>> 16)) + ":" + (key & 0xFFFF);
    }
}
