package io.omdprt.pcap;

import static io.omdprt.pcap.Frames.address;
import static io.omdprt.pcap.Frames.ethernet;
import static io.omdprt.pcap.Frames.ipv4;
import static io.omdprt.pcap.Frames.ipv4Udp;
import static io.omdprt.pcap.Frames.payload;
import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.omdprt.pcap.Captures.Classic;
import io.omdprt.pcap.Captures.Datagram;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classic pcap files built by hand: both magics in both byte orders, each link type, each skip reason. */
class PcapReaderTest {
    private static final int SOURCE = address(10, 1, 2, 3);
    private static final int GROUP = address(239, 1, 1, 7);
    private static final long SECONDS = 1_704_502_800L; // 2024-01-06 01:00:00 UTC

    @TempDir
    Path dir;

    private PcapReader open(Classic capture) throws IOException {
        return PcapReader.open(Captures.write(dir, "c.pcap", capture.bytes()));
    }

    private static byte[] udpOverEthernet(int destinationPort, byte[] payload, int... types) {
        return ethernet(ipv4Udp(SOURCE, GROUP, 40_000, destinationPort, payload), types);
    }

    @Test
    void microsecondFilesInBothByteOrders() throws IOException {
        for (ByteOrder order : new ByteOrder[] {BIG_ENDIAN, LITTLE_ENDIAN}) {
            byte[] first = payload(100, 1);
            byte[] second = payload(1, 2);
            Classic capture = new Classic(order, false, LinkType.ETHERNET)
                    .record(SECONDS, 123_456, udpOverEthernet(51_000, first))
                    .record(SECONDS + 1, 999_999, udpOverEthernet(51_001, second));
            try (PcapReader reader = open(capture)) {
                assertEquals(CaptureFormat.PCAP_MICROS, reader.format(), order.toString());
                assertEquals(LinkType.ETHERNET, reader.linkType());
                List<Datagram> got = Captures.readAll(reader);
                assertEquals(2, got.size(), order.toString());
                Datagram a = got.get(0);
                assertEquals(SECONDS * 1_000_000_000L + 123_456_000L, a.timestampNanos());
                assertEquals(SOURCE, a.source());
                assertEquals(GROUP, a.destination());
                assertEquals(40_000, a.sourcePort());
                assertEquals(51_000, a.destinationPort());
                assertArrayEquals(first, a.payload());
                assertEquals((SECONDS + 1) * 1_000_000_000L + 999_999_000L, got.get(1).timestampNanos());
                assertArrayEquals(second, got.get(1).payload());
                assertEquals(2, reader.records());
                assertEquals(0, reader.skippedTotal());
            }
        }
    }

    @Test
    void nanosecondMagicInBothByteOrders() throws IOException {
        for (ByteOrder order : new ByteOrder[] {BIG_ENDIAN, LITTLE_ENDIAN}) {
            Classic capture = new Classic(order, true, LinkType.ETHERNET).record(SECONDS, 987_654_321, udpOverEthernet(51_000, payload(8, 3)));
            try (PcapReader reader = open(capture)) {
                assertEquals(CaptureFormat.PCAP_NANOS, reader.format());
                List<Datagram> got = Captures.readAll(reader);
                assertEquals(SECONDS * 1_000_000_000L + 987_654_321L, got.get(0).timestampNanos(), order.toString());
            }
        }
    }

    @Test
    void timestampsAfter2038AreUnsignedSeconds() throws IOException {
        long seconds = 0xF000_0000L; // 2097
        Classic capture = new Classic(LITTLE_ENDIAN, true, LinkType.ETHERNET).record(seconds, 5, udpOverEthernet(1, payload(1, 1)));
        try (PcapReader reader = open(capture)) {
            assertEquals(seconds * 1_000_000_000L + 5, Captures.readAll(reader).get(0).timestampNanos());
        }
    }

    @Test
    void linuxCookedHeadersV1AndV2() throws IOException {
        byte[] payload = payload(64, 4);
        byte[] ip = ipv4Udp(SOURCE, GROUP, 40_000, 52_000, payload);
        for (int linkType : new int[] {LinkType.LINUX_SLL, LinkType.LINUX_SLL2}) {
            byte[] frame = linkType == LinkType.LINUX_SLL ? Frames.sll(Frames.IPV4, ip) : Frames.sll2(Frames.IPV4, ip);
            byte[] arp = linkType == LinkType.LINUX_SLL ? Frames.sll(Frames.ARP, new byte[28]) : Frames.sll2(Frames.ARP, new byte[28]);
            Classic capture = new Classic(LITTLE_ENDIAN, false, linkType).record(SECONDS, 0, frame).record(SECONDS, 1, arp);
            try (PcapReader reader = open(capture)) {
                List<Datagram> got = Captures.readAll(reader);
                assertEquals(1, got.size(), LinkType.describe(linkType));
                assertEquals(GROUP, got.get(0).destination());
                assertEquals(52_000, got.get(0).destinationPort());
                assertArrayEquals(payload, got.get(0).payload());
                assertEquals(1, reader.skipped(SkipReason.NOT_IPV4));
                assertEquals(linkType, reader.linkType());
            }
        }
    }

    @Test
    void rawIpv4LinkTypes() throws IOException {
        byte[] payload = payload(30, 5);
        byte[] ipv6 = ByteWriter.network().u8(0x60).zeros(39).toByteArray();
        for (int linkType : new int[] {LinkType.RAW, LinkType.IPV4}) {
            Classic capture = new Classic(LITTLE_ENDIAN, false, linkType)
                    .record(SECONDS, 0, ipv4Udp(SOURCE, GROUP, 1, 2, payload)).record(SECONDS, 0, ipv6);
            try (PcapReader reader = open(capture)) {
                List<Datagram> got = Captures.readAll(reader);
                assertEquals(1, got.size());
                assertArrayEquals(payload, got.get(0).payload());
                assertEquals(1, reader.skipped(SkipReason.NOT_IPV4), "raw IP may carry IPv6");
            }
        }
    }

    @Test
    void vlanTagsSingleAndStackedAreSkipped() throws IOException {
        byte[] payload = payload(50, 6);
        Classic capture = new Classic(LITTLE_ENDIAN, false, LinkType.ETHERNET)
                .record(SECONDS, 0, udpOverEthernet(53_001, payload, Frames.VLAN, Frames.IPV4))
                .record(SECONDS, 0, udpOverEthernet(53_002, payload, Frames.QINQ, Frames.VLAN, Frames.IPV4))
                .record(SECONDS, 0, ethernet(new byte[40], Frames.VLAN, Frames.IPV6));
        try (PcapReader reader = open(capture)) {
            List<Datagram> got = Captures.readAll(reader);
            assertEquals(2, got.size());
            assertEquals(53_001, got.get(0).destinationPort());
            assertEquals(53_002, got.get(1).destinationPort());
            assertArrayEquals(payload, got.get(1).payload());
            assertEquals(SOURCE, got.get(1).source());
            assertEquals(1, reader.skipped(SkipReason.NOT_IPV4), "IPv6 behind a tag");
        }
    }

    /** One frame that yields no datagram: a name, the frame, how much of it was captured, and why it is skipped. */
    private record Case(String name, byte[] frame, int capLen, SkipReason expected) {
        Case(String name, byte[] frame, SkipReason expected) {
            this(name, frame, frame.length, expected);
        }
    }

    private static List<Case> skipCases() {
        byte[] udp = Frames.udp(1, 2, payload(200, 7));
        byte[] whole = udpOverEthernet(54_000, payload(200, 7));
        return List.of(
                new Case("more fragments", ethernet(ipv4(Frames.UDP, Frames.MORE_FRAGMENTS, SOURCE, GROUP, udp)), SkipReason.IP_FRAGMENT),
                new Case("fragment offset", ethernet(ipv4(Frames.UDP, 185, SOURCE, GROUP, new byte[100])), SkipReason.IP_FRAGMENT),
                new Case("cut in the payload", whole, 100, SkipReason.SNAPLEN_CUT),
                new Case("cut in the UDP header", whole, 14 + 20 + 4, SkipReason.SNAPLEN_CUT),
                new Case("cut in the Ethernet header", whole, 10, SkipReason.SNAPLEN_CUT),
                new Case("TCP", ethernet(ipv4(Frames.TCP, 0, SOURCE, GROUP, new byte[40])), SkipReason.NOT_UDP),
                new Case("ICMP", ethernet(ipv4(Frames.ICMP, 0, SOURCE, GROUP, new byte[8])), SkipReason.NOT_UDP),
                new Case("ARP", ethernet(new byte[28], Frames.ARP), SkipReason.NOT_IPV4),
                new Case("IPv6", ethernet(new byte[48], Frames.IPV6), SkipReason.NOT_IPV4),
                new Case("frame shorter than Ethernet", new byte[13], SkipReason.MALFORMED_LINK_HEADER),
                new Case("VLAN tag cut short on the wire", ethernet(new byte[2], Frames.VLAN), SkipReason.MALFORMED_LINK_HEADER),
                new Case("IHL 4", ethernet(patch(ipv4Udp(SOURCE, GROUP, 1, 2, payload(10, 1)), 0, 0x44)), SkipReason.MALFORMED_IPV4_HEADER),
                new Case("total length past the frame", ethernet(patch(ipv4Udp(SOURCE, GROUP, 1, 2, payload(10, 1)), 3, 20 + 8 + 10 + 4)),
                        SkipReason.MALFORMED_IPV4_HEADER),
                new Case("total length below the header", ethernet(patch(ipv4Udp(SOURCE, GROUP, 1, 2, payload(10, 1)), 3, 19)),
                        SkipReason.MALFORMED_IPV4_HEADER),
                new Case("version 6 behind the IPv4 ethertype", ethernet(patch(ipv4Udp(SOURCE, GROUP, 1, 2, payload(10, 1)), 0, 0x65)),
                        SkipReason.MALFORMED_IPV4_HEADER),
                new Case("frame shorter than an IPv4 header", ethernet(new byte[19]), SkipReason.MALFORMED_IPV4_HEADER),
                new Case("no room for a UDP header", ethernet(ipv4(Frames.UDP, 0, SOURCE, GROUP, new byte[7])), SkipReason.MALFORMED_UDP_HEADER),
                new Case("UDP length past the IP packet", ethernet(patch(ipv4Udp(SOURCE, GROUP, 1, 2, payload(10, 1)), 20 + 5, 8 + 10 + 1)),
                        SkipReason.MALFORMED_UDP_HEADER),
                new Case("UDP length below its header", ethernet(patch(ipv4Udp(SOURCE, GROUP, 1, 2, payload(10, 1)), 20 + 5, 7)),
                        SkipReason.MALFORMED_UDP_HEADER));
    }

    private static byte[] patch(byte[] bytes, int index, int value) {
        bytes[index] = (byte) value;
        return bytes;
    }

    @Test
    void eachFrameIsSkippedForItsReason() throws IOException {
        for (Case c : skipCases()) {
            Classic capture = new Classic(LITTLE_ENDIAN, false, LinkType.ETHERNET).record(SECONDS, 0, c.frame(), c.capLen());
            try (PcapReader reader = open(capture)) {
                assertFalse(reader.next(new UdpDatagram()), c.name());
                assertEquals(1, reader.skipped(c.expected()), c.name() + " is " + c.expected().label());
                assertEquals(1, reader.skippedTotal(), c.name());
            }
        }
    }

    @Test
    void skippedFramesDoNotStopReading() throws IOException {
        byte[] first = payload(20, 1);
        byte[] last = payload(30, 2);
        Classic capture = new Classic(LITTLE_ENDIAN, false, LinkType.ETHERNET).record(SECONDS, 0, udpOverEthernet(1, first));
        List<Case> cases = skipCases();
        for (Case c : cases) {
            capture.record(SECONDS, 0, c.frame(), c.capLen());
        }
        capture.record(SECONDS, 0, ethernet(ipv4(Frames.UDP, Frames.DONT_FRAGMENT, SOURCE, GROUP, Frames.udp(1, 3, last))));
        try (PcapReader reader = open(capture)) {
            List<Datagram> got = Captures.readAll(reader);
            assertEquals(2, got.size());
            assertArrayEquals(first, got.get(0).payload());
            assertArrayEquals(last, got.get(1).payload(), "DF set is no fragment");
            assertEquals(cases.size(), reader.skippedTotal());
            assertEquals(cases.size() + 2, reader.records());
            for (SkipReason r : SkipReason.REASONS) {
                assertEquals(cases.stream().filter(c -> c.expected() == r).count(), reader.skipped(r), r.label());
            }
        }
    }

    @Test
    void unsupportedLinkTypeIsCountedPerRecord() throws IOException {
        Classic capture = new Classic(LITTLE_ENDIAN, false, 105).record(SECONDS, 0, new byte[60]).record(SECONDS, 0, new byte[60]);
        try (PcapReader reader = open(capture)) {
            assertFalse(reader.next(new UdpDatagram()));
            assertEquals(2, reader.skipped(SkipReason.UNSUPPORTED_LINK_TYPE));
            assertFalse(LinkType.isSupported(reader.linkType()));
        }
    }

    @Test
    void ethernetPaddingAndIpOptionsAreNotPayload() throws IOException {
        byte[] payload = payload(3, 8);
        byte[] udp = Frames.udp(7, 8, payload);
        // IHL 6: one 4-byte option (NOP NOP NOP EOL) before the UDP header.
        byte[] ip = ByteWriter.network().u8(0x46).u8(0).u16(24 + udp.length).u16(1).u16(0).u8(1).u8(Frames.UDP).u16(0)
                .u32(SOURCE).u32(GROUP).u32(0x01010100).bytes(udp).toByteArray();
        byte[] padded = ByteWriter.network().bytes(ethernet(ip)).zeros(60 - 14 - ip.length).toByteArray();
        Classic capture = new Classic(LITTLE_ENDIAN, false, LinkType.ETHERNET).record(SECONDS, 0, padded);
        try (PcapReader reader = open(capture)) {
            Datagram d = Captures.readAll(reader).get(0);
            assertArrayEquals(payload, d.payload());
            assertEquals(8, d.destinationPort());
        }
    }

    @Test
    void progressReachesTheFileSize() throws IOException {
        Classic capture = new Classic(LITTLE_ENDIAN, false, LinkType.ETHERNET);
        for (int i = 0; i < 500; i++) {
            capture.record(SECONDS, i, udpOverEthernet(1, payload(i, i)));
        }
        try (PcapReader reader = PcapReader.open(Captures.write(dir, "p.pcap", capture.bytes()), 4_096)) {
            assertEquals(capture.size(), reader.fileSize());
            UdpDatagram d = new UdpDatagram();
            long last = reader.bytesRead();
            assertEquals(24, last, "the file header is read on open");
            while (reader.next(d)) {
                long now = reader.bytesRead();
                assertEquals(last + 16 + 14 + 28 + d.payloadLength(), now, "one record further");
                last = now;
            }
            assertEquals(reader.fileSize(), reader.bytesRead());
        }
    }
}
