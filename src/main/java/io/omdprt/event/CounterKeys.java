package io.omdprt.event;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of a counters event: a channel's own counters under their plain names, each line's under
 * {@code LINE.name}, and histogram buckets as {@code name.le.BOUND_NS} (cumulative-free: the count in
 * that bucket alone; {@code inf} for the last). Values are cumulative since the monitor started, so a
 * window's figure is the difference of two snapshots of the same run.
 *
 * <p>Except the peaks ({@link #isPeak}): each is the most seen since the previous snapshot (the most
 * packets and bytes within the burst resolution, and in one second), so a window's peak is the most
 * over the snapshots of its intervals, not a difference. The histograms of a counters event (its
 * {@code hist}) are likewise of the interval since the previous snapshot.
 */
public final class CounterKeys {
    public static final String ARBITRATED_GAPS = "arbitrated_gaps";
    public static final String ARBITRATED_MISSING = "arbitrated_missing";
    public static final String MESSAGES = "messages";
    public static final String RESETS = "resets";
    public static final String DR_SIGNALS = "dr_signals";
    public static final String SKEW = "skew";
    public static final String SEQUENCE_JUMPS = "sequence_jumps";
    public static final String SEQUENCE_RESTARTS = "sequence_restarts";
    /** Refresh channels only: Refresh Completes, and the histogram of the time between them. */
    public static final String REFRESH_COMPLETES = "refresh_completes";
    public static final String REFRESH_INTERVAL = "refresh_interval";
    public static final String REFRESH_UNUSABLE = "refresh_unusable";
    public static final String REFRESH_AHEAD = "refresh_ahead";
    public static final String REFRESH_DECREASES = "refresh_decreases";
    public static final String REFRESH_STALLS = "refresh_stalls";

    public static final String PACKETS = "packets";
    public static final String LINE_MESSAGES = "messages";
    public static final String DUPLICATES = "duplicates";
    public static final String LATE = "late";
    public static final String MALFORMED = "malformed";
    public static final String GAPS = "gaps";
    public static final String MISSING = "missing";
    public static final String OUTAGES = "outages";
    public static final String OUTAGE_NANOS = "outage_ns";
    public static final String KERNEL_DROPS = "kernel_drops";
    public static final String STRAYS = "strays";
    public static final String LATENCY = "latency";
    public static final String JITTER = "jitter";
    public static final String BYTES = "bytes";
    /** Peaks since the previous snapshot: packets and bytes within the burst resolution, and in one second. */
    public static final String BURST_PACKETS = "burst_peak_packets";
    public static final String BURST_BYTES = "burst_peak_bytes";
    public static final String SECOND_PACKETS = "peak_second_packets";
    public static final String SECOND_BYTES = "peak_second_bytes";
    /** The channel's burst resolution, ns (a setting, kept as a peak so that a window's is the largest in it). */
    public static final String BURST_RESOLUTION = "burst_resolution_ns";
    private static final java.util.List<String> PEAKS = java.util.List.of(BURST_PACKETS, BURST_BYTES, SECOND_PACKETS, SECOND_BYTES,
            BURST_RESOLUTION);

    private CounterKeys() {
    }

    public static String line(String line, String name) {
        return line + "." + name;
    }

    /** Whether a key holds the most since the previous snapshot rather than a running total. */
    public static boolean isPeak(String key) {
        int dot = key.lastIndexOf('.');
        return PEAKS.contains(dot < 0 ? key : key.substring(dot + 1));
    }

    /** The key of a histogram in a counters event's {@code hist}: {@code latency}/{@code jitter} of a line, or {@code skew}. */
    public static String hist(String line, String name) {
        return line == null ? name : line(line, name);
    }

    public static String bucket(String histogram, long upperBoundNanos) {
        return histogram + ".le." + (upperBoundNanos == Long.MAX_VALUE ? "inf" : Long.toString(upperBoundNanos));
    }

    public static long get(Map<String, Long> counts, String key) {
        if (counts == null) {
            return 0;
        }
        Long v = counts.get(key);
        return v == null ? 0 : v;
    }

    /** later − earlier, key by key (a key missing from earlier counts from 0); peaks are left out (they are no totals). */
    public static Map<String, Long> minus(Map<String, Long> later, Map<String, Long> earlier) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (later == null) {
            return out;
        }
        later.forEach((k, v) -> {
            if (!isPeak(k)) {
                out.put(k, v - get(earlier, k));
            }
        });
        return out;
    }

    /** a + b, key by key; for peaks the larger. */
    public static Map<String, Long> plus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, isPeak(k) ? Long::max : Long::sum));
        return out;
    }

    /** The buckets of one histogram: upper bound in ns (Long.MAX_VALUE for +Inf) to count, bounds ascending. */
    public static java.util.SortedMap<Long, Long> buckets(Map<String, Long> counts, String histogram) {
        java.util.SortedMap<Long, Long> out = new java.util.TreeMap<>();
        String prefix = histogram + ".le.";
        counts.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                String bound = k.substring(prefix.length());
                out.merge(bound.equals("inf") ? Long.MAX_VALUE : Long.parseLong(bound), v, Long::sum);
            }
        });
        return out;
    }
}
