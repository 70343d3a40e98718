package io.omdprt.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.event.EventType;
import io.omdprt.event.MonitorEvent;
import io.omdprt.journal.JournalReader;
import io.omdprt.net.MulticastSender;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.Http;
import io.omdprt.testing.Scrape;
import io.omdprt.testing.TestConfigs;
import io.omdprt.time.ManualClock;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end over real loopback multicast: packets with known loss are sent on lines A and B (TTL 0,
 * interface 127.0.0.1), and /metrics scraped over HTTP must show exactly the expected values.
 */
class LiveMonitorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private MonitorConfig config;
    private Monitor monitor;
    private MulticastSender sender;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1500]);
    private final PacketEncoder encoder = new PacketEncoder();

    @BeforeEach
    void start() throws Exception {
        config = TestConfigs.twoLines("");
        sender = MulticastSender.loopback();
        monitor = Monitor.start(config);
    }

    @AfterEach
    void stop() throws Exception {
        sender.close();
        monitor.close();
    }

    private InetSocketAddress group(String line) {
        for (LineConfig l : config.feeds().get(0).channels().get(0).lines()) {
            if (l.name().equals(line)) {
                return l.groupAddress();
            }
        }
        throw new IllegalArgumentException(line);
    }

    private void data(String line, long seq, int count) throws Exception {
        encoder.begin(buffer, 0, seq, System.currentTimeMillis() * 1_000_000L);
        for (int i = 0; i < count; i++) {
            encoder.message(50, 32);
        }
        sender.send(buffer.byteArray(), encoder.finish(), group(line));
    }

    private void heartbeat(String line, long lastSeq) throws Exception {
        sender.send(buffer.byteArray(), encoder.heartbeat(buffer, 0, lastSeq, System.currentTimeMillis() * 1_000_000L), group(line));
    }

    private static String[] line(String name) {
        return new String[] {"feed", "f", "channel", "1", "line", name};
    }

    private static final String[] CHANNEL = {"feed", "f", "channel", "1"};

    @Test
    void knownLossIsCountedExactlyAndOutagesAreSeen() throws Exception {
        // Messages 1..12, one per packet. A loses 4, 5 and 9; B loses 7 and 9: only 9 is lost for real.
        for (long seq = 1; seq <= 12; seq++) {
            if (seq != 4 && seq != 5 && seq != 9) {
                data("A", seq, 1);
            }
            if (seq != 7 && seq != 9) {
                data("B", seq, 1);
            }
        }
        long lastOnA = System.nanoTime();
        Eventually.await(WAIT, () -> {
            Scrape s = Http.scrape(monitor.httpPort());
            double arb = s.value("omd_arbitrated_missing_messages_total", CHANNEL);
            return arb == 1 && s.value("omd_line_packets_total", line("B")) == 10 ? null : "arbitrated missing " + arb;
        });
        Scrape s = Http.scrape(monitor.httpPort());
        assertEquals(9, s.value("omd_line_packets_total", line("A")));
        assertEquals(10, s.value("omd_line_packets_total", line("B")));
        assertEquals(2, s.value("omd_line_gaps_total", line("A")));
        assertEquals(3, s.value("omd_line_missing_messages_total", line("A")));
        assertEquals(2, s.value("omd_line_gaps_total", line("B")));
        assertEquals(2, s.value("omd_line_missing_messages_total", line("B")));
        assertEquals(1, s.value("omd_arbitrated_gaps_total", CHANNEL));
        assertEquals(1, s.value("omd_arbitrated_missing_messages_total", CHANNEL));
        assertEquals(11, s.value("omd_channel_messages_total", CHANNEL));
        assertEquals(0, s.value("omd_line_outages_total", line("A")));
        assertEquals(1, s.value("omd_line_up", line("A")));
        assertEquals(1, s.value("omd_channel_up", CHANNEL));

        // A falls silent while B keeps heartbeating: A goes down after stale-after (1 s), the channel stays up.
        Eventually.await(WAIT, () -> {
            heartbeat("B", 12);
            Scrape now = Http.scrape(monitor.httpPort());
            return now.value("omd_line_up", line("A")) == 0 ? null : "A still up";
        });
        assertTrue(System.nanoTime() - lastOnA >= 1_000_000_000L, "not down before stale-after");
        Scrape down = Http.scrape(monitor.httpPort());
        assertEquals(1, down.value("omd_line_outages_total", line("A")));
        assertEquals(1, down.value("omd_line_up", line("B")));
        assertEquals(1, down.value("omd_channel_up", CHANNEL));
        assertTrue(down.value("omd_line_outage_seconds_total", line("A")) >= 1.0, "the outage so far counts");

        heartbeat("A", 12);
        Eventually.await(WAIT, () -> Http.scrape(monitor.httpPort()).value("omd_line_up", line("A")) == 1 ? null : "A still down");
        Scrape up = Http.scrape(monitor.httpPort());
        assertEquals(1, up.value("omd_line_outages_total", line("A")));
        assertEquals(0, up.value("omd_line_outages_total", line("B")));
        assertEquals(0, up.value("omd_channel_outages_total", CHANNEL));
        assertEquals(1, up.value("omd_arbitrated_missing_messages_total", CHANNEL), "heartbeat 12 reveals nothing new");
    }

    @Test
    void everySeriesExistsAtZeroFromStartUp() throws Exception {
        Scrape s = Http.scrape(monitor.httpPort());
        for (String name : new String[] {"omd_line_packets_total", "omd_line_gaps_total", "omd_line_missing_messages_total",
                "omd_line_duplicate_messages_total", "omd_line_late_messages_total", "omd_line_outages_total",
                "omd_line_outage_seconds_total"}) {
            assertEquals(0, s.value(name, line("A")), name);
            assertEquals(0, s.value(name, line("B")), name);
        }
        for (String name : new String[] {"omd_arbitrated_gaps_total", "omd_arbitrated_missing_messages_total",
                "omd_sequence_resets_total", "omd_channel_outages_total", "omd_dr_status"}) {
            assertEquals(0, s.value(name, CHANNEL), name);
        }
        assertEquals(0, s.value("omd_malformed_packets_total", "line", "A", "reason", "size_mismatch"));
        assertEquals(1, s.value("omd_monitor_info", "monitor", "test", "monitor_site", "primary"));
        assertTrue(s.has("jvm_memory_used_bytes"), "JVM metrics");
        assertTrue(s.has("process_cpu_usage"), "process metrics");
        if (monitor.receiver().transportName().equals("epoll")) {
            assertEquals(0, s.value("omd_socket_drops_total", line("A")), "kernel drops on Linux with epoll");
            assertTrue(s.value("omd_socket_receive_buffer_bytes", line("A")) > 0);
        }
    }

    @Test
    void arrivalsAreTimedOnTheSystemClock() throws Exception {
        // Window boundaries come from the system clock: an event timed on another clock could fall
        // outside a window it happened in. A packet sent after `before` cannot have arrived earlier.
        java.time.Instant before = java.time.Instant.now();
        data("A", 1, 1);
        double[] arrival = new double[1];
        Eventually.await(WAIT, () -> {
            // The timestamp gauge is published on the next liveness tick, after the packet count.
            arrival[0] = Http.scrape(monitor.httpPort()).value("omd_line_last_packet_timestamp_seconds", line("A"));
            return arrival[0] > 0 ? null : "no arrival published yet";
        });
        java.time.Instant after = java.time.Instant.now();
        double from = before.getEpochSecond() + before.getNano() / 1e9;
        double to = after.getEpochSecond() + after.getNano() / 1e9;
        assertTrue(arrival[0] >= from - 1e-6 && arrival[0] <= to + 1e-6,
                String.format("arrival %.6f outside [%.6f, %.6f]", arrival[0], from, to));
    }

    @Test
    void theJournalAndTheTrackersTellTheTimeOfTheOneInjectedClock() throws Exception {
        // A time no host clock would show: the monitor_start record (the recorder), the line gap (a
        // tracker's event, from the datagram's arrival) and the arrival gauge must all say it.
        Instant t = Instant.parse("2031-05-06T07:08:09.123456789Z");
        restartAt(t);
        data("A", 1, 1);
        data("A", 3, 1);
        double[] arrival = new double[1];
        Eventually.await(WAIT, () -> {
            Scrape s = Http.scrape(monitor.httpPort());
            arrival[0] = s.value("omd_line_last_packet_timestamp_seconds", line("A"));
            return s.value("omd_line_gaps_total", line("A")) == 1 && arrival[0] > 0 ? null : "no gap or no arrival published yet";
        });
        assertEquals(t.getEpochSecond() + t.getNano() / 1e9, arrival[0], 1e-6, "the arrival gauge");
        assertTrue(monitor.recorder().journal().sync(5, TimeUnit.SECONDS));
        List<MonitorEvent> journal = JournalReader.readAll(config.journal().dir()).events();
        assertEquals(List.of(t), times(journal, EventType.MONITOR_START), "the recorder's monitor_start");
        assertEquals(List.of(t), times(journal, EventType.LINE_GAP), "the tracker's line gap");
    }

    @Test
    void feedLatencyAndItsNegativeSamplesAreScrapedExactly() throws Exception {
        // The receive clock stands still at t: each packet's latency is t minus its SendTime.
        Instant t = Instant.parse("2031-05-06T07:08:09Z");
        restartAt(t);
        long now = t.getEpochSecond() * 1_000_000_000L;
        long[] sendTimes = {now - 3_000_000L, now - 40_000_000L, now + 2_000_000L}; // 3 ms, 40 ms, SendTime after our clock
        for (int i = 0; i < sendTimes.length; i++) {
            encoder.begin(buffer, 0, i + 1, sendTimes[i]);
            encoder.message(50, 32);
            sender.send(buffer.byteArray(), encoder.finish(), group("A"));
        }
        Eventually.await(WAIT, () -> Http.scrape(monitor.httpPort()).value("omd_feed_latency_seconds_count", line("A")) == 3
                ? null : "not all three latencies recorded yet");
        Scrape s = Http.scrape(monitor.httpPort());
        assertEquals(0.043, s.value("omd_feed_latency_seconds_sum", line("A")), 1e-12, "the negative one counts as 0");
        assertEquals(1, s.value("omd_feed_latency_negative_samples_total", line("A")));
        String[] upTo5ms = {"feed", "f", "channel", "1", "line", "A", "le", "0.005"};
        String[] upTo50ms = {"feed", "f", "channel", "1", "line", "A", "le", "0.05"};
        assertEquals(2, s.value("omd_feed_latency_seconds_bucket", upTo5ms));
        assertEquals(3, s.value("omd_feed_latency_seconds_bucket", upTo50ms));
        assertEquals(0, s.value("omd_feed_latency_seconds_count", line("B")));
    }

    /** The monitor again, on a clock that stands at {@code t}. */
    private void restartAt(Instant t) throws Exception {
        monitor.close();
        config = TestConfigs.twoLines("");
        monitor = Monitor.start(config, Monitor.Extensions.none(), ManualClock.at(t));
    }

    private static List<Instant> times(List<MonitorEvent> events, EventType type) {
        return events.stream().filter(e -> e.type() == type).map(MonitorEvent::time).toList();
    }

    @Test
    void kernelDropsAreReportedOnTheNioTransportToo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/net/udp")), "skipped: not Linux: the kernel keeps no per-socket drop count to read");
        try (Monitor nio = Monitor.start(TestConfigs.twoLines("receiver: { transport: nio }\n"))) {
            assertEquals("nio", nio.receiver().transportName());
            Scrape s = Http.scrape(nio.httpPort());
            assertEquals(0, s.value("omd_socket_drops_total", line("A")), "found by the socket's bound address");
            assertEquals(0, s.value("omd_socket_drops_total", line("B")));
        }
    }

    @Test
    void linesSharingAPortNeverReceiveEachOthersPackets() throws Exception {
        assertEquals(group("A").getPort(), group("B").getPort(), "the test config puts both lines on one port");
        for (long seq = 1; seq <= 50; seq++) {
            data("A", seq, 1);
        }
        Eventually.await(WAIT, () -> {
            double a = Http.scrape(monitor.httpPort()).value("omd_line_packets_total", line("A"));
            return a == 50 ? null : "A has " + a;
        });
        heartbeat("B", 0);
        Eventually.await(WAIT, () -> {
            double b = Http.scrape(monitor.httpPort()).value("omd_line_heartbeats_total", line("B"));
            return b == 1 ? null : "B heartbeats " + b;
        });
        Scrape s = Http.scrape(monitor.httpPort());
        assertEquals(1, s.value("omd_line_packets_total", line("B")), "B got only its own heartbeat");
        assertEquals(50, s.value("omd_line_packets_total", line("A")));
        assertEquals(0, s.value("omd_line_heartbeats_total", line("A")), "A did not get B's heartbeat");
    }

    @Test
    void malformedDatagramsAreCountedAndTrackingGoesOn() throws Exception {
        data("A", 1, 2);
        sender.send(new byte[] {1, 2, 3}, 3, group("A"));
        byte[] lying = new byte[40];
        lying[0] = 16;
        sender.send(lying, lying.length, group("A"));
        data("A", 3, 2);
        Eventually.await(WAIT, () -> {
            Scrape s = Http.scrape(monitor.httpPort());
            return s.value("omd_line_packets_total", line("A")) == 4 ? null : "packets " + s.value("omd_line_packets_total", line("A"));
        });
        Scrape s = Http.scrape(monitor.httpPort());
        assertEquals(1, s.value("omd_malformed_packets_total", "line", "A", "reason", "too_short"));
        assertEquals(1, s.value("omd_malformed_packets_total", "line", "A", "reason", "size_mismatch"));
        assertEquals(0, s.value("omd_line_gaps_total", line("A")));
        assertEquals(4, s.value("omd_line_messages_total", line("A")));
    }

    @Test
    void statusPageListsEveryChannelAndTheApiAnswers() throws Exception {
        HttpResponse<String> page = Http.get(monitor.httpPort(), "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<h2>f "), "feed heading");
        assertTrue(page.body().contains("<b>1</b> realtime"), "channel row");
        assertTrue(page.body().contains(group("A").getAddress().getHostAddress()), "line A endpoint");
        assertTrue(page.body().contains("http-equiv=\"refresh\""), "refreshes itself");
        assertTrue(!page.body().contains("src=\"http") && !page.body().contains("href=\"http"), "no external assets");

        HttpResponse<String> status = Http.get(monitor.httpPort(), "/api/status");
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("\"channel\" : \"1\""), status.body());
        assertEquals(200, Http.get(monitor.httpPort(), "/healthz").statusCode());
        assertEquals(404, Http.get(monitor.httpPort(), "/nope").statusCode());
        assertEquals(405, Http.send(monitor.httpPort(), "DELETE", "/metrics", null).statusCode());
    }

    @Test
    void openMetricsWhenTheScraperAsksForIt() throws Exception {
        HttpResponse<String> r = Http.send(monitor.httpPort(), "GET", "/metrics", null,
                "Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/openmetrics-text"),
                r.headers().toString());
        assertTrue(r.body().trim().endsWith("# EOF"));
        HttpResponse<String> plain = Http.get(monitor.httpPort(), "/metrics");
        assertTrue(plain.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
    }
}
