package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.time.DisplayTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports index written beside the report folders: every window report, newest first, with its verdict and links that work there. */
class ReportIndexPagesTest {
    private static final Instant MONDAY_AM = Instant.parse("2026-12-21T01:00:00Z");

    @Test
    void severalWindowsNewestFirstWithVerdictsAndRelativeLinks(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("reports");
        ReportsRouteTest.write(reports, "trading-2026-12-21-am", MONDAY_AM, false);
        ReportsRouteTest.write(reports, "trading-2026-12-21-pm", MONDAY_AM.plusSeconds(4 * 3600), true);
        ReportsRouteTest.write(reports, "PRT1", MONDAY_AM.minusSeconds(2 * 86400), true);
        ReportsRouteTest.write(reports, "PRT1", MONDAY_AM.minusSeconds(86400), false);
        Files.createDirectories(reports.resolve("not-a-report"));

        ReportIndexPages.Written w = ReportIndexPages.write(reports, DisplayTime.DEFAULT);
        assertEquals(4, w.reports());
        String md = Files.readString(w.markdown());
        assertEquals("# Window reports\n\nNewest first; times in Asia/Hong_Kong.\n\n"
                + "| window | from | to | verdict | report |\n|---|---|---|---|---|\n"
                + row("trading-2026-12-21-pm", "2026-12-21 13:00", "2026-12-21 13:01", "FAIL", "trading-2026-12-21-pm_2026-12-21_130000")
                + row("trading-2026-12-21-am", "2026-12-21 09:00", "2026-12-21 09:01", "WARN", "trading-2026-12-21-am_2026-12-21_090000")
                + row("PRT1", "2026-12-20 09:00", "2026-12-20 09:01", "WARN", "PRT1_2026-12-20_090000")
                + row("PRT1", "2026-12-19 09:00", "2026-12-19 09:01", "FAIL", "PRT1_2026-12-19_090000"), md);
        for (String line : md.split("\n")) {
            if (line.contains("](")) {
                String link = line.substring(line.indexOf("](") + 2, line.indexOf(')', line.indexOf("](")));
                assertTrue(Files.isRegularFile(reports.resolve(link)), "a link that works beside the index: " + link);
            }
        }
        String html = Files.readString(w.html());
        assertTrue(html.indexOf("trading-2026-12-21-pm_2026-12-21_130000/report.html") < html.indexOf("trading-2026-12-21-am_2026-12-21_090000/report.html"),
                "newest first: " + html);
        assertTrue(html.contains("<tr class=\"FAIL\"><td>trading-2026-12-21-pm</td><td>2026-12-21 13:00:00.000 HKT (+08:00)</td>"), html);
        assertFalse(html.contains("/reports/view"), "the files beside it, not the monitor's URLs");
        assertFalse(html.contains("not-a-report"), "only folders holding a report");

        // Written again, the index is replaced whole and lists what is there now.
        ReportsRouteTest.write(reports, "trading-2026-12-22-am", MONDAY_AM.plusSeconds(86400), false);
        assertTrue(Files.readString(ReportIndexPages.write(reports, DisplayTime.DEFAULT).markdown())
                .contains("|---|\n| trading-2026-12-22-am |"));
    }

    private static String row(String window, String from, String to, String verdict, String folder) {
        return "| " + window + " | " + from + ":00.000 HKT (+08:00) | " + to + ":00.000 HKT (+08:00) | **" + verdict + "** | [HTML]("
                + folder + "/report.html) · [Markdown](" + folder + "/report.md) · [JSON](" + folder + "/report.json) |\n";
    }
}
