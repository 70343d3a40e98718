package io.omdprt.report;

import io.omdprt.event.Lifecycle;
import io.omdprt.event.MonitorEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitor's runs, from monitor_start to its stop or its last record (a kill leaves no stop; the
 * records every second bound when it died). Events with no monitor_start before them (an offline
 * analysis, or a journal read from the middle of a run) form one run from the first event.
 */
final class MonitorRuns {
    /** A run whose last record is older than this when the report is written is taken as dead. */
    static final Duration SILENT_IS_DEAD = Duration.ofSeconds(5);

    /**
     * @param start      its monitor_start (or first event)
     * @param lastRecord its last record
     * @param stopped    it recorded a clean stop
     * @param instance   the instance name from monitor_start, or null
     */
    record Run(Instant start, Instant lastRecord, boolean stopped, String instance) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && !t.isAfter(lastRecord);
        }
    }

    private MonitorRuns() {
    }

    static List<Run> of(List<MonitorEvent> events) {
        List<Run> runs = new ArrayList<>();
        Instant start = null;
        Instant last = null;
        boolean stopped = false;
        String instance = null;
        for (MonitorEvent e : events) {
            if (e instanceof Lifecycle.Start s) {
                if (start != null) {
                    runs.add(new Run(start, last, stopped, instance));
                }
                start = e.time();
                stopped = false;
                instance = s.settings().isEmpty() ? "unknown" : JournalReports.field(s.settings(), "instance");
            } else if (start == null) {
                start = e.time();
            }
            last = e.time();
            if (e instanceof Lifecycle.Stop) {
                stopped = true;
            }
        }
        if (start != null) {
            runs.add(new Run(start, last, stopped, instance));
        }
        return runs;
    }

    /** The run that ended before the one starting at {@code start} (also one read from its middle), or null. */
    static Run before(List<Run> runs, Instant start) {
        Run previous = null;
        for (Run r : runs) {
            if (!r.start().isBefore(start)) {
                return previous;
            }
            previous = r;
        }
        return previous;
    }

    /** When no monitor was running inside [start, until): before the first run, between runs, after the last. */
    static List<ReportModel.Downtime> downtime(List<Run> runs, Instant start, Instant until, Instant now) {
        List<ReportModel.Downtime> out = new ArrayList<>();
        Instant cursor = start;
        String reason = "not-running";
        for (Run r : runs) {
            if (r.start().isAfter(cursor)) {
                add(out, cursor, r.start(), reason, start, until);
            }
            if (r.lastRecord().isAfter(cursor)) {
                cursor = r.lastRecord();
            }
            reason = r.stopped() ? "stopped" : "crashed";
        }
        boolean lastAlive = !runs.isEmpty() && !runs.get(runs.size() - 1).stopped()
                && Duration.between(cursor, now).compareTo(SILENT_IS_DEAD) <= 0;
        if (!lastAlive && cursor.isBefore(until)) {
            add(out, cursor, until, runs.isEmpty() ? "not-running" : reason, start, until);
        }
        return out;
    }

    private static void add(List<ReportModel.Downtime> out, Instant from, Instant to, String reason, Instant start, Instant until) {
        Instant a = from.isBefore(start) ? start : from;
        Instant b = to.isAfter(until) ? until : to;
        if (a.isBefore(b)) {
            out.add(new ReportModel.Downtime(a.toString(), b.toString(), ReportBuilder.seconds(a, b), reason));
        }
    }
}
