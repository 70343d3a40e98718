package io.omdprt.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omdprt.report.JournalReports;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.Http;
import io.omdprt.testing.JournalRecords;
import io.omdprt.testing.MonitorProcess;
import io.omdprt.testing.TestConfigs;
import io.omdprt.testing.TestPublisher;
import io.omdprt.time.DisplayTime;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production monitoring with the real monitor process: a recurring window with two sessions a few
 * seconds long today, in production alert mode. Each occurrence is a window like any other: its
 * window_start and window_end in the journal, its report written at its end by the monitor (the
 * same verdict policy: a clean session PASS, one with loss on every line FAIL), the reports index
 * beside them and at /reports/, and the gauges the alert rules gate on.
 */
class RecurringWindowsLifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    @TempDir
    Path dir;

    @Test
    void eachOccurrenceGetsItsReportAtItsEndFromTheRealMonitor() throws Exception {
        // A zone where it is around noon, so that no session crosses midnight; today's weekday only.
        ZoneOffset zone = ZoneOffset.ofHours(12 - LocalTime.now(ZoneOffset.UTC).getHour());
        LocalDateTime now = LocalDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime s1 = now.plusSeconds(8);
        LocalDateTime s2 = now.plusSeconds(15);
        String day = now.getDayOfWeek().name().toLowerCase(Locale.ROOT);
        Path journal = dir.resolve("journal");
        Path reports = dir.resolve("reports");
        List<InetSocketAddress> lines = new ArrayList<>();
        int port = TestConfigs.freeUdpPort();
        StringBuilder y = new StringBuilder("instance: production\n")
                .append("http: { bind: 127.0.0.1, port: 0 }\n")
                .append("liveness: { heartbeat-interval: 300ms, stale-after: 1s, check-interval: 20ms }\n")
                .append("arbitration: { wait: 100ms }\n")
                .append("journal: { dir: ").append(journal).append(" }\n")
                .append("reports: { dir: ").append(reports).append(" }\n")
                .append("alerts: { mode: production }\n")
                .append("recurring-windows:\n")
                .append("  - name: t\n")
                .append("    days: [").append(day).append("]\n")
                .append("    zone: \"").append(zone.getId()).append("\"\n")
                .append("    sessions:\n")
                .append(session("s1", s1, s1.plusSeconds(4)))
                .append(session("s2", s2, s2.plusSeconds(4)))
                .append("feeds:\n  - name: f\n    protocol: omd-c\n    interface: 127.0.0.1\n    channels:\n      - id: 1\n        lines:\n");
        for (String name : new String[] {"A", "B"}) {
            String group = TestConfigs.randomGroup();
            while (!lines.isEmpty() && lines.get(0).getHostString().equals(group)) {
                group = TestConfigs.randomGroup();
            }
            lines.add(new InetSocketAddress(group, port));
            y.append("          - { name: ").append(name).append(", group: ").append(group).append(", port: ").append(port).append(" }\n");
        }
        Path config = dir.resolve("production.yaml");
        Files.writeString(config, y.toString());
        String date = now.toLocalDate().toString();
        String first = "t-" + date + "-s1";
        String second = "t-" + date + "-s2";
        Instant s1Start = s1.atOffset(zone).toInstant();
        Instant s2Start = s2.atOffset(zone).toInstant();

        try (TestPublisher pub = new TestPublisher(lines, List.of()).start();
             MonitorProcess monitor = MonitorProcess.start(dir.resolve("monitor.log"), "monitor", "--config", config.toString())) {
            int http = monitor.awaitServing(Duration.ofSeconds(30));
            assertTrue(Instant.now().isBefore(s1Start), "the monitor serves before the first session: " + monitor.log());
            assertEquals(1, Http.scrape(http).value("omd_alert_mode", "mode", "production"));
            assertEquals(0, Http.scrape(http).value("omd_alert_mode", "mode", "prt"));
            assertEquals(0, Http.scrape(http).value("omd_trading_session_active"), "before the first session");
            JsonNode before = JSON.readTree(Http.get(http, "/api/status").body());
            assertEquals(first, before.path("nextWindow").path("name").asText(), "the next session on the status page: " + before);

            Eventually.await(Duration.ofSeconds(20), () -> Http.scrape(http).value("omd_trading_session_active") == 1 ? null
                    : "first session not active yet");
            // Loss on every line inside the second session only.
            Eventually.await(Duration.ofSeconds(20), () -> windowRecords(journal, "window_start").contains(second) ? null
                    : "second session not started yet");
            pub.lose(4);
            Eventually.await(Duration.ofSeconds(30), () -> windowRecords(journal, "window_end").contains(second) ? null
                    : "second session not ended yet");
            Eventually.await(Duration.ofSeconds(20), () -> Files.exists(folder(reports, second, s2Start).resolve("report.json"))
                    && Files.readString(reports.resolve("index.md")).contains(second) ? null : "second report or index not written yet");

            assertEquals(List.of(first, second), windowRecords(journal, "window_start"), "one window_start per occurrence");
            assertEquals(List.of(first, second), windowRecords(journal, "window_end"), "one window_end per occurrence");
            JsonNode a = JSON.readTree(folder(reports, first, s1Start).resolve("report.json").toFile());
            JsonNode b = JSON.readTree(folder(reports, second, s2Start).resolve("report.json").toFile());
            assertEquals(first, a.path("window").path("name").asText());
            assertEquals(s1Start.toString(), a.path("window").path("start").asText(), "the session's start, exactly");
            assertEquals(s1Start.plusSeconds(4).toString(), a.path("window").path("end").asText(), "the session's end, exactly");
            assertEquals("t (s1 session)", a.path("window").path("description").asText());
            assertEquals("PASS", a.path("verdict").asText(), "a clean session: " + a.path("reasons"));
            assertEquals(s2Start.toString(), b.path("window").path("start").asText());
            assertEquals("FAIL", b.path("verdict").asText(), "loss on every line: " + b.path("reasons"));
            assertEquals(4, b.path("feeds").get(0).path("channels").get(0).path("arbitratedMissingMessages").asLong(), b.toString());

            String index = Files.readString(reports.resolve("index.md"));
            assertTrue(index.indexOf("| " + second + " |") > 0 && index.indexOf("| " + second + " |") < index.indexOf("| " + first + " |"),
                    "newest first: " + index);
            assertTrue(index.contains("| " + second + " | ") && index.contains("| **FAIL** |") && index.contains("| **PASS** |"), index);
            String served = Http.get(http, "/reports/").body();
            assertTrue(served.indexOf(folder(reports, second, s2Start).getFileName().toString())
                    < served.indexOf(folder(reports, first, s1Start).getFileName().toString()), served);
            assertEquals(0, Http.scrape(http).value("omd_trading_session_active"), "after the last session");
            monitor.stop();
        }

        Files.delete(reports.resolve("index.md"));
        MonitorProcess.Result r = MonitorProcess.run(Duration.ofSeconds(60), "report", "--index", reports.toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().startsWith("2 window reports, newest first:"), r.output());
        assertTrue(Files.readString(reports.resolve("index.md")).contains("| " + first + " | "), "rebuilt by the command");
    }

    private static String session(String name, LocalDateTime start, LocalDateTime end) {
        return "      - { name: " + name + ", start: \"" + HMS.format(start) + "\", end: \"" + HMS.format(end) + "\" }\n";
    }

    private static Path folder(Path reports, String window, Instant start) {
        return JournalReports.folder(reports, window, start, DisplayTime.HONG_KONG);
    }

    /** The window names of the journal's records of a type, in journal order. */
    private static List<String> windowRecords(Path journal, String type) throws Exception {
        return JournalRecords.all(journal).stream().filter(n -> type.equals(n.path("type").asText()))
                .map(n -> n.path("window").asText()).toList();
    }
}
