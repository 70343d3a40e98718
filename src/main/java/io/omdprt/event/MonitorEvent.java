package io.omdprt.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One event, as journalled (one JSON line each) and as reports read it. Fields that do not apply to
 * a type are null and left out of the JSON.
 *
 * @param time      when it happened (for an outage end: the first arrival after it)
 * @param fromSeq   first sequence number of a gap (of a stray: its SeqNum; of a jump or restart: the next expected before it)
 * @param toSeq     last sequence number of a gap (of a jump or restart: the new sequence number)
 * @param since     start of an outage (the last arrival before it), or when a gap was first seen
 * @param seconds   length of an ended outage
 * @param value     DR status, new sequence number after a reset, or dropped datagrams
 * @param previous  previous DR status, or the drop counter before
 * @param window    window name (window events)
 * @param until     scheduled end of a window (window_start)
 * @param detail    free text: version, reason, description, the monitored lines
 * @param counts    counter values of a channel and its lines (counters events; see {@link CounterKeys})
 * @param iface     the receiving interface (interface events, and a line's membership and rejoin events)
 * @param hist      HdrHistograms of what was recorded since the previous counters event (latency, jitter, skew;
 *                  see {@link CounterKeys#hist}), each in HdrHistogram's compressed encoding, Base64; empty ones left out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MonitorEvent(Instant time, EventType type, String feed, String channel, String line, String site,
                           Long fromSeq, Long toSeq, Instant since, Double seconds, Long value, Long previous,
                           String window, Instant until, String detail, java.util.Map<String, Long> counts,
                           @com.fasterxml.jackson.annotation.JsonProperty("interface") String iface,
                           java.util.Map<String, String> hist) {

    public MonitorEvent {
        counts = counts == null ? null : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(counts));
        hist = hist == null || hist.isEmpty() ? null : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(hist));
    }

    public MonitorEvent(Instant time, EventType type, String feed, String channel, String line, String site,
                        Long fromSeq, Long toSeq, Instant since, Double seconds, Long value, Long previous,
                        String window, Instant until, String detail, java.util.Map<String, Long> counts) {
        this(time, type, feed, channel, line, site, fromSeq, toSeq, since, seconds, value, previous, window, until, detail, counts, null,
                null);
    }

    public static MonitorEvent of(Instant time, EventType type) {
        return new MonitorEvent(time, type, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A counters event of one channel. */
    public static MonitorEvent counters(Instant time, String feed, String channel, java.util.Map<String, Long> counts) {
        return counters(time, feed, channel, counts, null);
    }

    /** A counters event of one channel, with the histograms of the interval since the previous one. */
    public static MonitorEvent counters(Instant time, String feed, String channel, java.util.Map<String, Long> counts,
                                        java.util.Map<String, String> hist) {
        return new MonitorEvent(time, EventType.COUNTERS, feed, channel, null, null, null, null, null, null, null, null, null, null,
                null, counts, null, hist);
    }

    /** A window event: its name and scheduled start and end. */
    public MonitorEvent window(String name, Instant start, Instant end) {
        return new MonitorEvent(time, type, feed, channel, line, site, fromSeq, toSeq, start, seconds, value, previous, name, end, detail, counts, iface, hist);
    }

    public MonitorEvent at(String feed, String channel, String line, String site) {
        return new MonitorEvent(time, type, feed, channel, line, site, fromSeq, toSeq, since, seconds, value, previous, window, until, detail, counts, iface, hist);
    }

    public MonitorEvent range(long from, long to) {
        return new MonitorEvent(time, type, feed, channel, line, site, from, to, since, seconds, value, previous, window, until, detail, counts, iface, hist);
    }

    public MonitorEvent outage(Instant start, Double lengthSeconds) {
        return new MonitorEvent(time, type, feed, channel, line, site, fromSeq, toSeq, start, lengthSeconds, value, previous, window, until, detail, counts, iface, hist);
    }

    public MonitorEvent values(Long newValue, Long previousValue) {
        return new MonitorEvent(time, type, feed, channel, line, site, fromSeq, toSeq, since, seconds, newValue, previousValue, window, until, detail, counts, iface, hist);
    }


    public MonitorEvent detail(String text) {
        return new MonitorEvent(time, type, feed, channel, line, site, fromSeq, toSeq, since, seconds, value, previous, window, until, text, counts, iface, hist);
    }

    /** The event on a receiving interface. */
    public MonitorEvent onInterface(String name) {
        return new MonitorEvent(time, type, feed, channel, line, site, fromSeq, toSeq, since, seconds, value, previous, window, until, detail, counts, name, hist);
    }

    /** Messages in the gap, for gap events. */
    public long messages() {
        return fromSeq == null || toSeq == null ? 0 : toSeq - fromSeq + 1;
    }
}
