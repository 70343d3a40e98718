package io.omdprt.report;

import io.omdprt.event.CounterKeys;
import io.omdprt.event.EventType;
import io.omdprt.event.MonitorEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A channel's counters over a window, from the counters records: per monitor run, the snapshot at
 * the window's end (or the run's last) minus the one at the window's start (or zero when the run
 * began inside the window), summed over the runs. The monitor snapshots at each window's start and
 * end (within 100 ms), at a stop, and every 30 s inside a window, so a kill loses at most 30 s of
 * these counts; gaps and outages do not depend on them (they are events of their own).
 */
final class WindowCounts {
    /** How long after a window boundary the monitor's snapshot of it may be taken. */
    static final Duration BOUNDARY_SLACK = Duration.ofSeconds(1);

    private WindowCounts() {
    }

    /**
     * @param snapshots the channel's counters records, in time order (may extend past until by the slack)
     * @return the counts of [start, until), empty when there were no snapshots
     */
    static Map<String, Long> of(List<MonitorEvent> snapshots, List<MonitorRuns.Run> runs, Instant start, Instant until) {
        Map<String, Long> total = new LinkedHashMap<>();
        for (MonitorRuns.Run run : runs) {
            if (run.lastRecord().isBefore(start) || !run.start().isBefore(until)) {
                continue;
            }
            List<MonitorEvent> inRun = snapshots.stream().filter(e -> e.type() == EventType.COUNTERS && run.contains(e.time())).toList();
            Map<String, Long> base = run.start().isBefore(start) ? boundary(inRun, start) : Map.of();
            Map<String, Long> end = boundary(inRun, until);
            if (end != null && base != null) {
                total = CounterKeys.plus(total, CounterKeys.minus(end, base));
            }
        }
        return total;
    }

    /** The snapshot taken for a boundary: the first within the slack after it, else the last before it (null: none). */
    private static Map<String, Long> boundary(List<MonitorEvent> snapshots, Instant at) {
        Map<String, Long> before = null;
        for (MonitorEvent e : snapshots) {
            if (e.time().isAfter(at.plus(BOUNDARY_SLACK))) {
                break;
            }
            if (!e.time().isBefore(at)) {
                return e.counts();
            }
            before = e.counts();
        }
        return before == null ? Map.of() : before;
    }

    /** Percentiles of a histogram in the counts: the upper bound of the bucket each falls in, in ms. */
    static ReportModel.Timing timing(Map<String, Long> counts, String histogram) {
        java.util.SortedMap<Long, Long> buckets = CounterKeys.buckets(counts, histogram);
        long n = buckets.values().stream().mapToLong(Long::longValue).sum();
        if (n <= 0) {
            return ReportModel.Timing.NONE;
        }
        return new ReportModel.Timing(n, quantile(buckets, n, 0.50), quantile(buckets, n, 0.99), quantile(buckets, n, 1.0));
    }

    private static Double quantile(java.util.SortedMap<Long, Long> buckets, long n, double q) {
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (Map.Entry<Long, Long> b : buckets.entrySet()) {
            seen += b.getValue();
            if (seen >= rank) {
                return b.getKey() == Long.MAX_VALUE ? finiteTop(buckets) : b.getKey() / 1e6;
            }
        }
        return null;
    }

    /** Past the last bound (+Inf): shown as the last bound, the most the histogram can say. */
    private static Double finiteTop(java.util.SortedMap<Long, Long> buckets) {
        Long top = null;
        for (Long bound : buckets.keySet()) {
            if (bound != Long.MAX_VALUE) {
                top = bound;
            }
        }
        return top == null ? null : top / 1e6;
    }
}
