package io.omdprt.model;

import io.omdprt.model.MonitoredChannel;
import io.omdprt.event.CounterKeys;
import io.omdprt.protocol.Malformed;
import io.omdprt.track.ChannelCounter;
import io.omdprt.track.ChannelTracker;
import io.omdprt.event.HistogramCodec;
import io.omdprt.track.BurstMeter;
import io.omdprt.track.IntervalHistogram;
import io.omdprt.track.LineCounter;
import io.omdprt.track.LineTracker;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a channel's counters (from any thread) into the keys of a counters event ({@link CounterKeys}). */
public final class CounterSnapshots {
    /** How often a counters record is taken inside a window, live and in a capture analysis alike. */
    public static final java.time.Duration INTERVAL = java.time.Duration.ofSeconds(30);
    private CounterSnapshots() {
    }

    /**
     * The counters, and the peaks since the previous call (through the channel's journal cursors: call
     * from one place only, the journal's snapshots); seconds that ended before {@code nowNanos} count
     * (Long.MAX_VALUE: every second, the one in progress included, at the end of an analysis).
     */
    public static Map<String, Long> of(MonitoredChannel c, SocketStats sockets, long nowNanos) {
        return of(c, sockets, nowNanos, nowNanos);
    }

    /** As {@link #of(MonitoredChannel, SocketStats, long)}, with the peaks of the seconds that ended before {@code burstsUntil}. */
    public static Map<String, Long> of(MonitoredChannel c, SocketStats sockets, long nowNanos, long burstsUntil) {
        ChannelTracker t = c.tracker();
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(CounterKeys.ARBITRATED_GAPS, t.get(ChannelCounter.ARBITRATED_GAPS));
        m.put(CounterKeys.ARBITRATED_MISSING, t.get(ChannelCounter.ARBITRATED_MISSING_MESSAGES));
        m.put(CounterKeys.MESSAGES, t.uniqueMessages());
        m.put(CounterKeys.OUTAGES, t.get(ChannelCounter.OUTAGES));
        m.put(CounterKeys.OUTAGE_NANOS, t.outageNanos(nowNanos));
        m.put(CounterKeys.RESETS, t.get(ChannelCounter.SEQUENCE_RESETS));
        m.put(CounterKeys.DR_SIGNALS, t.get(ChannelCounter.DR_SIGNALS));
        m.put(CounterKeys.SEQUENCE_JUMPS, t.get(ChannelCounter.SEQUENCE_JUMPS));
        m.put(CounterKeys.SEQUENCE_RESTARTS, t.get(ChannelCounter.SEQUENCE_RESTARTS));
        m.put(CounterKeys.BURST_RESOLUTION, t.line(0).burst().resolutionNanos());
        io.omdprt.track.RefreshCheck refresh = t.refreshCheck();
        if (refresh != null) {
            m.put(CounterKeys.REFRESH_COMPLETES, refresh.get(io.omdprt.track.RefreshCounter.COMPLETES));
            m.put(CounterKeys.REFRESH_UNUSABLE, refresh.get(io.omdprt.track.RefreshCounter.UNUSABLE_SNAPSHOTS));
            m.put(CounterKeys.REFRESH_AHEAD, refresh.get(io.omdprt.track.RefreshCounter.AHEAD));
            m.put(CounterKeys.REFRESH_DECREASES, refresh.get(io.omdprt.track.RefreshCounter.DECREASES));
            m.put(CounterKeys.REFRESH_STALLS, refresh.get(io.omdprt.track.RefreshCounter.STALLS));
            histogram(m, CounterKeys.REFRESH_INTERVAL, refresh.intervals());
        }
        for (LineTracker l : t.lines()) {
            String n = l.name();
            m.put(CounterKeys.line(n, CounterKeys.PACKETS), l.get(LineCounter.PACKETS));
            m.put(CounterKeys.line(n, CounterKeys.BYTES), l.get(LineCounter.BYTES));
            m.put(CounterKeys.line(n, CounterKeys.LINE_MESSAGES), l.get(LineCounter.MESSAGES));
            m.put(CounterKeys.line(n, CounterKeys.DUPLICATES), l.get(LineCounter.DUPLICATE_MESSAGES));
            m.put(CounterKeys.line(n, CounterKeys.LATE), l.get(LineCounter.LATE_MESSAGES));
            long malformed = 0;
            for (Malformed r : Malformed.REASONS) {
                malformed += l.malformed(r);
            }
            m.put(CounterKeys.line(n, CounterKeys.MALFORMED), malformed);
            m.put(CounterKeys.line(n, CounterKeys.GAPS), l.get(LineCounter.GAPS));
            m.put(CounterKeys.line(n, CounterKeys.STRAYS), l.get(LineCounter.STRAY_PACKETS));
            m.put(CounterKeys.line(n, CounterKeys.MISSING), l.get(LineCounter.MISSING_MESSAGES));
            m.put(CounterKeys.line(n, CounterKeys.OUTAGES), l.get(LineCounter.OUTAGES));
            m.put(CounterKeys.line(n, CounterKeys.OUTAGE_NANOS), l.outageNanos(nowNanos));
            long drops = sockets.kernelDrops(c.feedName(), c.label(), n);
            if (drops >= 0) {
                m.put(CounterKeys.line(n, CounterKeys.KERNEL_DROPS), drops);
            }
            BurstMeter.Peaks p = l.burst().read(l.burst().journalCursor(), burstsUntil);
            if (p.secondPackets() > 0) { // nothing arrived: no peak to say
                m.put(CounterKeys.line(n, CounterKeys.BURST_PACKETS), p.burstPackets());
                m.put(CounterKeys.line(n, CounterKeys.BURST_BYTES), p.burstBytes());
                m.put(CounterKeys.line(n, CounterKeys.SECOND_PACKETS), p.secondPackets());
                m.put(CounterKeys.line(n, CounterKeys.SECOND_BYTES), p.secondBytes());
            }
        }
        return m;
    }

    /**
     * The HdrHistograms of what the channel recorded since the previous call (latency and jitter per
     * line, A/B skew), encoded for a counters event; empty ones are left out. The percentiles of a
     * window or a minute are those of the sum of its intervals.
     */
    public static Map<String, String> histograms(MonitoredChannel c) {
        ChannelTracker t = c.tracker();
        Map<String, String> m = new LinkedHashMap<>();
        put(m, CounterKeys.hist(null, CounterKeys.SKEW), t.skewIntervals());
        for (LineTracker l : t.lines()) {
            put(m, CounterKeys.hist(l.name(), CounterKeys.LATENCY), l.latencyIntervals());
            put(m, CounterKeys.hist(l.name(), CounterKeys.JITTER), l.jitterIntervals());
        }
        return m;
    }

    private static void put(Map<String, String> m, String key, IntervalHistogram h) {
        org.HdrHistogram.Histogram interval = h.take();
        if (interval.getTotalCount() > 0) {
            m.put(key, HistogramCodec.encode(interval));
        }
    }

    /** A fixed-bucket histogram (the refresh intervals): non-empty buckets only, and always the last finite bound. */
    private static void histogram(Map<String, Long> m, String name, io.omdprt.track.Histogram h) {
        for (int i = 0; i <= h.bucketCount(); i++) {
            long n = h.countInBucket(i);
            boolean inf = i == h.bucketCount();
            if (n > 0 || i == h.bucketCount() - 1) {
                m.put(CounterKeys.bucket(name, inf ? Long.MAX_VALUE : h.upperBoundNanos(i)), n);
            }
        }
    }
}
