package io.omdprt.pcap;

import static io.omdprt.pcap.Frames.address;
import static io.omdprt.pcap.Frames.ethernet;
import static io.omdprt.pcap.Frames.ipv4Udp;
import static io.omdprt.pcap.Frames.payload;
import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omdprt.pcap.Captures.Datagram;
import io.omdprt.pcap.Captures.Pcapng;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pcapng built block by block: sections in both byte orders, interfaces with their own link type and clock. */
class PcapngReaderTest {
    private static final int SOURCE = address(192, 0, 2, 1);
    private static final int GROUP = address(239, 10, 0, 1);
    private static final long SECONDS = 1_704_502_800L;

    @TempDir
    Path dir;

    private static byte[] frame(int port, byte[] payload) {
        return ethernet(ipv4Udp(SOURCE, GROUP, 30_000, port, payload));
    }

    private List<Datagram> readAll(Pcapng capture, Consumer<PcapReader> check) throws IOException {
        try (PcapReader reader = PcapReader.open(Captures.write(dir, "c.pcapng", capture.bytes()))) {
            assertEquals(CaptureFormat.PCAPNG, reader.format());
            List<Datagram> got = Captures.readAll(reader);
            check.accept(reader);
            return got;
        }
    }

    @Test
    void enhancedPacketsInBothByteOrdersWithDefaultMicroseconds() throws IOException {
        for (ByteOrder order : new ByteOrder[] {LITTLE_ENDIAN, BIG_ENDIAN}) {
            byte[] payload = payload(77, 1);
            long micros = SECONDS * 1_000_000L + 654_321;
            Pcapng capture = new Pcapng().section(order).iface(LinkType.ETHERNET).packet(0, micros, frame(50_000, payload));
            List<Datagram> got = readAll(capture, r -> assertEquals(0, r.skippedTotal()));
            assertEquals(1, got.size(), order.toString());
            Datagram d = got.get(0);
            assertEquals(micros * 1_000, d.timestampNanos());
            assertEquals(SOURCE, d.source());
            assertEquals(GROUP, d.destination());
            assertEquals(50_000, d.destinationPort());
            assertArrayEquals(payload, d.payload(), "payload of odd length, block padded after it");
        }
    }

    @Test
    void eachInterfaceHasItsLinkTypeResolutionAndOffset() throws IOException {
        byte[] ip = ipv4Udp(SOURCE, GROUP, 1, 60_002, payload(5, 2));
        long nanos = SECONDS * 1_000_000_000L + 123_456_789;
        Pcapng capture = new Pcapng().section(LITTLE_ENDIAN)
                .iface(LinkType.ETHERNET)
                .iface(LinkType.LINUX_SLL2, 9, 0)
                .iface(LinkType.IPV4, 3, 3_600)
                .iface(LinkType.LINUX_SLL, 0x80 | 10, 0)
                .packet(1, nanos, Frames.sll2(Frames.IPV4, ip))
                .packet(2, SECONDS * 1_000 + 5, ip)
                .packet(3, (SECONDS << 10) + 512, Frames.sll(Frames.IPV4, ip))
                .packet(0, SECONDS * 1_000_000, frame(60_000, payload(1, 1)));
        List<Datagram> got = readAll(capture, r -> assertEquals(LinkType.ETHERNET, r.linkType()));
        assertEquals(4, got.size());
        assertEquals(nanos, got.get(0).timestampNanos(), "if_tsresol 9: nanoseconds");
        assertEquals((SECONDS + 3_600) * 1_000_000_000L + 5_000_000, got.get(1).timestampNanos(), "milliseconds, if_tsoffset one hour");
        assertEquals(SECONDS * 1_000_000_000L + 500_000_000, got.get(2).timestampNanos(), "2^-10 s: 512 ticks are half a second");
        assertEquals(60_002, got.get(2).destinationPort());
        assertEquals(SECONDS * 1_000_000_000L, got.get(3).timestampNanos());
    }

    @Test
    void finerThanNanosecondResolutionsConvert() {
        assertEquals(1_500_000_000L, TimestampUnit.of(12).toNanos(1_500_000_000_000L), "picoseconds");
        assertEquals(1_500_000_000L, TimestampUnit.of(0x80 | 40).toNanos(3L << 39), "2^-40 s");
        assertEquals(999_999_999L, TimestampUnit.of(0x80 | 63).toNanos(Long.MAX_VALUE), "2^-63 s, just under one second");
        assertEquals(null, TimestampUnit.of(28));
        assertEquals(null, TimestampUnit.of(0x80 | 64));
    }

    @Test
    void aNewSectionMayChangeByteOrderAndStartsItsOwnInterfaces() throws IOException {
        Pcapng capture = new Pcapng()
                .section(LITTLE_ENDIAN).iface(LinkType.ETHERNET).packet(0, 1, frame(1, payload(3, 1)))
                .section(BIG_ENDIAN).iface(LinkType.RAW).packet(0, 2, ipv4Udp(SOURCE, GROUP, 1, 2, payload(4, 2)));
        List<Datagram> got = readAll(capture, r -> assertEquals(LinkType.RAW, r.linkType()));
        assertEquals(2, got.size());
        assertEquals(2_000, got.get(1).timestampNanos());
        assertEquals(2, got.get(1).destinationPort());
    }

    @Test
    void otherBlocksArePassedOverAndSimplePacketsCounted() throws IOException {
        byte[] payload = payload(40, 3);
        Pcapng capture = new Pcapng().section(LITTLE_ENDIAN)
                .block(4, new byte[] {0, 0, 0, 0}) // name resolution, empty
                .iface(LinkType.ETHERNET)
                .simplePacket(frame(1, payload))
                .block(5, new ByteWriter(LITTLE_ENDIAN).u32(0).u32(0).u32(0).toByteArray()) // interface statistics
                .block(0x40000BAD, new byte[] {1, 2, 3, 4, 5}) // custom block
                .packet(0, 1, frame(2, payload));
        List<Datagram> got = readAll(capture, r -> {
            assertEquals(1, r.skipped(SkipReason.UNSUPPORTED_PCAPNG_BLOCK));
            assertEquals(2, r.records());
        });
        assertEquals(1, got.size());
        assertArrayEquals(payload, got.get(0).payload());
    }
}
