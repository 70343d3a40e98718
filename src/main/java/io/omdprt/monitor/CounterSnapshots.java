package io.omdprt.monitor;

import io.omdprt.event.CounterKeys;
import io.omdprt.metrics.SocketStats;
import io.omdprt.protocol.Malformed;
import io.omdprt.track.ChannelCounter;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.Histogram;
import io.omdprt.track.LineCounter;
import io.omdprt.track.LineTracker;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a channel's counters (from any thread) into the keys of a counters event ({@link CounterKeys}). */
public final class CounterSnapshots {
    private CounterSnapshots() {
    }

    public static Map<String, Long> of(MonitoredChannel c, SocketStats sockets, long nowNanos) {
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
        histogram(m, CounterKeys.SKEW, t.skew());
        io.omdprt.track.RefreshCheck refresh = t.refreshCheck();
        if (refresh != null) {
            m.put(CounterKeys.REFRESH_COMPLETES, refresh.get(io.omdprt.track.RefreshCounter.COMPLETES));
            histogram(m, CounterKeys.REFRESH_INTERVAL, refresh.intervals());
        }
        for (LineTracker l : t.lines()) {
            String n = l.name();
            m.put(CounterKeys.line(n, CounterKeys.PACKETS), l.get(LineCounter.PACKETS));
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
            histogram(m, CounterKeys.line(n, CounterKeys.LATENCY), l.latency());
        }
        return m;
    }

    /** Non-empty buckets only (a snapshot of 400 lines stays small), and always the last finite bound. */
    private static void histogram(Map<String, Long> m, String name, Histogram h) {
        for (int i = 0; i <= h.bucketCount(); i++) {
            long n = h.countInBucket(i);
            boolean inf = i == h.bucketCount();
            if (n > 0 || i == h.bucketCount() - 1) {
                m.put(CounterKeys.bucket(name, inf ? Long.MAX_VALUE : h.upperBoundNanos(i)), n);
            }
        }
    }
}
