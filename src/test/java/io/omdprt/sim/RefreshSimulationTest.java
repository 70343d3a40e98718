package io.omdprt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ConfigException;
import io.omdprt.config.MonitorConfig;
import io.omdprt.event.EventRecorder;
import io.omdprt.event.EventType;
import io.omdprt.event.MonitorEvent;
import io.omdprt.metrics.RefreshCollector;
import io.omdprt.monitor.Monitor;
import io.omdprt.net.MulticastSender;
import io.omdprt.report.ReportWriter;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.Http;
import io.omdprt.testing.Scrape;
import io.omdprt.testing.FaultScripts;
import io.omdprt.testing.TestConfigs;
import io.omdprt.time.MonitorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The simulator's refresh channel cycles every 2 s with LastSeqNum its real-time channel's last sequence number; a
 * scripted gap in a snapshot, a LastSeqNum ahead and a stall are each detected by a live monitor once, exactly as
 * the ground truth says, in its metrics, its events and the window's report line.
 */
class RefreshSimulationTest {
    @Test
    void refreshFaultsAreDetectedExactlyOnce() throws Exception {
        MonitorConfig config = TestConfigs.loopback("", 1, false, true);
        Scenario scenario = ScenarioLoader.parse("refresh.yaml", FaultScripts.REFRESH_FAULTS, config, 1.0);
        EventRecorder recorder = new EventRecorder();
        try (MulticastSink sink = new MulticastSink(MulticastSender.loopback());
             Monitor monitor = Monitor.start(config, new Monitor.Extensions(List.of(recorder)), MonitorClock.system())) {
            CompletableFuture<ReportWriter.Written> written = new CompletableFuture<>();
            monitor.recorder().onReport(written::complete);
            monitor.windows().open("rehearsal", Instant.now(), null, "refresh faults");
            Simulator simulator = new Simulator(config, scenario, sink, 5, MonitorClock.system()).lingerUntilStopped();
            Thread running = new Thread(simulator::run, "simulator");
            running.setDaemon(true);
            running.start();
            GroundTruth truth = simulator.truth();
            try {
                Eventually.await(Duration.ofSeconds(60), () -> simulator.scenarioDone() ? null : "running");
                Thread.sleep(500); // the last arbitration wait, the ahead grace and liveness ticks pass
                GroundTruth.ChannelTruth t = truth.channel("f", "101");
                assertEquals(1, t.refreshUnusableSnapshots);
                assertEquals(1, t.refreshAhead);
                assertEquals(1, t.refreshLastSeqDecreases);
                assertEquals(1, t.refreshStalls);
                assertTrue(t.refreshCompletes >= 7 && t.refreshCompletes <= 8, "completes every 2 s but for the stall: " + t.refreshCompletes);

                Scrape s = Http.scrape(monitor.httpPort());
                assertEquals(t.refreshCompletes, (long) s.value("omd_refresh_completes_total", "channel", "101"));
                assertEquals(1, s.value(RefreshCollector.UNUSABLE + "_total", "channel", "101"));
                assertEquals(1, s.value(RefreshCollector.AHEAD + "_total", "channel", "101"));
                assertEquals(1, s.value(RefreshCollector.DECREASES + "_total", "channel", "101"));
                assertEquals(1, s.value(RefreshCollector.STALLS + "_total", "channel", "101"));
                assertEquals(0, s.value(RefreshCollector.STALLED, "channel", "101"));
                assertEquals(t.refreshCompletes - 1, (long) s.value(RefreshCollector.INTERVAL + "_count", "channel", "101"));
                double typical = s.value(RefreshCollector.TYPICAL_INTERVAL, "channel", "101");
                assertTrue(typical >= 1.99 && typical <= 2.1, "typical interval " + typical);
                double lag = s.value(RefreshCollector.LAG, "channel", "101");
                assertTrue(lag >= 0 && lag < 50, "LastSeqNum is the real-time channel's last sequence number, give or take a tick: " + lag);
                assertEquals(1, s.find(RefreshCollector.INFO + "_info", "channel", "101", "realtime_channel", "1").size());
                assertEquals(0, s.value("omd_arbitrated_gaps_total", "channel", "1"), "the real-time channel lost nothing");

                for (FaultDetection.Result r : FaultDetection.detect(truth, recorder.events(),
                        Observed.of(monitor.channels(), monitor.clock().epochNanos()))) {
                    assertTrue(r.detected(), r.fault().description + ": " + r.seen());
                }
                List<MonitorEvent> refreshEvents = recorder.events().stream().filter(e -> e.type().label().startsWith("refresh_")).toList();
                assertEquals(List.of(EventType.REFRESH_UNUSABLE, EventType.REFRESH_AHEAD, EventType.REFRESH_DECREASED, EventType.REFRESH_STALL,
                        EventType.REFRESH_RESUMED), refreshEvents.stream().map(MonitorEvent::type).toList());

                io.omdprt.status.Status.Channel live = monitor.status().feeds().get(0).channels().stream()
                        .filter(c -> c.channel().equals("101")).findFirst().orElseThrow();
                for (String reason : List.of("refresh: 1 unusable snapshot (a gap inside)",
                        "refresh stalled once (no Refresh Complete for 3 typical intervals)",
                        "refresh: LastSeqNum above the real-time channel's high-water mark once",
                        "refresh: LastSeqNum decreased without a Sequence Reset once")) {
                    assertTrue(live.reasons().contains(reason), "the status page says what the report says: " + live.reasons());
                }

                monitor.windows().close("rehearsal", Instant.now());
                com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(written.get(15, TimeUnit.SECONDS).json().toFile());
                com.fasterxml.jackson.databind.JsonNode refresh = null;
                for (com.fasterxml.jackson.databind.JsonNode c : report.path("feeds").get(0).path("channels")) {
                    if (c.path("channel").asText().equals("101")) {
                        refresh = c;
                    }
                    if (c.path("channel").asText().equals("1")) {
                        assertTrue(c.path("refresh").isMissingNode(), "no refresh line for the real-time channel");
                    }
                }
                com.fasterxml.jackson.databind.JsonNode line = refresh.path("refresh");
                assertEquals(t.refreshCompletes, line.path("completes").asLong());
                assertEquals(List.of(1L, 1L, 1L, 1L), List.of(line.path("unusableSnapshots").asLong(), line.path("ahead").asLong(),
                        line.path("decreases").asLong(), line.path("stalls").asLong()));
                String reasons = refresh.path("reasons").toString();
                assertEquals("FAIL", refresh.path("verdict").asText(), "5 messages lost on every line of the refresh channel: " + reasons);
                assertTrue(reasons.contains("\"refresh: 1 unusable snapshot (a gap inside)\""), reasons);
                assertTrue(reasons.contains("\"refresh stalled once (no Refresh Complete for 3 typical intervals)\""), reasons);
                assertTrue(reasons.contains("\"refresh: LastSeqNum above the real-time channel's high-water mark once\""), reasons);
                assertTrue(reasons.contains("\"refresh: LastSeqNum decreased without a Sequence Reset once\""), reasons);
            } finally {
                simulator.stop();
                running.join(5_000);
            }
        }
    }

    @Test
    void refreshFaultsAreCheckedAgainstTheConfig() throws Exception {
        MonitorConfig config = TestConfigs.loopback("", 1, false, true);
        ConfigException notRefresh = assertThrows(ConfigException.class, () -> ScenarioLoader.parse("s.yaml", String.join("\n",
                "name: s", "duration: 30s", "faults:", "  - { at: 10s, type: refresh-stall, feed: f, channel: 1, for: 8s }", ""), config, 1.0));
        assertTrue(notRefresh.getMessage().contains("expected a refresh channel with realtime: set"), notRefresh.getMessage());
        ConfigException tooShort = assertThrows(ConfigException.class, () -> ScenarioLoader.parse("s.yaml", String.join("\n",
                "name: s", "duration: 30s", "faults:", "  - { at: 10s, type: refresh-stall, feed: f, channel: 101, for: 5s }", ""), config, 1.0));
        assertTrue(tooShort.getMessage().contains("expected at least 7s"), tooShort.getMessage());
        ConfigException tooEarly = assertThrows(ConfigException.class, () -> ScenarioLoader.parse("s.yaml", String.join("\n",
                "name: s", "duration: 30s", "faults:", "  - { at: 2s, type: refresh-stall, feed: f, channel: 101, for: 8s }", ""), config, 1.0));
        assertTrue(tooEarly.getMessage().contains("or later, once the monitor knows the refresh cycle"), tooEarly.getMessage());
        ConfigException tooLong = assertThrows(ConfigException.class, () -> ScenarioLoader.parse("s.yaml", String.join("\n",
                "name: s", "duration: 30s", "rate: 200", "faults:", "  - { at: 1s, type: refresh-gap, feed: f, channel: 101, messages: 21 }", ""),
                config, 1.0));
        assertTrue(tooLong.getMessage().contains("expected at most 20"), tooLong.getMessage());
    }
}
