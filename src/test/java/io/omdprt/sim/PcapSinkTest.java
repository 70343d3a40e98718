package io.omdprt.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.pcap.Ipv4;
import io.omdprt.pcap.PcapReader;
import io.omdprt.pcap.UdpDatagram;
import io.omdprt.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator writing captures: in simulated time, to every line's group and port, and through a tee. */
class PcapSinkTest {
    private static final Instant START = Instant.parse("2024-01-06T01:00:00Z");
    private static final long START_NANOS = START.getEpochSecond() * 1_000_000_000L;

    @TempDir
    Path dir;

    private static MonitorConfig demo() throws Exception {
        return new ConfigLoader().load(Path.of("config/demo.yaml"));
    }

    private static GroundTruth simulate(MonitorConfig config, Path file, long seed) throws IOException {
        Scenario clean = new Scenario("clean", "no faults", Duration.ofSeconds(30), 300, Map.of(), List.of());
        try (PcapSink sink = PcapSink.create(file)) {
            return new Simulator(config, clean, sink, seed, ManualClock.at(START)).run();
        }
    }

    @Test
    void aVirtualRunIsCapturedInSimulatedTimeOnEveryLine() throws Exception {
        MonitorConfig config = demo();
        Path file = dir.resolve("sim.pcap");
        GroundTruth truth = simulate(config, file, 5);
        assertEquals(START.toString(), truth.started);
        assertEquals(START.plusSeconds(30).toString(), truth.ended, "the run took 30 s of simulated time");

        Map<Long, Integer> perLine = new HashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long previous = Long.MIN_VALUE;
        try (PcapReader reader = PcapReader.open(file)) {
            UdpDatagram d = new UdpDatagram();
            while (reader.next(d)) {
                assertEquals(Ipv4.toInt(java.net.InetAddress.getByName("127.0.0.1")), d.sourceAddress());
                assertEquals(PcapSink.SOURCE_PORT, d.sourcePort());
                assertTrue(d.timestampNanos() >= previous, "send order is time order");
                previous = d.timestampNanos();
                first = Math.min(first, d.timestampNanos());
                last = Math.max(last, d.timestampNanos());
                perLine.merge((long) d.destinationAddress() << 16 | d.destinationPort(), 1, Integer::sum);
            }
            assertEquals(0, reader.skippedTotal());
        }
        assertEquals(START_NANOS, first, "stamped with the simulated send time");
        assertEquals(START_NANOS + 30_000_000_000L, last, "the closing heartbeats");
        List<String> silent = new ArrayList<>();
        for (ChannelConfig c : config.allChannels()) {
            for (LineConfig l : c.lines()) {
                if (perLine.remove((long) Ipv4.toInt(l.group()) << 16 | l.port()) == null) {
                    silent.add(c.feed() + "/" + c.label() + " " + l.name());
                }
            }
        }
        assertEquals(List.of(), silent, "every line has datagrams");
        assertEquals(Map.of(), perLine, "and nothing else does");
    }

    @Test
    void theSameSeedWritesTheSameCapture() throws Exception {
        MonitorConfig config = demo();
        Path a = dir.resolve("a.pcap");
        Path b = dir.resolve("b.pcap");
        simulate(config, a, 9);
        simulate(config, b, 9);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    /** Keeps what it is sent; may be told to fail on close. */
    private static final class Recording implements PacketSink {
        final List<String> sent = new ArrayList<>();
        final String failOnClose;
        boolean closed;

        Recording(String failOnClose) {
            this.failOnClose = failOnClose;
        }

        @Override
        public void send(LineConfig line, UnsafeBuffer packet, int length, long wallNanos) {
            sent.add(line.name() + " " + length + " " + wallNanos);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            if (failOnClose != null) {
                throw new IOException(failOnClose);
            }
        }
    }

    @Test
    void teeSendsToEverySinkAndClosesThemAllEvenWhenOneFails() throws Exception {
        Recording first = new Recording("first failed");
        Recording second = new Recording(null);
        Recording third = new Recording("third failed");
        TeeSink tee = new TeeSink(first, second, third);
        LineConfig line = demo().allChannels().get(0).lines().get(1);
        tee.send(line, new UnsafeBuffer(new byte[64]), 40, 123);
        for (Recording r : List.of(first, second, third)) {
            assertEquals(List.of("B 40 123"), r.sent);
        }
        IOException thrown = assertThrows(IOException.class, tee::close);
        assertEquals("first failed", thrown.getMessage());
        assertEquals("third failed", thrown.getSuppressed()[0].getMessage());
        assertTrue(first.closed && second.closed && third.closed);
    }
}
