package io.omdprt.report;

import io.omdprt.http.ReportsRoute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.event.Gap;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.SeqRange;
import io.omdprt.event.Where;
import io.omdprt.http.Response;
import io.omdprt.time.DisplayTime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /reports/ lists every window instance newest first; view serves only the files of a listed report. */
class ReportsRouteTest {
    private static final Instant T = Instant.parse("2024-01-06T01:00:00Z");

    /** A one-minute report of a window instance, FAIL with loss, else WARN (no monitor record). */
    static void write(Path reports, String name, Instant start, boolean loss) throws Exception {
        List<MonitorEvent> events = loss ? List.of(new Gap.Arbitrated(start.plusSeconds(10), new Where.Channel("f", "1"),
                new SeqRange(5, 11), start.plusSeconds(10).minusMillis(250))) : List.of();
        ReportModel r = ReportBuilder.build(new ReportBuilder.WindowSpec(name, start, start.plusSeconds(60), "", "Asia/Hong_Kong",
                Duration.ofSeconds(5)), List.of(new ReportBuilder.LineRef("f", "1", "A", "primary")), events, start.plusSeconds(61), 0);
        ReportWriter.write(r, JournalReports.folder(reports, name, start, DisplayTime.HONG_KONG));
    }

    private static String body(Response r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void listsInstancesNewestFirstAndServesOnlyListedReports(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("reports");
        write(reports, "rehearsal", T, false);
        write(reports, "rehearsal", T.plusSeconds(120), true);
        Files.writeString(dir.resolve("secret.txt"), "not for the web");
        ReportsRoute route = new ReportsRoute(reports, DisplayTime.DEFAULT);

        String index = body(route.index().handle("GET", Map.of(), Map.of(), new byte[0]));
        int fail = index.indexOf("rehearsal_2024-01-06_090200");
        int pass = index.indexOf("rehearsal_2024-01-06_090000");
        assertTrue(fail > 0 && pass > fail, "both instances, newest first: " + index);
        assertTrue(index.contains("2024-01-06 09:02:00.000 HKT (+08:00)"), "times in Hong Kong time");
        assertTrue(index.contains(">FAIL<") && index.contains(">WARN<"), "no monitor record in either: the loss-free one is WARN, unobserved: " + index);

        Response json = route.view().handle("GET", Map.of("report", "rehearsal_2024-01-06_090200", "format", "json"), Map.of(), new byte[0]);
        assertEquals(200, json.status());
        assertTrue(body(json).contains("\"verdict\" : \"FAIL\""), body(json));
        for (String bad : new String[] {"..", "../secret.txt", "rehearsal_2024-01-06_090200/../..", "", "nope"}) {
            assertEquals(404, route.view().handle("GET", Map.of("report", bad), Map.of(), new byte[0]).status(), bad);
        }
        assertEquals(400, route.view().handle("GET", Map.of("report", "rehearsal_2024-01-06_090000", "format", "../x"), Map.of(),
                new byte[0]).status());
    }
}
