package io.omdprt.sim;

import io.omdprt.text.Counts;
import java.time.Duration;

/**
 * One scripted fault.
 *
 * @param at       when, from the start of the run
 * @param channel  the channel label (ChannelID, or "dr")
 * @param line     the line name, or null for every line of the channel
 * @param count    messages (drop) or packets (duplicate, reorder, burst)
 * @param duration how long (line-down, channel-silent, delay; burst: the time its packets are sent within)
 * @param delay    by how much (delay)
 * @param status   DRStatus (dr-signal)
 */
public record Fault(Duration at, FaultType type, String feed, String channel, String line, int count, Duration duration,
                    Duration delay, int status) {

    public String describe() {
        StringBuilder b = new StringBuilder(type.configName()).append(' ').append(feed);
        if (channel != null) {
            b.append('/').append(channel);
        }
        b.append(line == null ? (type == FaultType.DR_SIGNAL ? "" : " all lines") : " line " + line);
        switch (type) {
            case DROP -> b.append(", ").append(Counts.of(count, "message"));
            case DUPLICATE, REORDER -> b.append(", ").append(Counts.of(count, "packet"));
            case LINE_DOWN, CHANNEL_SILENT -> b.append(" for ").append(duration.toMillis()).append(" ms");
            case DELAY -> b.append(" by ").append(delay.toMillis()).append(" ms for ").append(duration.toMillis()).append(" ms");
            case DR_SIGNAL -> b.append(" status ").append(status);
            case BURST -> b.append(", ").append(Counts.of(count, "packet")).append(" within ").append(duration.toNanos() / 1e6).append(" ms");
            case REFRESH_STALL -> b.append(" for ").append(duration.toMillis()).append(" ms");
            case REFRESH_GAP -> b.append(", ").append(Counts.of(count, "message")).append(" inside the next snapshot");
            case REFRESH_AHEAD -> b.append(", ").append(Counts.of(count, "Refresh Complete"));
            default -> { }
        }
        return b.toString();
    }

    /** The same fault with another delay (delay faults). */
    public Fault withDelay(Duration by) {
        return new Fault(at, type, feed, channel, line, count, duration, by, status);
    }

    Fault scaled(double factor) {
        // A burst's span is what it measures: time scaling moves it, never squeezes it.
        Duration scaledDuration = duration == null || type == FaultType.BURST ? duration : scale(duration, factor);
        return new Fault(scale(at, factor), type, feed, channel, line, count, scaledDuration,
                delay, status);
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofNanos(Math.round(d.toNanos() * factor));
    }
}
