package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omdprt.config.MonitorConfig;
import io.omdprt.monitor.Monitor;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.Http;
import io.omdprt.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports kept for reports.retention-days, and the space the journal and the reports take on the status page and in /metrics. */
class ReportRetentionAndStorageTest {
    private static final Instant NOW = Instant.parse("2026-12-21T08:00:00Z");

    @Test
    void reportsOfWindowsEndedBeforeTheRetentionAreDeletedAndNothingElse(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("reports");
        ReportsRouteTest.write(reports, "old", NOW.minus(Duration.ofDays(31)), false);     // ended 31 days less a minute ago
        ReportsRouteTest.write(reports, "kept", NOW.minus(Duration.ofDays(29)), true);
        Path unreadable = Files.createDirectories(reports.resolve("broken_2026-10-01_090000"));
        Files.writeString(unreadable.resolve("report.json"), "{ torn");
        Files.setLastModifiedTime(unreadable.resolve("report.json"), FileTime.from(NOW.minus(Duration.ofDays(40))));
        Path other = Files.createDirectories(reports.resolve("not-a-report"));
        Files.setLastModifiedTime(other, FileTime.from(NOW.minus(Duration.ofDays(400))));

        List<Path> deleted = ReportRetention.apply(reports, 30, NOW);
        assertEquals(List.of("broken_2026-10-01_090000", "old_2026-11-20_160000"),
                deleted.stream().map(p -> p.getFileName().toString()).sorted().toList());
        assertEquals(List.of("kept"), ReportIndex.of(reports).stream().map(ReportIndex.Entry::window).toList());
        assertTrue(Files.isDirectory(other), "a folder without a report is not ours to delete");
        assertEquals(List.of(), ReportRetention.apply(reports, 30, NOW), "nothing more to delete");
        assertEquals(1, ReportRetention.apply(reports, 28, NOW).size(), "a shorter retention deletes the 29-day-old one");
    }

    @Test
    void theMonitorAppliesTheRetentionAndShowsTheSpaceTaken() throws Exception {
        MonitorConfig base = TestConfigs.twoLines("reports: { retention-days: 7 }\n");
        Path reports = base.reportDir();
        ReportsRouteTest.write(reports, "last-month", Instant.now().minus(Duration.ofDays(30)), false);
        ReportsRouteTest.write(reports, "yesterday", Instant.now().minus(Duration.ofDays(1)), true);
        try (Monitor monitor = Monitor.start(base)) {
            int port = monitor.httpPort();
            Eventually.await(Duration.ofSeconds(10), () -> ReportIndex.of(reports).size() == 1 ? null : "old report still there");
            assertEquals("yesterday", ReportIndex.of(reports).get(0).window());
            Eventually.await(Duration.ofSeconds(10), () -> Files.exists(reports.resolve(ReportIndexPages.MARKDOWN_FILE)) ? null
                    : "the index is rewritten when a report goes");
            assertFalse(Files.readString(reports.resolve(ReportIndexPages.MARKDOWN_FILE)).contains("last-month"));

            JsonNode storage = new ObjectMapper().readTree(Http.get(port, "/api/status").body()).path("storage");
            long reportBytes = bytesUnder(reports);
            assertEquals(reportBytes, storage.path("reportsBytes").asLong(), "the report folder and its index: " + storage);
            assertTrue(storage.path("journalBytes").asLong() > 0, "monitor_start is journalled: " + storage);
            assertEquals(7, storage.path("reportsRetentionDays").asInt());
            assertEquals(base.journal().retentionDays(), storage.path("journalRetentionDays").asInt());
            assertEquals(reportBytes, Http.scrape(port).value("omd_storage_bytes", "what", "reports"));
            assertTrue(Http.scrape(port).value("omd_storage_bytes", "what", "journal") > 0);
            String page = Http.get(port, "/").body();
            assertTrue(page.contains("Storage: journal ") && page.contains(" (kept 7 days) in " + reports), page);
        }
    }

    private static long bytesUnder(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            long total = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }
}
