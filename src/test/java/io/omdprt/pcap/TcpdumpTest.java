package io.omdprt.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.net.MulticastSender;
import io.omdprt.testing.ExternalTool;
import io.omdprt.testing.Tcpdump;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The reader against captures the real tcpdump takes, and tcpdump against what the writer writes. */
class TcpdumpTest {
    private static final int DATAGRAMS = 300;
    private static final String GROUP = "239.255.77.41";

    @TempDir
    Path dir;

    /** Datagram {@code i}: its index, then a pattern; 4 to 403 bytes. */
    private static byte[] content(int i) {
        byte[] b = new byte[4 + i % 400];
        ByteBuffer.wrap(b).putInt(i);
        for (int k = 4; k < b.length; k++) {
            b[k] = (byte) (i + k);
        }
        return b;
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** On lo tcpdump writes Ethernet frames; on the "any" device, Linux cooked headers (SLL2 since tcpdump 4.99). */
    @ParameterizedTest
    @CsvSource({"lo, MICROS", "lo, NANOS", "any, NANOS"})
    void readsWhatTcpdumpCapturedOnLoopback(String device, TimestampPrecision precision) throws Exception {
        int port = freePort();
        Path capture = dir.resolve("lo.pcap");
        try (Tcpdump tcpdump = Tcpdump.start(device, precision == TimestampPrecision.NANOS,
                "udp and dst host " + GROUP + " and dst port " + port, capture)) {
            long before = System.currentTimeMillis() * 1_000_000L;
            InetSocketAddress group = new InetSocketAddress(InetAddress.getByName(GROUP), port);
            try (MulticastSender sender = MulticastSender.loopback()) {
                for (int i = 0; i < DATAGRAMS; i++) {
                    byte[] b = content(i);
                    sender.send(b, b.length, group);
                }
            }
            long after = (System.currentTimeMillis() + 1) * 1_000_000L;
            Tcpdump.awaitDatagrams(capture, DATAGRAMS);
            tcpdump.stop();

            try (PcapReader reader = PcapReader.open(capture)) {
                assertEquals(precision == TimestampPrecision.NANOS ? CaptureFormat.PCAP_NANOS : CaptureFormat.PCAP_MICROS, reader.format());
                if (device.equals("lo")) {
                    assertEquals(LinkType.ETHERNET, reader.linkType());
                } else {
                    assertTrue(reader.linkType() == LinkType.LINUX_SLL2 || reader.linkType() == LinkType.LINUX_SLL,
                            LinkType.describe(reader.linkType()));
                }
                List<Captures.Datagram> got = Captures.readAll(reader);
                assertEquals(DATAGRAMS, got.size(), "each datagram once; skipped: " + reader.skippedTotal());
                long previous = 0;
                int subMicro = 0;
                for (int i = 0; i < DATAGRAMS; i++) {
                    Captures.Datagram d = got.get(i);
                    assertArrayEquals(content(i), d.payload(), "datagram " + i + " in sending order");
                    assertEquals(Ipv4.toInt(InetAddress.getByName(GROUP)), d.destination());
                    assertEquals(port, d.destinationPort());
                    assertEquals(Ipv4.toInt(InetAddress.getByName(MulticastSender.LOOPBACK)), d.source());
                    long t = d.timestampNanos();
                    assertTrue(t >= before - 1_000_000 && t <= after, "captured while sending: " + t);
                    assertTrue(t >= previous, "time goes forward");
                    previous = t;
                    subMicro += t % 1_000 != 0 ? 1 : 0;
                }
                if (precision == TimestampPrecision.MICROS) {
                    assertEquals(0, subMicro, "microsecond timestamps");
                } else {
                    assertTrue(subMicro > 0, "nanosecond timestamps keep their nanoseconds");
                }
                assertEquals(reader.fileSize(), reader.bytesRead());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TimestampPrecision.class)
    void tcpdumpReadsWhatTheWriterWrote(TimestampPrecision precision) throws Exception {
        Path tcpdump = ExternalTool.require("tcpdump", "tcpdump");
        Path file = dir.resolve("written.pcap");
        int source = Ipv4.toInt(InetAddress.getByName("10.0.0.1"));
        int group = Ipv4.toInt(InetAddress.getByName("239.129.1.2"));
        long start = 1_704_502_800_123_456_789L;
        try (PcapWriter writer = PcapWriter.create(file, precision)) {
            for (int i = 0; i < 50; i++) {
                byte[] b = content(i);
                writer.write(start + i * 1_001L, source, 4_000, group, 50_000 + i, new UnsafeBuffer(b), 0, b.length);
            }
        }
        String nano = precision == TimestampPrecision.NANOS ? "--time-stamp-precision=nano" : "--time-stamp-precision=micro";
        ExternalTool.Result result = ExternalTool.run(
                List.of(tcpdump.toString(), "-r", file.toString(), "-nn", "-vv", "-e", "-tt", nano), null, 60);
        String out = result.output();
        assertEquals(0, result.exitCode(), out);
        assertFalse(out.contains("bad cksum"), "IPv4 header checksums are right:\n" + out);
        assertTrue(out.contains("link-type EN10MB (Ethernet)"), out);
        for (int i = 0; i < 50; i++) {
            long t = start + i * 1_001L;
            String time = precision == TimestampPrecision.NANOS
                    ? String.format("%d.%09d", t / 1_000_000_000L, t % 1_000_000_000L)
                    : String.format("%d.%06d", t / 1_000_000_000L, t % 1_000_000_000L / 1_000);
            String expected = "10.0.0.1.4000 > 239.129.1.2." + (50_000 + i) + ": [no cksum] UDP, length " + content(i).length;
            assertTrue(out.contains(time + " 02:00:0a:00:00:01 > 01:00:5e:01:01:02, ethertype IPv4 (0x0800)"), "datagram " + i + " at " + time + ":\n" + out);
            assertTrue(out.contains(expected), expected + ":\n" + out);
        }
        assertEquals(50, out.split("ttl 16, id ", -1).length - 1, "50 IPv4 packets with TTL 16:\n" + out);
    }
}
