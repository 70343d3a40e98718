package io.omdprt.pcap;

import static io.omdprt.pcap.Frames.address;
import static io.omdprt.pcap.Frames.payload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.omdprt.pcap.Captures.Datagram;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link PcapWriter} writes, read back by {@link PcapReader} and checked byte by byte. */
class PcapWriterTest {
    private static final int SOURCE = address(10, 20, 30, 40);
    private static final int GROUP = address(239, 129, 1, 2);
    private static final long START = 1_704_502_800_123_456_789L;

    @TempDir
    Path dir;

    /** Datagrams of random size (0 to 1,400 bytes, plus the largest) over a few groups and ports. */
    private static List<Datagram> sample(int count) {
        Random random = new Random(7);
        List<Datagram> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = i == count - 1 ? PcapWriter.MAX_PAYLOAD : random.nextInt(1_401);
            out.add(new Datagram(START + i * 1_234_567L, SOURCE + i % 3, GROUP + i % 5, 40_000 + i % 7, 50_000 + i % 11, payload(length, i)));
        }
        return out;
    }

    private Path write(TimestampPrecision precision, List<Datagram> datagrams) throws IOException {
        Path file = dir.resolve(precision + ".pcap");
        try (PcapWriter writer = PcapWriter.create(file, precision)) {
            for (Datagram d : datagrams) {
                writer.write(d.timestampNanos(), d.source(), d.sourcePort(), d.destination(), d.destinationPort(),
                        new UnsafeBuffer(d.payload()), 0, d.payload().length);
            }
            assertEquals(datagrams.size(), writer.datagrams());
        }
        return file;
    }

    @Test
    void roundTripInBothPrecisions() throws IOException {
        List<Datagram> sent = sample(3_000);
        for (TimestampPrecision precision : TimestampPrecision.values()) {
            Path file = write(precision, sent);
            try (PcapReader reader = PcapReader.open(file, 64 * 1024)) {
                assertEquals(precision == TimestampPrecision.NANOS ? CaptureFormat.PCAP_NANOS : CaptureFormat.PCAP_MICROS, reader.format());
                assertEquals(LinkType.ETHERNET, reader.linkType());
                List<Datagram> got = Captures.readAll(reader);
                assertEquals(sent.size(), got.size());
                for (int i = 0; i < sent.size(); i++) {
                    Datagram s = sent.get(i);
                    Datagram g = got.get(i);
                    long expectedTime = precision == TimestampPrecision.NANOS ? s.timestampNanos() : s.timestampNanos() / 1_000 * 1_000;
                    assertEquals(expectedTime, g.timestampNanos(), precision + " #" + i);
                    assertEquals(s.source(), g.source());
                    assertEquals(s.destination(), g.destination());
                    assertEquals(s.sourcePort(), g.sourcePort());
                    assertEquals(s.destinationPort(), g.destinationPort());
                    assertArrayEquals(s.payload(), g.payload(), "#" + i);
                }
                assertEquals(0, reader.skippedTotal());
                assertEquals(Files.size(file), reader.bytesRead());
            }
        }
    }

    @Test
    void headersAreWhatTheWireCarries() throws IOException {
        byte[] payload = payload(5, 1);
        Path file = dir.resolve("one.pcap");
        try (PcapWriter writer = PcapWriter.create(file, TimestampPrecision.NANOS, 3)) {
            writer.write(START, SOURCE, 1_234, address(239, 255, 129, 200), 5_678, new UnsafeBuffer(payload), 0, payload.length);
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.nativeOrder());
        assertEquals(0xA1B23C4D, b.getInt(0));
        assertEquals(24 + 16 + 42 + 5, b.capacity());
        assertEquals(47, b.getInt(24 + 8), "caplen");
        assertEquals(47, b.getInt(24 + 12), "wire length");
        b.order(ByteOrder.BIG_ENDIAN);
        int eth = 40;
        assertEquals(0x01005E7F, b.getInt(eth), "01:00:5e and the group's low 23 bits: 255.129.200 -> 7f:81:c8");
        assertEquals((short) 0x81C8, b.getShort(eth + 4));
        assertEquals(0x0200, b.getShort(eth + 6));
        assertEquals(SOURCE, b.getInt(eth + 8));
        assertEquals(0x0800, b.getShort(eth + 12));
        int ip = eth + 14;
        assertEquals(0x45, b.get(ip));
        assertEquals(33, b.getShort(ip + 2), "total length");
        assertEquals(0, b.getShort(ip + 6), "no flags (DF clear), no fragment offset");
        assertEquals(3, b.get(ip + 8), "TTL");
        assertEquals(17, b.get(ip + 9));
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += b.getShort(ip + i) & 0xFFFF;
        }
        while (sum > 0xFFFF) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        assertEquals(0xFFFF, sum, "a header with a correct checksum sums to all ones");
        int udp = ip + 20;
        assertEquals(13, b.getShort(udp + 4), "UDP length");
        assertEquals(0, b.getShort(udp + 6), "no UDP checksum");
    }

    @Test
    void flushMakesWrittenDatagramsReadable() throws IOException {
        Path file = dir.resolve("open.pcap");
        try (PcapWriter writer = PcapWriter.create(file, TimestampPrecision.MICROS)) {
            writer.write(START, SOURCE, 1, GROUP, 2, new UnsafeBuffer(new byte[10]), 0, 10);
            writer.flush();
            try (PcapReader reader = PcapReader.open(file)) {
                assertEquals(1, Captures.readAll(reader).size());
            }
        }
    }

    @Test
    void argumentsOutsideWhatTheFormatsHoldAreRefused() throws IOException {
        try (PcapWriter writer = PcapWriter.create(dir.resolve("bad.pcap"), TimestampPrecision.NANOS)) {
            UnsafeBuffer p = new UnsafeBuffer(new byte[PcapWriter.MAX_PAYLOAD + 1]);
            assertThrows(IllegalArgumentException.class, () -> writer.write(START, SOURCE, 1, address(10, 0, 0, 1), 2, p, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> writer.write(START, SOURCE, 65_536, GROUP, 2, p, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> writer.write(-1, SOURCE, 1, GROUP, 2, p, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> writer.write(START, SOURCE, 1, GROUP, 2, p, 0, PcapWriter.MAX_PAYLOAD + 1));
            assertEquals(0, writer.datagrams());
        }
        assertThrows(IllegalArgumentException.class, () -> PcapWriter.create(dir.resolve("ttl.pcap"), TimestampPrecision.NANOS, 0));
    }
}
