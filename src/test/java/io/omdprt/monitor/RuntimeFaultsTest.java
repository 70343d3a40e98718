package io.omdprt.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.FeedConfig;
import io.omdprt.config.JournalConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.fuzz.DatagramFuzzer;
import io.omdprt.net.MulticastSender;
import io.omdprt.net.ReceiverException;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.Http;
import io.omdprt.testing.Scrape;
import io.omdprt.testing.TestConfigs;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults at run time: hostile traffic, a missing interface, an unwritable journal. None stops the monitor. */
class RuntimeFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void garbageOnOneLineNeitherStopsTheMonitorNorDisturbsTheOthers() throws Exception {
        MonitorConfig config = TestConfigs.loopback("", 2, false);
        InetSocketAddress garbageTarget = config.feeds().get(0).channels().get(0).lines().get(0).groupAddress();
        InetSocketAddress cleanA = config.feeds().get(0).channels().get(1).lines().get(0).groupAddress();
        InetSocketAddress cleanB = config.feeds().get(0).channels().get(1).lines().get(1).groupAddress();
        try (MulticastSender sender = MulticastSender.loopback(); Monitor monitor = Monitor.start(config)) {
            DatagramFuzzer fuzzer = new DatagramFuzzer(7);
            byte[] garbage = new byte[4096];
            UnsafeBuffer buffer = new UnsafeBuffer(new byte[1500]);
            PacketEncoder encoder = new PacketEncoder();
            // Channel 2: messages 1..400, A loses every 50th, B loses 200: exactly one message (200) is lost for real.
            for (long seq = 1; seq <= 400; seq++) {
                for (int k = 0; k < 20; k++) {
                    sender.send(garbage, fuzzer.next(garbage), garbageTarget);
                }
                encoder.begin(buffer, 0, seq, System.currentTimeMillis() * 1_000_000L);
                encoder.message(30, 32);
                int length = encoder.finish();
                if (seq % 50 != 0) {
                    sender.send(buffer.byteArray(), length, cleanA);
                }
                if (seq != 200) {
                    sender.send(buffer.byteArray(), length, cleanB);
                }
                if (seq % 5 == 0) {
                    Thread.sleep(1); // paced: this test is about bad bytes, not overload
                }
            }
            // Every garbage datagram is either processed or, should the host fall behind, a counted kernel drop.
            Eventually.await(WAIT, () -> {
                Scrape s = Http.scrape(monitor.httpPort());
                double garbageSeen = s.value("omd_line_packets_total", "channel", "1", "line", "A")
                        + (s.has("omd_socket_drops_total") ? s.value("omd_socket_drops_total", "channel", "1", "line", "A") : 0);
                return s.value("omd_line_packets_total", "channel", "2", "line", "B") == 399
                        && s.value("omd_line_packets_total", "channel", "2", "line", "A") == 392
                        && garbageSeen == 8_000 ? null
                        : "not all arrived yet: " + s.find("omd_line_packets_total") + " drops " + s.find("omd_socket_drops_total");
            });
            Eventually.await(WAIT, () -> Http.scrape(monitor.httpPort()).value("omd_arbitrated_missing_messages_total",
                    "channel", "2") == 1 ? null : "arbitration not settled");
            Scrape s = Http.scrape(monitor.httpPort());
            for (Scrape.Sample d : s.find("omd_socket_drops_total", "channel", "2")) {
                assertEquals(0, d.value(), "kernel drops on the clean channel would make its counts meaningless: " + d.labels());
            }
            assertEquals(7, s.value("omd_line_gaps_total", "channel", "2", "line", "A"), "50..350; 400 is last, nothing reveals it");
            assertEquals(1, s.value("omd_line_gaps_total", "channel", "2", "line", "B"));
            assertEquals(1, s.value("omd_arbitrated_gaps_total", "channel", "2"));
            assertEquals(400, s.value("omd_channel_messages_total", "channel", "2") + 1);
            double malformed = s.find("omd_malformed_packets_total", "channel", "1", "line", "A").stream()
                    .mapToDouble(Scrape.Sample::value).sum();
            assertTrue(malformed > 1_000, "garbage is counted as malformed: " + malformed);
            assertEquals(200, Http.get(monitor.httpPort(), "/healthz").statusCode());
        }
    }

    @Test
    void missingInterfaceAtStartIsAClearErrorAndNothingStaysOpen() throws Exception {
        MonitorConfig good = TestConfigs.twoLines("");
        FeedConfig feed = good.feeds().get(0);
        ChannelConfig channel = feed.channels().get(0);
        LineConfig a = channel.lines().get(0);
        LineConfig b = channel.lines().get(1);
        LineConfig broken = new LineConfig(b.name(), b.site(), b.group(), b.port(), b.source(), "nosuch0");
        MonitorConfig config = new MonitorConfig(good.file(), good.instance(), good.site(), good.http(), good.liveness(),
                good.arbitrationWait(), good.receiver(), good.journal(), good.reportDir(), good.windows(),
                List.of(new FeedConfig(feed.name(), feed.protocol(), List.of(new ChannelConfig(channel.feed(), channel.id(),
                        channel.kind(), List.of(a, broken))))));
        long threadsBefore = rxThreads();
        ReceiverException e = assertThrows(ReceiverException.class, () -> Monitor.start(config));
        assertTrue(e.getMessage().contains("f/1 line B") && e.getMessage().contains("no network interface 'nosuch0'"), e.getMessage());
        Eventually.await(WAIT, () -> rxThreads() == threadsBefore ? null : "receive threads left running: " + rxThreads());
        assertEquals(List.of(), journalFiles(config), "a failed start leaves no trace in the journal");
    }

    @Test
    void anHttpPortInUseStopsTheStartAndLeavesNoTraceInTheJournal() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            MonitorConfig good = TestConfigs.twoLines("");
            MonitorConfig config = good.withHttp(good.http().withPort(taken.getLocalPort()));
            assertThrows(IllegalStateException.class, () -> Monitor.start(config));
            assertEquals(List.of(), journalFiles(config), "a failed start leaves no trace in the journal");
            try (Monitor again = Monitor.start(good)) {
                assertTrue(again.httpPort() > 0, "the lock was let go: the next start works");
            }
        }
    }

    private static List<String> journalFiles(MonitorConfig config) throws java.io.IOException {
        if (!Files.isDirectory(config.journal().dir())) {
            return List.of();
        }
        try (var files = Files.list(config.journal().dir())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).toList();
        }
    }

    /**
     * A journal folder that cannot be created stops the start with its name: without a journal there
     * is no window report, and the ops team must know before the window, not after. (Write errors
     * later, e.g. a full disk, are counted while monitoring goes on: JournalWriterTest.)
     */
    @Test
    void aJournalFolderThatCannotBeCreatedStopsTheStartAndNothingStaysOpen(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the journal folder should be");
        MonitorConfig base = TestConfigs.twoLines("");
        MonitorConfig config = base.withOutput(new JournalConfig(blocker.resolve("journal"), 30), dir.resolve("reports"));
        long threadsBefore = rxThreads();
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> Monitor.start(config));
        assertTrue(e.getMessage().startsWith("cannot use the journal folder " + blocker.resolve("journal").toAbsolutePath()
                + " (journal.dir)"), e.getMessage());
        assertEquals(threadsBefore, rxThreads(), "nothing was started");
        assertEquals("a file where the journal folder should be", Files.readString(blocker));
    }

    private static long rxThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("omd-rx")) {
                names.add(t.getName());
            }
        }
        return names.size();
    }
}
