package io.omdprt.pcap;

/** Link-layer frames and IPv4/UDP packets built field by field, as the RFCs and tcpdump.org lay them out. */
public final class Frames {
    public static final int IPV4 = 0x0800;
    public static final int ARP = 0x0806;
    public static final int IPV6 = 0x86DD;
    public static final int VLAN = 0x8100;
    public static final int QINQ = 0x88A8;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMP = 1;
    public static final int MORE_FRAGMENTS = 0x2000;
    public static final int DONT_FRAGMENT = 0x4000;

    private Frames() {
    }

    public static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
        return ByteWriter.network().u16(sourcePort).u16(destinationPort).u16(8 + payload.length).u16(0).bytes(payload).toByteArray();
    }

    /** A 20-byte IPv4 header (checksum left 0: the reader does not check it) and its body. */
    public static byte[] ipv4(int protocol, int flagsAndOffset, int source, int destination, byte[] body) {
        return ByteWriter.network().u8(0x45).u8(0).u16(20 + body.length).u16(1).u16(flagsAndOffset)
                .u8(64).u8(protocol).u16(0).u32(source).u32(destination).bytes(body).toByteArray();
    }

    public static byte[] ipv4Udp(int source, int destination, int sourcePort, int destinationPort, byte[] payload) {
        return ipv4(UDP, 0, source, destination, udp(sourcePort, destinationPort, payload));
    }

    /** Ethernet II, IPv4 unless {@code types} say otherwise: each but the last is a tag's TPID, followed by a TCI. */
    public static byte[] ethernet(byte[] body, int... types) {
        if (types.length == 0) {
            types = new int[] {IPV4};
        }
        ByteWriter w = ByteWriter.network().u32(0x01005E01).u16(0x0203).u32(0x02000000).u16(0x0001);
        for (int i = 0; i < types.length; i++) {
            w.u16(types[i]);
            if (i < types.length - 1) {
                w.u16(100 + i);
            }
        }
        return w.bytes(body).toByteArray();
    }

    /** Linux cooked v1: packet type, ARPHRD_ETHER, address length, 8 address bytes, protocol. */
    public static byte[] sll(int protocol, byte[] body) {
        return ByteWriter.network().u16(4).u16(1).u16(6).u32(0x02000000).u32(0x00010000).u16(protocol).bytes(body).toByteArray();
    }

    /** Linux cooked v2: protocol, reserved, interface index, ARPHRD_ETHER, packet type, address length, 8 address bytes. */
    public static byte[] sll2(int protocol, byte[] body) {
        return ByteWriter.network().u16(protocol).u16(0).u32(2).u16(1).u8(4).u8(6).u32(0x02000000).u32(0x00010000)
                .bytes(body).toByteArray();
    }

    public static int address(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }

    public static byte[] payload(int length, int seed) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) {
            p[i] = (byte) (seed * 31 + i * 7);
        }
        return p;
    }
}
