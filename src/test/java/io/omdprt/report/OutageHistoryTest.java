package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omdprt.event.EventType;
import io.omdprt.event.MonitorEvent;
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

    private static MonitorEvent line(double s, EventType type) {
        return MonitorEvent.of(at(s), type).at("f", "1", "A", "primary");
    }

    private static MonitorEvent alive(double s) {
        return MonitorEvent.of(at(s), EventType.MONITOR_ALIVE);
    }

    private static List<ReportModel.Outage> outages(List<MonitorEvent> events, double from, double to) {
        List<MonitorEvent> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> a.time().compareTo(b.time()));
        return OutageHistory.of(sorted, MonitorRuns.of(sorted), "A", at(from), at(to), STALE, true);
    }

    @Test
    void anOutageOpenAtACrashGoesOnThroughTheDowntimeUntilTheLineIsHeardAgain() {
        List<MonitorEvent> events = new ArrayList<>(List.of(
                MonitorEvent.of(at(0), EventType.MONITOR_START).detail("instance=x"),
                line(10, EventType.LINE_DOWN).outage(at(5), null), alive(11), alive(12),
                MonitorEvent.of(at(20), EventType.MONITOR_START).detail("instance=x"),
                line(25, EventType.LINE_DOWN).outage(at(20), null), // the new run's own "down since my start"
                line(40, EventType.LINE_RECEIVING), line(40, EventType.LINE_UP).outage(at(20), 20.0)));
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
                line(10, EventType.LINE_DOWN).outage(at(5), null), alive(11), alive(12), // no monitor_start: read from mid-run
                MonitorEvent.of(at(20), EventType.MONITOR_START).detail("instance=x"),
                line(30, EventType.LINE_RECEIVING));
        List<ReportModel.Outage> o = outages(events, 0, 60);
        assertEquals(1, o.size(), o.toString());
        assertEquals(25.0, o.get(0).seconds());
        assertEquals(8.0, o.get(0).unobservedSeconds());
    }

    @Test
    void silenceEndingWithinStaleAfterOfTheWindowStartIsNotAnOutageOfIt() {
        List<MonitorEvent> events = List.of(MonitorEvent.of(at(0), EventType.MONITOR_START).detail("instance=x"),
                line(5, EventType.LINE_DOWN).outage(at(0), null), line(33, EventType.LINE_UP).outage(at(0), 33.0));
        assertEquals(List.of(), outages(events, 30, 60), "heard 3 s into the window: not received yet, then up");
        List<ReportModel.Outage> late = outages(events, 20, 60);
        assertEquals(1, late.size(), "heard 13 s into the window: an outage from its start");
        assertEquals(13.0, late.get(0).seconds());
    }
}
