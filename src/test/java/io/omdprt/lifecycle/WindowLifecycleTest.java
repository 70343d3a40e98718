package io.omdprt.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.JournalRecords;
import io.omdprt.testing.MonitorProcess;
import io.omdprt.testing.TestConfigs;
import io.omdprt.testing.TestPublisher;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PRT window's whole life with the real monitor process: kills and restarts inside it, a second
 * instance started by mistake, a window opened just before traffic, an open-ended window rebuilt
 * with {@code report}, a reused name, loss before the window, and a DR Signal with a repeated
 * SeqNum — each checked against what the test did, to about a second. The assertions read the
 * report and status as JSON trees, so {@code -Dlifecycle.classpath=OLD.jar} runs the same scenarios
 * against an older build (they fail there).
 */
class WindowLifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "lifecycle-token-1";
    private static final double SECOND = 1.2;

    @TempDir
    Path dir;

    /** A config on fresh loopback groups: channel 1 (lines A, B) and optionally a DR channel. */
    private final class Setup {
        final Path config = dir.resolve("monitor.yaml");
        final Path journal = dir.resolve("journal");
        final Path reports = dir.resolve("reports");
        final List<InetSocketAddress> lines = new ArrayList<>();
        final List<InetSocketAddress> drLines = new ArrayList<>();

        Setup(String windowsYaml, int httpPort, boolean dr) throws Exception {
            StringBuilder y = new StringBuilder("instance: lifecycle\n")
                    .append("http: { bind: 127.0.0.1, port: ").append(httpPort).append(", window-token: ").append(TOKEN).append(" }\n")
                    .append("liveness: { heartbeat-interval: 300ms, stale-after: 1s, check-interval: 20ms }\n")
                    .append("arbitration: { wait: 100ms }\n")
                    .append("journal: { dir: ").append(journal).append(" }\n")
                    .append("reports: { dir: ").append(reports).append(" }\n")
                    .append(windowsYaml.isEmpty() ? "" : "windows:\n" + windowsYaml)
                    .append("feeds:\n  - name: f\n    protocol: omd-c\n    interface: 127.0.0.1\n    channels:\n      - id: 1\n        lines:\n");
            pair(y, "          ", lines);
            if (dr) {
                y.append("    dr-signal:\n      lines:\n");
                pair(y, "        ", drLines);
            }
            Files.writeString(config, y.toString());
        }

        private void pair(StringBuilder y, String indent, List<InetSocketAddress> out) throws Exception {
            int port = TestConfigs.freeUdpPort();
            for (String name : new String[] {"A", "B"}) {
                String group = TestConfigs.randomGroup();
                while (taken(group)) {
                    group = TestConfigs.randomGroup();
                }
                out.add(new InetSocketAddress(group, port));
                y.append(indent).append("- { name: ").append(name).append(", group: ").append(group).append(", port: ").append(port)
                        .append(" }\n");
            }
        }

        private boolean taken(String group) {
            return Stream.concat(lines.stream(), drLines.stream()).anyMatch(a -> a.getHostString().equals(group));
        }

        MonitorProcess monitor(String name, String... extra) throws Exception {
            List<String> args = new ArrayList<>(List.of("monitor", "--config", config.toString()));
            args.addAll(List.of(extra));
            return MonitorProcess.start(dir.resolve(name + ".log"), args.toArray(new String[0]));
        }

        TestPublisher publisher() throws Exception {
            return new TestPublisher(lines, drLines);
        }

        /** Rebuilds every report of a window with the CLI; the reports found, oldest first. */
        List<JsonNode> rebuild(String window) throws Exception {
            Path out = dir.resolve("rebuilt-" + window + "-" + System.nanoTime());
            MonitorProcess.Result r = MonitorProcess.run(Duration.ofSeconds(60), "report", journal.toString(), "--window", window,
                    "--out", out.toString());
            assertEquals(0, r.exit(), "report exits 0: " + r.output());
            return reportsUnder(out);
        }

        /** Every journal record, as JSON. */
        List<JsonNode> records() throws Exception {
            return JournalRecords.all(journal);
        }

        long count(String type) throws Exception {
            return records().stream().filter(r -> type.equals(r.path("type").asText())).count();
        }

        Instant last(String type) throws Exception {
            return records().stream().filter(r -> type.equals(r.path("type").asText())).map(r -> Instant.parse(r.path("time").asText()))
                    .reduce((a, b) -> b).orElseThrow();
        }
    }

    private static List<JsonNode> reportsUnder(Path root) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
                out.add(JSON.readTree(f.toFile()));
            }
        }
        out.sort((a, b) -> a.path("window").path("start").asText().compareTo(b.path("window").path("start").asText()));
        return out;
    }

    /** A window from a minute ago to {@code secondsLeft} from now, in a zone where it is around noon (no midnight in it). */
    private static String windowEndingIn(String name, int secondsLeft) {
        ZoneOffset zone = ZoneOffset.ofHours(12 - LocalTime.now(ZoneOffset.UTC).getHour());
        LocalDateTime now = LocalDateTime.now(zone);
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss");
        return "  - { name: " + name + ", date: " + now.toLocalDate() + ", start: \"" + hms.format(now.minusMinutes(1)) + "\", end: \""
                + hms.format(now.plusSeconds(secondsLeft)) + "\", zone: \"" + zone.getId() + "\" }\n";
    }

    private static int freeTcpPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static JsonNode api(int port, String method, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/" + (body == null ? "status" : "windows")))
                .timeout(Duration.ofSeconds(10));
        if (body != null) {
            b.header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(2, r.statusCode() / 100, method + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode channel(JsonNode report, String feed, String channel) {
        for (JsonNode f : report.path("feeds")) {
            for (JsonNode c : f.path("channels")) {
                if (f.path("name").asText().equals(feed) && c.path("channel").asText().equals(channel)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no channel " + feed + "/" + channel + " in " + report);
    }

    private static List<JsonNode> outages(JsonNode channel, String line) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode o : channel.path("outageList")) {
            if (line == null ? o.path("line").isNull() || o.path("line").isMissingNode() : line.equals(o.path("line").asText())) {
                out.add(o);
            }
        }
        return out;
    }

    private static double seconds(Instant a, Instant b) {
        return Duration.between(a, b).toMillis() / 1e3;
    }

    @Test
    void killInsideAWindowWithTrafficShowsTheDowntimeToASecondAndNoOutage() throws Exception {
        Setup s = new Setup(TestConfigs.windowCoveringNow("PRT-KILL"), 0, false);
        try (TestPublisher pub = s.publisher().start(); MonitorProcess first = s.monitor("first")) {
            first.awaitServing(Duration.ofSeconds(30));
            Eventually.await(Duration.ofSeconds(10), () -> s.count("window_start") > 0 ? null : "window not started");
            Instant started = s.last("monitor_start");
            // Killed 4 s into the run: a record every second bounds the downtime; one every 5 s would not.
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), started.plusMillis(4_000)).toMillis()));
            Instant killed = Instant.now();
            first.kill();
            Thread.sleep(2_000);
            try (MonitorProcess second = s.monitor("second")) {
                second.awaitServing(Duration.ofSeconds(30));
                Eventually.await(Duration.ofSeconds(10), () -> s.count("monitor_start") == 2 ? null : "second run not journalled yet");
                Instant restarted = s.last("monitor_start");
                Thread.sleep(2_500);
                second.stop();
                JsonNode report = s.rebuild("PRT-KILL").get(0);
                List<JsonNode> downtime = new ArrayList<>();
                report.path("monitor").path("downtime").forEach(d -> {
                    if (d.path("reason").asText().equals("crashed")) {
                        downtime.add(d);
                    }
                });
                assertEquals(1, downtime.size(), "one crash: " + report.path("monitor"));
                double actual = seconds(killed, restarted);
                assertEquals(actual, downtime.get(0).path("seconds").asDouble(), SECOND, "downtime to about a second: " + downtime);
                JsonNode c = channel(report, "f", "1");
                assertEquals(0, c.path("outageList").size(), "traffic never stopped: no outage " + c);
                assertEquals(0, c.path("arbitratedGaps").asLong());
                assertEquals("WARN", report.path("verdict").asText(), "unobserved for part of the window: " + report.path("reasons"));
                assertTrue(report.path("reasons").toString().contains("not running"), report.path("reasons").toString());
            }
        }
    }

    @Test
    void killWhileEveryLineIsDarkIsOneOutageToTheWindowEndWithTheDowntimeInside() throws Exception {
        Setup s = new Setup(windowEndingIn("PRT-DARK", 14), 0, false);
        Instant windowEnd;
        try (TestPublisher pub = s.publisher().start(); MonitorProcess first = s.monitor("first")) {
            first.awaitServing(Duration.ofSeconds(30));
            Thread.sleep(1_500);
            pub.dark(true);
            Instant dark = Instant.now();
            Eventually.await(Duration.ofSeconds(10), () -> s.count("channel_down") > 0 ? null : "channel not down yet");
            Thread.sleep(500);
            first.kill();
            Instant lastRecord = s.records().stream().map(r -> Instant.parse(r.path("time").asText())).max(Instant::compareTo).orElseThrow();
            Thread.sleep(2_000);
            try (MonitorProcess second = s.monitor("second")) {
                second.awaitServing(Duration.ofSeconds(30));
                Eventually.await(Duration.ofSeconds(10), () -> s.count("monitor_start") == 2 ? null : "second run not journalled yet");
                Instant restarted = s.last("monitor_start");
                Eventually.await(Duration.ofSeconds(30), () -> s.count("window_end") > 0 ? null : "window not ended yet");
                windowEnd = Instant.parse(s.records().stream().filter(r -> r.path("type").asText().equals("window_end"))
                        .findFirst().orElseThrow().path("until").asText());
                second.stop();
                JsonNode report = s.rebuild("PRT-DARK").get(0);
                JsonNode c = channel(report, "f", "1");
                for (String line : new String[] {null, "A", "B"}) {
                    List<JsonNode> o = outages(c, line);
                    assertEquals(1, o.size(), "one continuous outage of " + (line == null ? "the channel" : "line " + line) + ": " + o);
                    assertEquals(seconds(dark, windowEnd), o.get(0).path("seconds").asDouble(), SECOND, "dark from " + dark + ": " + o);
                    assertEquals(seconds(lastRecord, restarted), o.get(0).path("unobservedSeconds").asDouble(), SECOND,
                            "the monitor's downtime inside it: " + o);
                }
                assertEquals("FAIL", c.path("verdict").asText());
            }
        }
    }

    @Test
    void aSecondInstanceOnTheSameJournalExitsAndWritesNothing() throws Exception {
        int port = freeTcpPort();
        Setup s = new Setup(TestConfigs.windowCoveringNow("PRT-TWO"), port, false);
        try (MonitorProcess first = s.monitor("first")) {
            first.awaitServing(Duration.ofSeconds(30));
            Eventually.await(Duration.ofSeconds(10), () -> s.count("window_start") > 0 ? null : "window not started");
            MonitorProcess.Result second = MonitorProcess.run(Duration.ofSeconds(60), "monitor", "--config", s.config.toString());
            assertEquals(1, second.exit(), second.output());
            assertTrue(second.output().contains(s.journal.toAbsolutePath().toString()) && second.output().contains("PID " + first.pid()),
                    "names the folder and the PID holding it: " + second.output());
            assertEquals(1, s.count("monitor_start"), "the second instance wrote nothing");
            Thread.sleep(1_500);
            first.stop();
        }
        JsonNode report = s.rebuild("PRT-TWO").get(0);
        assertNotEquals("PASS", report.path("verdict").asText(), "every line was dark");
        for (JsonNode d : report.path("monitor").path("downtime")) {
            assertNotEquals("crashed", d.path("reason").asText(), "no invented crash: " + d);
        }
    }

    @Test
    void aWindowOpenedJustBeforeTrafficStartsIsNotAnOutage() throws Exception {
        Setup s = new Setup("", 0, false);
        try (TestPublisher pub = s.publisher(); MonitorProcess m = s.monitor("monitor")) {
            int port = m.awaitServing(Duration.ofSeconds(30));
            Thread.sleep(2_500); // no traffic yet: the lines are down since the monitor's start
            api(port, "open", "{\"action\":\"open\",\"name\":\"late-traffic\"}");
            Thread.sleep(300);
            JsonNode status = api(port, "status", null);
            JsonNode line = status.path("feeds").get(0).path("channels").get(0).path("lines").get(0);
            assertEquals("not received yet", line.path("state").asText(), "the window is younger than stale-after: " + line);
            pub.start();
            Thread.sleep(3_000);
            api(port, "close", "{\"action\":\"close\",\"name\":\"late-traffic\"}");
            Eventually.await(Duration.ofSeconds(20), () -> reportsUnder(s.reports).isEmpty() ? "no report yet" : null);
            JsonNode report = reportsUnder(s.reports).get(0);
            JsonNode c = channel(report, "f", "1");
            assertEquals(0, c.path("outageList").size(), "traffic began within stale-after of the window: " + c);
            assertEquals("PASS", report.path("verdict").asText(), report.toString());
            m.stop();
        }
    }

    @Test
    void anOpenEndedWindowIsRebuiltWithReport() throws Exception {
        Setup s = new Setup("", 0, false);
        Instant stopped;
        try (TestPublisher pub = s.publisher().start(); MonitorProcess m = s.monitor("monitor", "--open-window", "adhoc")) {
            m.awaitServing(Duration.ofSeconds(30));
            Thread.sleep(2_000);
            m.stop();
            stopped = Instant.now();
        }
        List<JsonNode> reports = s.rebuild("adhoc");
        assertEquals(1, reports.size());
        JsonNode w = reports.get(0).path("window");
        assertEquals(seconds(Instant.parse(w.path("end").asText()), stopped), 0, 2.0, "ends at the stop: " + w);
        assertEquals("PASS", reports.get(0).path("verdict").asText(), reports.get(0).toString());
    }

    @Test
    void aReusedWindowNameKeepsBothReports() throws Exception {
        Setup s = new Setup("", 0, false);
        try (TestPublisher pub = s.publisher().start(); MonitorProcess m = s.monitor("monitor")) {
            int port = m.awaitServing(Duration.ofSeconds(30));
            for (int i = 1; i <= 2; i++) {
                api(port, "open", "{\"action\":\"open\",\"name\":\"rehearsal\"}");
                Thread.sleep(1_200);
                if (i == 2) {
                    pub.lose(3);
                    Thread.sleep(500);
                }
                api(port, "close", "{\"action\":\"close\",\"name\":\"rehearsal\"}");
                int expected = i;
                Eventually.await(Duration.ofSeconds(20), () -> reportsUnder(s.reports).size() == expected ? null
                        : "reports: " + reportsUnder(s.reports).size());
                Thread.sleep(1_100); // a new start second: instances are told apart by name and start
            }
            m.stop();
        }
        List<JsonNode> live = reportsUnder(s.reports);
        assertEquals(List.of("PASS", "FAIL"), live.stream().map(r -> r.path("verdict").asText()).toList(), "both kept, oldest first");
        List<JsonNode> rebuilt = s.rebuild("rehearsal");
        assertEquals(List.of("PASS", "FAIL"), rebuilt.stream().map(r -> r.path("verdict").asText()).toList());
        assertEquals(3, channel(rebuilt.get(1), "f", "1").path("arbitratedMissingMessages").asLong());
    }

    @Test
    void lossBeforeTheWindowIsNotInItsVerdict() throws Exception {
        Setup s = new Setup("", 0, false);
        try (TestPublisher pub = s.publisher().start(); MonitorProcess m = s.monitor("monitor")) {
            int port = m.awaitServing(Duration.ofSeconds(30));
            Thread.sleep(1_000);
            pub.lose(5);
            Eventually.await(Duration.ofSeconds(10), () -> s.count("arbitrated_gap") > 0 ? null : "loss not seen yet");
            JsonNode before = api(port, "status", null);
            assertEquals("RED", before.path("health").asText(), "without a window the page counts since the start");
            Thread.sleep(1_500);
            api(port, "open", "{\"action\":\"open\",\"name\":\"after-loss\"}");
            Thread.sleep(500);
            JsonNode status = api(port, "status", null);
            assertEquals("GREEN", status.path("health").asText(), "the window counts from its start: " + status);
            assertEquals(0, status.path("feeds").get(0).path("channels").get(0).path("arbitratedGaps").asLong());
            Thread.sleep(1_000);
            api(port, "close", "{\"action\":\"close\",\"name\":\"after-loss\"}");
            Eventually.await(Duration.ofSeconds(20), () -> reportsUnder(s.reports).isEmpty() ? "no report yet" : null);
            assertEquals("PASS", reportsUnder(s.reports).get(0).path("verdict").asText());
            m.stop();
        }
    }

    @Test
    void threeStrayDatagramsAreCountedNotLost() throws Exception {
        Setup s = new Setup("", 0, false);
        try (TestPublisher pub = s.publisher().start(); MonitorProcess m = s.monitor("monitor", "--open-window", "strays", "--window-minutes", "5")) {
            m.awaitServing(Duration.ofSeconds(30));
            Thread.sleep(1_000);
            for (long seq : new long[] {4_000_000_000L, 3_999_999_000L, 4_294_967_290L}) {
                pub.stray(0, seq);
            }
            Thread.sleep(1_500);
            m.stop();
        }
        JsonNode c = channel(s.rebuild("strays").get(0), "f", "1");
        assertEquals(0, c.path("arbitratedMissingMessages").asLong(), "no loss: " + c);
        JsonNode a = c.path("lines").get(0);
        assertEquals(0, a.path("gaps").asLong(), "no gap on line A: " + a);
        assertEquals(3, a.path("strays").asLong(), "three strays counted: " + a);
        assertEquals("WARN", c.path("verdict").asText());
        assertTrue(c.path("reasons").toString().contains("3 stray datagrams"), c.path("reasons").toString());
    }

    @Test
    void aDrSignalWithARepeatedSeqNumIsInTheReportAndTheVerdict() throws Exception {
        Setup s = new Setup(TestConfigs.windowCoveringNow("PRT-DR"), 0, true);
        try (TestPublisher pub = s.publisher().start(); MonitorProcess m = s.monitor("monitor")) {
            m.awaitServing(Duration.ofSeconds(30));
            Eventually.await(Duration.ofSeconds(10), () -> s.count("window_start") > 0 ? null : "window not started");
            Thread.sleep(500);
            pub.drSignal(1, 1);
            Thread.sleep(700);
            pub.drSignal(2, 1); // the status changes, the SeqNum repeats
            Thread.sleep(1_000);
            m.stop();
        }
        JsonNode report = s.rebuild("PRT-DR").get(0);
        JsonNode dr = channel(report, "f", "dr");
        List<Long> statuses = new ArrayList<>();
        dr.path("drEvents").forEach(e -> statuses.add(e.path("status").asLong()));
        assertEquals(List.of(1L, 2L), statuses, "both DR Signals: " + dr);
        assertEquals("WARN", dr.path("verdict").asText());
        assertTrue(dr.path("reasons").toString().contains("failover completed"), dr.path("reasons").toString());
        assertEquals(2, report.path("dr").size(), "DR at the top of the report");
    }
}
