package io.omdprt.rts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.event.Rts;
import io.omdprt.event.SeqRange;
import io.omdprt.event.MonitorEvent;
import io.omdprt.metrics.Metrics;
import io.omdprt.metrics.RtsCollector;
import io.omdprt.model.ChannelSet;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.sim.Published;
import io.omdprt.sim.RtsServer;
import io.omdprt.time.MonitorClock;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.TrackerListener;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * recover-check and probe against the simulator's RTS server: what is asked, what is journalled,
 * what the metrics say, and that the budget, the 101 stop and "never twice" hold.
 */
class RecoveryServiceTest {
    private static final String FEED = "omdc";
    private final Published published = new Published();
    private final List<MonitorEvent> events = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private RtsServer server;
    private ChannelTracker tracker;
    private long nextSeq = 1;

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private RecoveryService service(int budget, String modes) throws Exception {
        server = new RtsServer(published, FEED, 0, MonitorClock.system());
        closing.add(server);
        published.channel(FEED, "11");
        String yaml = String.join("\n",
                "feeds:",
                "  - name: " + FEED,
                "    protocol: omd-c",
                "    interface: 127.0.0.1",
                "    channels:",
                "      - id: 11",
                "        lines: [ { name: A, group: 239.1.1.1, port: 50001 } ]",
                "    rts:",
                "      primary: " + server.address(),
                "      username: vendor01",
                "      daily-budget: " + budget,
                "      logon-timeout: 1s",
                "      reply-timeout: 2s",
                "      modes: [" + modes + "]",
                modes.contains("probe") ? "      probe: { channel: 11, every: 1s, messages: 3 }" : "",
                "");
        MonitorConfig config = new ConfigLoader().parse("test.yaml", yaml);
        ChannelSet channels = ChannelSet.create(config, TrackerListener.NONE, System.nanoTime());
        tracker = channels.channels().get(0).tracker();
        RecoveryService s = new RecoveryService(config.feeds(), () -> channels, () -> true, MonitorClock.system(), ConfigLoader.HONG_KONG);
        s.start(events::add);
        closing.add(s);
        return s;
    }

    /** Publishes messages up to {@code last}: kept by the server, delivered to the tracker unless {@code lost}. */
    private void publish(long last, long lostFrom, long lostTo) {
        UnsafeBuffer b = new UnsafeBuffer(new byte[1500]);
        PacketEncoder enc = new PacketEncoder();
        for (; nextSeq <= last; nextSeq++) {
            byte[] m = new byte[32];
            UnsafeBuffer mb = new UnsafeBuffer(m);
            mb.putShort(0, (short) 32, ByteOrder.LITTLE_ENDIAN);
            mb.putShort(2, (short) 50, ByteOrder.LITTLE_ENDIAN);
            mb.putInt(4, (int) nextSeq, ByteOrder.LITTLE_ENDIAN);
            published.add(FEED, "11", nextSeq, m);
            if (nextSeq >= lostFrom && nextSeq <= lostTo) {
                continue;
            }
            enc.begin(b, 0, nextSeq, 0);
            int at = enc.message(50, 32);
            b.putBytes(at, m);
            int n = enc.finish();
            long now = System.nanoTime();
            tracker.onDatagram(0, b, 0, n, now, now);
        }
        tracker.onTick(System.nanoTime());
    }

    private <T> List<T> of(Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private RtsStats stats(RecoveryService s) {
        return s.stats().get(FEED);
    }

    @Test
    void aGapRtsRecoversIsJournalledWithItsStatusLatencyAndIntactMessages() throws Exception {
        RecoveryService s = service(50, "recover-check");
        publish(100, 41, 47);
        s.gap(s.feed(FEED), "11", 41, 47);

        Rts.Logon logon = of(Rts.Logon.class).get(0);
        assertEquals(OptionalLong.of(0), logon.sessionStatus());
        assertEquals("primary " + server.address() + ": session active", logon.detail());
        Rts.Request r = of(Rts.Request.class).get(0);
        assertEquals("11", r.where().channel());
        assertEquals(new SeqRange(41, 47), r.requested());
        assertEquals(OptionalLong.of(0), r.retransStatus());
        assertTrue(r.detail().matches("recover: RetransStatus 0 \\(request accepted\\); recovered 7 of 7 in \\d+ ms"), r.detail());
        assertEquals(7L, r.counts().get("received"));
        assertEquals(7L, r.counts().get("intact"));
        assertEquals(7, stats(s).recoveredMessages());
        assertEquals(1, stats(s).requests("accepted"));
        assertEquals(49, stats(s).budgetLeft());
        assertEquals(0, server.openNow() > 0 && stats(s).sessionUp() ? 1 : 0, "the session is closed after the check");

        // The same loss again (a second event for it): RTS is not asked twice.
        s.gap(s.feed(FEED), "11", 41, 47);
        assertEquals(1, server.requests());
        assertEquals("recover: already recovered: RTS is never asked twice for the same messages",
                of(Rts.NotTried.class).get(0).detail());
        // A wider loss around it asks only for what is still missing.
        s.gap(s.feed(FEED), "11", 38, 47);
        Rts.Request wider = of(Rts.Request.class).get(1);
        assertEquals(new SeqRange(38, 40), wider.requested());
    }

    @Test
    void metricsSayWhatHappened() throws Exception {
        RecoveryService s = service(5, "recover-check");
        publish(100, 41, 47);
        s.gap(s.feed(FEED), "11", 41, 47);
        server.faults().forcedStatus = 2;
        s.gap(s.feed(FEED), "11", 60, 61);
        try (Metrics m = new Metrics("t", "primary", "nio", MonitorClock.system())) {
            m.register(new RtsCollector(s.stats()));
            String text = new String(m.scrape("text/plain").body(), StandardCharsets.UTF_8);
            for (String line : List.of(
                    "omd_rts_session_up{feed=\"omdc\"} 0.0",
                    "omd_rts_budget_remaining_requests{feed=\"omdc\"} 3.0",
                    "omd_rts_logons_total{feed=\"omdc\"} 2.0",
                    "omd_rts_requests_total{feed=\"omdc\",status=\"accepted\"} 1.0",
                    "omd_rts_requests_total{feed=\"omdc\",status=\"not_available\"} 1.0",
                    "omd_rts_requests_total{feed=\"omdc\",status=\"daily_limit\"} 0.0",
                    "omd_rts_requests_total{feed=\"omdc\",status=\"no_response\"} 0.0",
                    "omd_rts_recovered_messages_total{feed=\"omdc\"} 7.0",
                    "omd_rts_content_mismatches_total{feed=\"omdc\"} 0.0")) {
                assertTrue(text.lines().anyMatch(l -> l.startsWith(line)), line + " in\n" + text);
            }
            assertTrue(text.contains("omd_rts_logon_seconds{feed=\"omdc\"}"), text);
        }
    }

    @Test
    void whatRtsCannotServeIsNotAskedOrIsRecordedAsUnrecoverable() throws Exception {
        RecoveryService s = service(50, "recover-check");
        publish(70_000, 69_990, 69_995);
        s.gap(s.feed(FEED), "11", 1, 10_001);
        s.gap(s.feed(FEED), "11", 10_000, 10_010);
        assertEquals(0, server.requests());
        List<Rts.NotTried> not = of(Rts.NotTried.class);
        assertEquals("recover: longer than 10000 messages, the most RTS retransmits per request", not.get(0).detail());
        assertEquals("recover: older than the last 50000 messages RTS keeps per channel", not.get(1).detail());

        server.faults().forcedStatus = 2;
        s.gap(s.feed(FEED), "11", 69_990, 69_995);
        Rts.Request r = of(Rts.Request.class).get(0);
        assertEquals(OptionalLong.of(2), r.retransStatus());
        assertEquals("recover: RetransStatus 2 (messages not available)", r.detail());
        assertEquals(0L, r.counts().get("intact"));
        assertEquals(0, stats(s).recoveredMessages());
    }

    @Test
    void status101StopsEveryRequestForTheDay() throws Exception {
        RecoveryService s = service(50, "recover-check");
        publish(100, 0, 0);
        server.faults().dailyLimit = 0;
        s.gap(s.feed(FEED), "11", 10, 12);
        s.gap(s.feed(FEED), "11", 20, 22);
        assertEquals(1, server.requests());
        assertEquals(OptionalLong.of(101), of(Rts.Request.class).get(0).retransStatus());
        assertEquals("recover: the server's daily request limit was reached (status 101): no more requests today",
                of(Rts.NotTried.class).get(0).detail());
        assertEquals(0, stats(s).budgetLeft());
        assertEquals(1, stats(s).requests("daily_limit"));
        assertEquals(1, server.logons(), "not even a logon after the 101");
    }

    @Test
    void aRefusedLogonLeavesTheGapNotTriedAndSpendsNoBudget() throws Exception {
        RecoveryService s = service(50, "recover-check");
        publish(100, 0, 0);
        server.faults().logonStatus = 5;
        s.gap(s.feed(FEED), "11", 10, 12);
        assertEquals(OptionalLong.of(5), of(Rts.Logon.class).get(0).sessionStatus());
        assertEquals("recover: no RTS session: invalid username or IP address", of(Rts.NotTried.class).get(0).detail());
        assertEquals(50, s.feed(FEED).budget.left());
        assertEquals(0, server.requests());
    }

    /** Property: whatever the gaps, never more requests than the budget, and no message asked for twice once recovered. */
    @Test
    void theBudgetIsNeverExceeded() throws Exception {
        long seed = Long.getLong("rts.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int round = 0; round < 8; round++) {
            close();
            closing.clear();
            events.clear();
            nextSeq = 1;
            int budget = 1 + random.nextInt(6);
            RecoveryService s = service(budget, "recover-check");
            publish(60_000, 0, 0);
            int gaps = random.nextInt(20);
            for (int g = 0; g < gaps; g++) {
                long from = 1 + random.nextInt(60_000);
                long to = Math.min(60_000, from + (random.nextInt(4) == 0 ? random.nextInt(20_000) : random.nextInt(30)));
                if (random.nextInt(5) == 0) {
                    server.faults().forcedStatus = random.nextBoolean() ? 2 : 1;
                } else {
                    server.faults().forcedStatus = null;
                }
                s.gap(s.feed(FEED), "11", from, to);
            }
            String where = "seed " + seed + " round " + round + " budget " + budget;
            assertTrue(server.requests() <= budget, where + ": " + server.requests() + " requests");
            assertEquals(server.requests(), of(Rts.Request.class).size(), where);
            TreeMap<Long, Long> recovered = new TreeMap<>();
            for (Rts.Request r : of(Rts.Request.class)) {
                assertNull(RecoveryService.unrecovered(recovered, r.requested().first(), r.requested().last()) == null ? "asked twice" : null,
                        where);
                if (r.retransStatus().equals(OptionalLong.of(0))) {
                    recovered.put(r.requested().first(), r.requested().last());
                }
            }
        }
    }

    @Test
    void aProbeComparesRetransmittedBytesWithWhatMulticastDelivered() throws Exception {
        RecoveryService s = service(50, "probe");
        publish(10, 0, 0);
        AtomicBoolean stop = new AtomicBoolean();
        Thread feed = new Thread(() -> {
            while (!stop.get()) {
                synchronized (this) {
                    publish(nextSeq + 1, 0, 0);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        feed.start();
        closing.add(0, () -> {
            stop.set(true);
            feed.join();
        });
        // The window is active from the start: the first probe runs at once, then every second.
        io.omdprt.testing.Eventually.await(Duration.ofSeconds(20), () -> of(Rts.Request.class).isEmpty() ? "no probe yet" : null);
        Rts.Request r = of(Rts.Request.class).get(0);
        assertEquals(OptionalLong.of(0), r.retransStatus());
        assertEquals(3L, r.requested().messages());
        assertTrue(r.detail().matches("probe: RetransStatus 0 \\(request accepted\\); retransmitted 3 of 3 in \\d+ ms; "
                + "content identical to multicast \\(3 compared\\)"), r.detail());
        assertEquals(3L, r.counts().get("compared"));
        assertEquals(0L, r.counts().get("mismatched"));

        server.faults().corruptContent = true;
        io.omdprt.testing.Eventually.await(Duration.ofSeconds(20), () -> of(Rts.Request.class).stream()
                .anyMatch(e -> e.detail().contains("DIFFERS")) ? null : "no corrupted probe yet");
        Rts.Request bad = of(Rts.Request.class).stream().filter(e -> e.detail().contains("DIFFERS")).findFirst().orElseThrow();
        assertTrue(bad.detail().endsWith("; CONTENT DIFFERS from multicast in 3 of 3"), bad.detail());
        assertEquals(3L, bad.counts().get("mismatched"));
        assertTrue(stats(s).contentMismatches() >= 3);
        assertEquals(0, stats(s).recoveredMessages(), "a probe recovers nothing");
    }
}
