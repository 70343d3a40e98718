package io.omdprt.report;

import io.omdprt.event.CounterKeys;
import io.omdprt.event.ChannelCounts;
import io.omdprt.event.HistogramCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

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
    static Map<String, Long> of(List<ChannelCounts> snapshots, List<MonitorRuns.Run> runs, Instant start, Instant until) {
        Map<String, Long> total = new LinkedHashMap<>();
        for (MonitorRuns.Run run : runs) {
            if (run.lastRecord().isBefore(start) || !run.start().isBefore(until)) {
                continue;
            }
            List<ChannelCounts> inRun = snapshots.stream().filter(e -> run.contains(e.time())).toList();
            Map<String, Long> base = run.start().isBefore(start) ? boundary(inRun, start) : Map.of();
            Map<String, Long> end = boundary(inRun, until);
            if (end != null && base != null) {
                total = CounterKeys.plus(total, CounterKeys.minus(end, base));
            }
        }
        return total;
    }

    /** The snapshot taken for a boundary: the first within the slack after it, else the last before it (null: none). */
    private static Map<String, Long> boundary(List<ChannelCounts> snapshots, Instant at) {
        int i = boundaryIndex(snapshots, at);
        return i < 0 ? Map.of() : snapshots.get(i).counts();
    }

    /** Index of the snapshot taken for a boundary (see {@link #boundary}), -1 when there is none. */
    private static int boundaryIndex(List<ChannelCounts> snapshots, Instant at) {
        int before = -1;
        for (int i = 0; i < snapshots.size(); i++) {
            ChannelCounts e = snapshots.get(i);
            if (e.time().isAfter(at.plus(BOUNDARY_SLACK))) {
                break;
            }
            if (!e.time().isBefore(at)) {
                return i;
            }
            before = i;
        }
        return before;
    }

    /**
     * What one snapshot says of the interval since the snapshot before it (same run): the totals'
     * differences, its peaks, its histograms.
     */
    record Interval(Instant from, Instant to, Map<String, Long> counts, Map<String, String> hist) {
    }

    /**
     * The intervals of [start, until): per run, those of the snapshots after the one taken for the
     * window's start (all of them when the run began inside it) up to the one taken for its end.
     */
    static List<Interval> intervals(List<ChannelCounts> snapshots, List<MonitorRuns.Run> runs, Instant start, Instant until) {
        List<Interval> out = new ArrayList<>();
        for (MonitorRuns.Run run : runs) {
            if (run.lastRecord().isBefore(start) || !run.start().isBefore(until)) {
                continue;
            }
            List<ChannelCounts> inRun = snapshots.stream().filter(e -> run.contains(e.time())).toList();
            int first = run.start().isBefore(start) ? boundaryIndex(inRun, start) : -1;
            int last = boundaryIndex(inRun, until);
            for (int i = first + 1; i <= last; i++) {
                ChannelCounts e = inRun.get(i);
                ChannelCounts before = i == 0 ? null : inRun.get(i - 1);
                Map<String, Long> counts = CounterKeys.minus(e.counts(), before == null ? Map.of() : before.counts());
                e.counts().forEach((k, v) -> {
                    if (CounterKeys.isPeak(k)) {
                        counts.put(k, v);
                    }
                });
                out.add(new Interval(before == null ? run.start() : before.time(), e.time(), counts, e.hist()));
            }
        }
        return out;
    }

    /** The peaks of the intervals (the most over them) put into the window's counts. */
    static Map<String, Long> withPeaks(Map<String, Long> counts, List<Interval> intervals) {
        Map<String, Long> out = new LinkedHashMap<>(counts);
        for (Interval i : intervals) {
            i.counts().forEach((k, v) -> {
                if (CounterKeys.isPeak(k)) {
                    out.merge(k, v, Long::max);
                }
            });
        }
        return out;
    }

    /** Length of the intervals inside [start, ...), s: what the counts of the window were counted over. */
    static double coveredSeconds(List<Interval> intervals, Instant start) {
        long nanos = 0;
        for (Interval i : intervals) {
            Instant from = i.from().isBefore(start) ? start : i.from();
            nanos += Math.max(0, Duration.between(from, i.to()).toNanos());
        }
        return nanos / 1e9;
    }

    /** The intervals grouped by minute of the window (from its start): an interval belongs to the minute it ends in. */
    static List<ReportModel.Point> timeline(List<Interval> intervals, Instant start, List<String> lines) {
        Map<Long, List<Interval>> byMinute = new java.util.TreeMap<>();
        for (Interval i : intervals) {
            long minute = Math.max(0, Duration.between(start, i.to()).minusNanos(1).toMinutes());
            byMinute.computeIfAbsent(minute, m -> new ArrayList<>()).add(i);
        }
        List<ReportModel.Point> out = new ArrayList<>();
        for (Map.Entry<Long, List<Interval>> e : byMinute.entrySet()) {
            List<Interval> in = e.getValue();
            Instant from = start.plus(Duration.ofMinutes(e.getKey()));
            double seconds = coveredSeconds(in, from);
            long messages = 0;
            Map<String, Long> peaks = new LinkedHashMap<>();
            for (Interval i : in) {
                messages += CounterKeys.get(i.counts(), CounterKeys.MESSAGES);
                for (String line : lines) {
                    peaks.merge(line, CounterKeys.get(i.counts(), CounterKeys.line(line, CounterKeys.BURST_PACKETS)), Long::max);
                }
            }
            Map<String, ReportModel.Timing> latency = new LinkedHashMap<>();
            Map<String, ReportModel.Timing> jitter = new LinkedHashMap<>();
            for (String line : lines) {
                latency.put(line, timing(in, Map.of(), CounterKeys.hist(line, CounterKeys.LATENCY)));
                jitter.put(line, timing(in, Map.of(), CounterKeys.hist(line, CounterKeys.JITTER)));
            }
            out.add(new ReportModel.Point(from.toString(), ReportBuilder.round(seconds),
                    seconds <= 0 ? 0 : Math.round(messages / seconds * 10) / 10.0, peaks, latency,
                    timing(in, Map.of(), CounterKeys.hist(null, CounterKeys.SKEW)), jitter));
        }
        return out;
    }

    /** The sum of the intervals' histograms under a key, or null when none has it. */
    static Histogram histogram(List<Interval> intervals, String key) {
        Histogram sum = null;
        for (Interval i : intervals) {
            String encoded = i.hist().get(key);
            if (encoded == null) {
                continue;
            }
            Histogram h;
            try {
                h = HistogramCodec.decode(encoded);
            } catch (IllegalArgumentException e) {
                continue; // a damaged record: the others still count
            }
            if (sum == null) {
                sum = h; // of the precision it was recorded with
            } else {
                sum.add(h);
            }
        }
        return sum;
    }

    /** Percentiles of the intervals' HdrHistograms under a key, else (a journal from before them) of the fixed buckets in the counts. */
    static ReportModel.Timing timing(List<Interval> intervals, Map<String, Long> counts, String key) {
        Histogram h = histogram(intervals, key);
        return h != null ? timing(h) : timing(counts, key);
    }

    static ReportModel.Timing timing(Histogram h) {
        if (h.getTotalCount() == 0) {
            return ReportModel.Timing.NONE;
        }
        return new ReportModel.Timing(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()), ms(h.getValueAtPercentile(99.9)));
    }

    private static Double ms(long nanos) {
        return nanos / 1e6;
    }

    /**
     * Percentiles of a fixed-bucket histogram in the counts: the upper bound of the bucket each falls in,
     * in ms. No p99.9: buckets this coarse cannot say it, and a p99.9 is how the reports tell an
     * HdrHistogram's figures (each within 1 %) from these upper bounds.
     */
    static ReportModel.Timing timing(Map<String, Long> counts, String histogram) {
        java.util.SortedMap<Long, Long> buckets = CounterKeys.buckets(counts, histogram);
        long n = buckets.values().stream().mapToLong(Long::longValue).sum();
        if (n <= 0) {
            return ReportModel.Timing.NONE;
        }
        return new ReportModel.Timing(n, quantile(buckets, n, 0.50), quantile(buckets, n, 0.99), quantile(buckets, n, 1.0), null);
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
