package io.omdprt.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.status.Health;
import io.omdprt.status.Status;
import io.omdprt.verdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an ops engineer reads on the status page: DR first, the window counted from, counts in their own columns. */
class StatusPageTest {
    private static Status status(long dr, List<Status.Window> windows, Status.Window next) {
        Status.Line a = new Status.Line("A", "primary", "239.1.1.1:5000", true, "up", Health.GREEN, 0.5, 1_234, 0, 0, 0, 0, 0, 0, 1 << 20, null);
        Status.Line b = new Status.Line("B", "primary", "239.1.1.2:5000", false, "DOWN", Health.AMBER, 6.0, 1_000, 1, 7, 1, 6.0, 0, 0,
                1 << 20, null);
        Status.Channel data = new Status.Channel("11", "realtime", true, Health.AMBER, Verdict.WARN,
                List.of("line B: 1 gap (7 messages), covered by another line", "line B down, for 6.0 s so far"), 0, 0, 0, 0, 1, 0,
                2_234, List.of(a, b));
        Status.Channel drChannel = new Status.Channel("dr", "dr", true, Health.AMBER, Verdict.WARN, List.of("DR signal: site failover "
                + "in progress (1)"), 0, 0, 0, 0, 0, dr, 1, List.of(a));
        return new Status("hk-01", "primary", "0.1", "epoll", "2024-01-06T01:00:00Z", "2024-01-06 09:00:00.000 HKT (+08:00)", 60,
                Health.AMBER, Verdict.WARN, "2024-01-06T01:00:00Z", "2024-01-06 09:00:00.000 HKT (+08:00)", "window PRT1 (since its start)",
                windows, next, dr, List.of(new Status.Feed("omdc-sp", "omd-c", Health.AMBER, List.of(data, drChannel))),
                new Status.Storage("/var/lib/omd/journal", 2_048, 30, "/var/lib/omd/reports", 1_024, 30));
    }

    @Test
    void aFailoverInProgressIsABannerAndTheDrChannelIsNotDrDr() {
        String html = StatusPage.render(status(1, List.of(), null));
        assertTrue(html.contains("<div class=\"dr\">DR: HKEX site failover in progress"), html);
        assertFalse(html.contains("dr</b> dr"), "the DR channel's kind is not repeated after its name");
        assertTrue(html.contains("<td>failover in progress</td>"), "the DR status in its own column");
        assertFalse(StatusPage.render(status(0, List.of(), null)).contains("class=\"dr"), "no banner without a DR signal");
    }

    @Test
    void countsSitInTheirOwnColumnsAndTheWindowCountedFromIsNamed() {
        Status.Window prt1 = new Status.Window("PRT1", "2024-01-06 09:00:00.000 HKT (+08:00)", "2024-01-06 12:10:00.000 HKT (+08:00)",
                true, "primary network", "2024-01-06T01:00:00Z");
        String html = StatusPage.render(status(0, List.of(prt1), null));
        assertTrue(html.contains("<td>2,234</td>"), "the channel's messages in the messages column: " + html);
        assertTrue(html.contains("<td>1</td><td>7</td>"), "line B's gaps and missing messages, each in its column");
        assertTrue(html.contains("Counting window PRT1 (since its start), from 2024-01-06 09:00:00.000 HKT (+08:00)"), html);
        assertTrue(html.contains("line B: 1 gap (7 messages), covered by another line"), "the verdict's reasons");
        assertTrue(html.contains("<td>not received yet</td>") == false && html.contains("<td>DOWN</td>"));
    }

    @Test
    void withNoWindowActiveTheNextOneIsShown() {
        Status.Window prt2 = new Status.Window("PRT2", "2024-01-13 09:00:00.000 HKT (+08:00)", "2024-01-13 12:10:00.000 HKT (+08:00)",
                false, "", "2024-01-13T01:00:00Z");
        String html = StatusPage.render(status(0, List.of(prt2), prt2));
        assertTrue(html.contains("No window active. Next: <b>PRT2</b> 2024-01-13 09:00:00.000 HKT (+08:00)"), html);
        assertEquals(-1, html.indexOf("Window <b>PRT2</b> active"));
    }
}
