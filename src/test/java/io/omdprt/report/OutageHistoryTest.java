package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omdprt.event.Lifecycle;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Outage;
import io.omdprt.event.Where;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outages rebuilt from the journal: one outage through a restart, the downtime inside it, the window-start grace. */
class OutageHistoryTest {
    private static final Instant T = Instant.parse("2024-01-06T01:00:00Z");
    private static final Duration STALE = Duration.ofSeconds(5);

    private static Instant at(double seconds) {
        return T.plusMillis(Math.round(seconds * 1000));
    }

    private static final Where.Line A = new Where.Line("f", "1", "A", "primary");

    private static MonitorEvent down(double s, double since) {
        return new Outage.Down(at(s), A, at(since));
    }

    private static MonitorEvent up(double s, double since) {
        return new Outage.Up(at(s), A, at(since));
    }

    private static MonitorEvent receiving(double s) {
        return new Outage.Receiving(at(s), A);
    }

    private static MonitorEvent start(double s) {
        return new Lifecycle.Start(at(s), "instance=x");
    }

    private static MonitorEvent alive(double s) {
        return new Lifecycle.Alive(at(s));
    }

    private static List<ReportModel.Outage> outages(List<MonitorEvent> events, double from, double to) {
        List<MonitorEvent> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> a.time().compareTo(b.time()));
        return OutageHistory.of(sorted, MonitorRuns.of(sorted), "A", at(from), at(to), STALE, true);
    }

    @Test
    void anOutageOpenAtACrashGoesOnThroughTheDowntimeUntilTheLineIsHeardAgain() {
        List<MonitorEvent> events = new ArrayList<>(List.of(
                start(0),
                down(10, 5), alive(11), alive(12),
                start(20),
                down(25, 20), // the new run's own "down since my start"
                receiving(40), up(40, 20)));
        List<ReportModel.Outage> o = outages(events, 0, 60);
        assertEquals(1, o.size(), "one outage, not split at the restart: " + o);
        assertEquals(at(5).toString(), o.get(0).start());
        assertEquals(at(40).toString(), o.get(0).end());
        assertEquals(35.0, o.get(0).seconds());
        assertEquals(8.0, o.get(0).unobservedSeconds(), "from the last record (12 s) to the restart (20 s)");
    }

    @Test
    void aJournalReadFromTheMiddleOfARunStillKnowsTheDowntime() {
        List<MonitorEvent> events = List.of(
                down(10, 5), alive(11), alive(12), // no monitor_start: read from mid-run
                start(20),
                receiving(30));
        List<ReportModel.Outage> o = outages(events, 0, 60);
        assertEquals(1, o.size(), o.toString());
        assertEquals(25.0, o.get(0).seconds());
        assertEquals(8.0, o.get(0).unobservedSeconds());
    }

    @Test
    void silenceEndingWithinStaleAfterOfTheWindowStartIsNotAnOutageOfIt() {
        List<MonitorEvent> events = List.of(start(0), down(5, 0), up(33, 0));
        assertEquals(List.of(), outages(events, 30, 60), "heard 3 s into the window: not received yet, then up");
        List<ReportModel.Outage> late = outages(events, 20, 60);
        assertEquals(1, late.size(), "heard 13 s into the window: an outage from its start");
        assertEquals(13.0, late.get(0).seconds());
    }
}
