package io.omdprt.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

/** An IPv4 address as /proc/net/igmp and /proc/net/route print it: the address in network order, read as a host-order word, in hex. */
final class ProcWord {
    private ProcWord() {
    }

    static String of(InetAddress address) {
        byte[] b = address.getAddress();
        return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? String.format("%02X%02X%02X%02X", b[3], b[2], b[1], b[0])
                : String.format("%02X%02X%02X%02X", b[0], b[1], b[2], b[3]);
    }

    static String of(String address) throws UnknownHostException {
        return of(InetAddress.getByName(address));
    }
}
