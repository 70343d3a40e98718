package io.omdprt.report;

import io.omdprt.event.CounterKeys;
import io.omdprt.event.Lifecycle;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Refresh;
import io.omdprt.text.Counts;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A refresh channel's report line: its cycling from the counters, its faults from its refresh_* events in the window. */
final class RefreshSection {
    private RefreshSection() {
    }

    /** The report line, the same in Markdown and HTML (escape it for HTML). */
    static String line(ReportModel.Refresh r) {
        return Counts.of(r.completes(), "snapshot") + " completed; time between Refresh Completes " + MarkdownReport.timing(r.intervals())
                + "; " + Counts.of(r.unusableSnapshots(), "unusable snapshot") + " (a gap inside); LastSeqNum above the real-time high-water mark "
                + Counts.times(r.ahead()) + ", decreased without a reset " + Counts.times(r.decreases()) + "; stalled " + Counts.times(r.stalls())
                + (r.stalledAtEnd() ? ", still stalled at the end" : "");
    }

    /** @return null when the channel is not a refresh channel with checks (its counters have no Refresh Complete count) */
    static ReportModel.Refresh of(List<MonitorEvent> channelEvents, Map<String, Long> counts, Instant start, Instant until) {
        if (!counts.containsKey(CounterKeys.REFRESH_COMPLETES)) {
            return null;
        }
        long unusable = 0;
        long ahead = 0;
        long decreases = 0;
        long stalls = 0;
        boolean stalled = false;
        for (MonitorEvent e : channelEvents) {
            if (!e.time().isBefore(until)) {
                break;
            }
            if (e instanceof Refresh.Stall) {
                stalled = true;
            } else if (e instanceof Refresh.Resumed || e instanceof Lifecycle.Start) {
                stalled = false;
            }
            if (e.time().isBefore(start)) {
                continue;
            }
            if (e instanceof Refresh.Unusable u) {
                unusable += u.snapshots();
            } else if (e instanceof Refresh.Ahead) {
                ahead++;
            } else if (e instanceof Refresh.Decreased) {
                decreases++;
            } else if (e instanceof Refresh.Stall) {
                stalls++;
            }
        }
        return new ReportModel.Refresh(CounterKeys.get(counts, CounterKeys.REFRESH_COMPLETES),
                WindowCounts.timing(counts, CounterKeys.REFRESH_INTERVAL), unusable, ahead, decreases, stalls, stalled);
    }
}
