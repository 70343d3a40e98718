package io.omdprt.pcap;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.DirectBuffer;

/** Link layer, IPv4 and UDP headers of one captured frame, every length checked before it is used. */
final class FrameDecoder {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    /** Pre-standard QinQ, still seen on some switches. */
    private static final int ETHERTYPE_QINQ_OLD = 0x9100;
    private static final int VLAN_TAG_LENGTH = 4;
    private static final int IPV4_MIN_HEADER = 20;
    private static final int UDP_HEADER = 8;
    private static final int PROTOCOL_UDP = 17;
    /** MF flag and fragment offset; DF does not matter. */
    private static final int FRAGMENT_BITS = 0x3FFF;

    private FrameDecoder() {
    }

    /**
     * @param frame   offset of the frame's first byte in the buffer
     * @param capLen  bytes captured
     * @param wireLen bytes the frame had on the wire, at least capLen
     * @return {@link SkipReason#NONE} with {@code out} filled (but for its timestamp), otherwise why not
     */
    static SkipReason decode(DirectBuffer b, int frame, int capLen, int wireLen, int linkType, UdpDatagram out) {
        int typeAt;
        int ip;
        switch (linkType) {
            case LinkType.ETHERNET -> {
                typeAt = 12;
                ip = 14;
            }
            case LinkType.LINUX_SLL -> {
                typeAt = 14;
                ip = 16;
            }
            case LinkType.LINUX_SLL2 -> {
                typeAt = 0;
                ip = 20;
            }
            case LinkType.RAW, LinkType.IPV4 -> {
                typeAt = -1;
                ip = 0;
            }
            default -> {
                return SkipReason.UNSUPPORTED_LINK_TYPE;
            }
        }
        if (typeAt >= 0) {
            if (ip > capLen) {
                return missing(ip, wireLen, SkipReason.MALFORMED_LINK_HEADER);
            }
            int type = u16(b, frame + typeAt);
            while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) {
                if (ip + VLAN_TAG_LENGTH > capLen) {
                    return missing(ip + VLAN_TAG_LENGTH, wireLen, SkipReason.MALFORMED_LINK_HEADER);
                }
                type = u16(b, frame + ip + 2);
                ip += VLAN_TAG_LENGTH;
            }
            if (type != ETHERTYPE_IPV4) {
                return SkipReason.NOT_IPV4;
            }
        }
        if (ip + IPV4_MIN_HEADER > capLen) {
            return missing(ip + IPV4_MIN_HEADER, wireLen, SkipReason.MALFORMED_IPV4_HEADER);
        }
        int at = frame + ip;
        int versionAndIhl = b.getByte(at) & 0xFF;
        if (versionAndIhl >>> 4 != 4) {
            // Raw IP carries IPv6 too; behind an IPv4 ethertype another version is a broken header.
            return typeAt < 0 ? SkipReason.NOT_IPV4 : SkipReason.MALFORMED_IPV4_HEADER;
        }
        int ihl = (versionAndIhl & 0xF) * 4;
        int totalLength = u16(b, at + 2);
        if (ihl < IPV4_MIN_HEADER || totalLength < ihl || ip + totalLength > wireLen) {
            return SkipReason.MALFORMED_IPV4_HEADER;
        }
        if (b.getByte(at + 9) != PROTOCOL_UDP) {
            return SkipReason.NOT_UDP;
        }
        if ((u16(b, at + 6) & FRAGMENT_BITS) != 0) {
            return SkipReason.IP_FRAGMENT;
        }
        int udpRoom = totalLength - ihl;
        if (udpRoom < UDP_HEADER) {
            return SkipReason.MALFORMED_UDP_HEADER;
        }
        int udp = ip + ihl;
        // From here on the IP packet lies within wireLen, so whatever is beyond capLen was cut by the snaplen.
        if (udp + UDP_HEADER > capLen) {
            return SkipReason.SNAPLEN_CUT;
        }
        int udpLength = u16(b, frame + udp + 4);
        if (udpLength < UDP_HEADER || udpLength > udpRoom) {
            return SkipReason.MALFORMED_UDP_HEADER;
        }
        if (udp + udpLength > capLen) {
            return SkipReason.SNAPLEN_CUT;
        }
        out.set(b, b.getInt(at + 12, BIG_ENDIAN), b.getInt(at + 16, BIG_ENDIAN),
                u16(b, frame + udp), u16(b, frame + udp + 2), frame + udp + UDP_HEADER, udpLength - UDP_HEADER);
        return SkipReason.NONE;
    }

    /** A header needs more bytes than were captured: short on the wire already, or cut by the snaplen. */
    private static SkipReason missing(int needed, int wireLen, SkipReason shortOnTheWire) {
        return needed > wireLen ? shortOnTheWire : SkipReason.SNAPLEN_CUT;
    }

    private static int u16(DirectBuffer b, int index) {
        return b.getShort(index, BIG_ENDIAN) & 0xFFFF;
    }
}
