package io.omdprt.event;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The trackers' counters of a channel and its lines at a moment (window start and end, stop, every
 * 30 s inside a window).
 *
 * @param counts counter values (see {@link CounterKeys})
 * @param hist   HdrHistograms of what was recorded since the previous counters event (latency, jitter, skew;
 *               see {@link CounterKeys#hist}), each in HdrHistogram's compressed encoding, Base64; empty ones left out
 */
public record ChannelCounts(Instant time, Where.Channel where, Map<String, Long> counts, Map<String, String> hist)
        implements MonitorEvent, Located {
    public ChannelCounts {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(where, "where");
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
        hist = Collections.unmodifiableMap(new TreeMap<>(hist));
    }

    /** Without histograms. */
    public ChannelCounts(Instant time, Where.Channel where, Map<String, Long> counts) {
        this(time, where, counts, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.COUNTERS;
    }
}
