package io.omdprt.report;

import io.omdprt.event.Lifecycle;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Outage;
import io.omdprt.event.Where;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outages of one line (or of a whole channel) rebuilt from the journal, across monitor restarts:
 * an outage still open when a monitor stopped or died goes on through the downtime (marked
 * unobserved) until the restarted monitor hears the line (or channel) again; the restarted
 * monitor's own "down since my start" is the same outage, not a new one.
 *
 * <p>Inside a window, a line not heard since the window started is not yet an outage: only once the
 * window is stale-after old. So an outage that began before the window and ended within stale-after
 * of its start does not count in it; one that goes on longer counts from the window's start.
 */
final class OutageHistory {
    /** The line, or null for the channel. */
    private final String line;
    private final List<Raw> raw = new ArrayList<>();

    private Instant openSince;
    private final List<Instant[]> unobserved = new ArrayList<>();
    /** The open outage was carried over a restart: the new run's own line_down belongs to it. */
    private boolean carried;
    /** It was just closed by the first datagram of a run: the line_up that follows is the same end. */
    private boolean closedByFirstArrival;

    private OutageHistory(String line) {
        this.line = line;
    }

    /**
     * @param channelEvents every event of the channel, and the monitor_start/stop records, in time order
     * @param line          the line, or null for the channel's own outages
     */
    static List<ReportModel.Outage> of(List<MonitorEvent> channelEvents, List<MonitorRuns.Run> runs, String line, Instant start,
                                       Instant until, Duration staleAfter, boolean monitorRunningAtEnd) {
        OutageHistory h = new OutageHistory(line);
        for (MonitorEvent e : channelEvents) {
            if (!e.time().isBefore(until)) {
                break;
            }
            if (e instanceof Lifecycle.Start) {
                h.restart(MonitorRuns.before(runs, e.time()), e.time());
            } else if (e instanceof Outage o) {
                h.on(o);
            }
        }
        h.finish(until, monitorRunningAtEnd, runs.isEmpty() ? null : runs.get(runs.size() - 1).lastRecord());
        return h.clip(start, until, staleAfter);
    }

    private void restart(MonitorRuns.Run previous, Instant at) {
        closedByFirstArrival = false;
        if (openSince != null) {
            carried = true;
            if (previous != null && previous.lastRecord().isBefore(at)) {
                unobserved.add(new Instant[] {previous.lastRecord(), at});
            }
        }
    }

    private void on(Outage e) {
        if (e instanceof Outage.Down d && mine(d.where())) {
            if (openSince == null) {
                openSince = d.lastArrival();
            }
            closedByFirstArrival = false;
        } else if (e instanceof Outage.Up u && mine(u.where())) {
            if (closedByFirstArrival) {
                closedByFirstArrival = false;
                return;
            }
            close(openSince != null ? openSince : u.outageStart(), u.time());
        } else if (e instanceof Outage.Receiving r && (line == null || line.equals(r.where().line())) && openSince != null && carried) {
            close(openSince, r.time());
            closedByFirstArrival = true;
        }
    }

    /** An outage of this line, or of the channel itself. */
    private boolean mine(Where where) {
        return line == null ? where instanceof Where.Channel : where instanceof Where.Line l && line.equals(l.line());
    }

    private void close(Instant from, Instant to) {
        raw.add(new Raw(from, to, false, List.copyOf(unobserved)));
        openSince = null;
        carried = false;
        unobserved.clear();
    }

    /** An outage open at the end goes on; when no monitor runs then, the time after its last record is unobserved. */
    private void finish(Instant until, boolean monitorRunningAtEnd, Instant lastRecord) {
        if (openSince != null && openSince.isBefore(until)) {
            if (!monitorRunningAtEnd && lastRecord != null && lastRecord.isBefore(until)) {
                unobserved.add(new Instant[] {lastRecord, until});
            }
            raw.add(new Raw(openSince, null, monitorRunningAtEnd, List.copyOf(unobserved)));
        }
    }

    /** The outages as the window counts them: the part inside it, after the not-received-yet grace. */
    private List<ReportModel.Outage> clip(Instant start, Instant until, Duration staleAfter) {
        List<ReportModel.Outage> clipped = new ArrayList<>();
        Instant grace = start.plus(staleAfter);
        for (Raw o : raw) {
            Instant to = o.to() == null ? until : o.to();
            if (o.from().isBefore(start) && !to.isAfter(grace)) {
                continue;
            }
            Instant a = max(o.from(), start);
            Instant b = min(to, until);
            if (!a.isBefore(b)) {
                continue;
            }
            double unobservedInside = 0;
            for (Instant[] u : o.unobserved()) {
                Instant ua = max(u[0], a);
                Instant ub = min(u[1], b);
                if (ua.isBefore(ub)) {
                    unobservedInside += ReportBuilder.seconds(ua, ub);
                }
            }
            clipped.add(new ReportModel.Outage(line, o.from().toString(), o.to() == null ? null : o.to().toString(),
                    ReportBuilder.seconds(a, b), o.ongoing(), ReportBuilder.round(unobservedInside)));
        }
        return clipped;
    }

    /** An outage as rebuilt, before clipping: to is null while it goes on. */
    private record Raw(Instant from, Instant to, boolean ongoing, List<Instant[]> unobserved) {
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
