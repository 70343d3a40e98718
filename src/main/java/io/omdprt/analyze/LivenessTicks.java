package io.omdprt.analyze;

import io.omdprt.track.ChannelTracker;

/**
 * The live receiver's liveness timer replayed in capture time: a tick every check interval from the
 * start, each delivered to every tracker before the first datagram that comes after it.
 */
final class LivenessTicks {
    private final long period;
    /** After this long without a datagram no tick can change a tracker: every line is stale and every hole expired. */
    private final long settledAfter;
    private long next;

    LivenessTicks(long startNanos, long periodNanos, long staleAfterNanos, long arbitrationWaitNanos) {
        this.period = periodNanos;
        this.settledAfter = staleAfterNanos + arbitrationWaitNanos + 2 * periodNanos;
        this.next = startNanos + periodNanos;
    }

    /** Time of the next tick due. */
    long next() {
        return next;
    }

    /**
     * Delivers every tick due at or before {@code nowNanos}. Across a long silence (or a corrupt
     * timestamp far ahead) the ticks that cannot change anything are skipped: one is delivered at the end.
     */
    void advanceTo(long nowNanos, ChannelTracker[] trackers) {
        long settledFrom = next + settledAfter;
        while (next <= nowNanos) {
            if (next > settledFrom) {
                next += (nowNanos - next) / period * period;
            }
            for (ChannelTracker t : trackers) {
                t.onTick(next);
            }
            next += period;
        }
    }
}
