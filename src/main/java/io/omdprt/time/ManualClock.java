package io.omdprt.time;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock that stands still until moved: for tests, and for the simulator's simulated time, where a
 * run takes only as long as encoding its packets. {@link #advance} and {@link #sleep} move both readings;
 * {@link #set} steps the wall time only, as a host's clock can be stepped while the monotonic time runs on.
 * Deadlines measured on it never pass by themselves. Any thread.
 */
public final class ManualClock implements MonitorClock {
    private volatile long epochNanos;
    private volatile long monotonicNanos;

    private ManualClock(long epochNanos) {
        this.epochNanos = epochNanos;
        this.monotonicNanos = epochNanos;
    }

    /** Stands at {@code start}. */
    public static ManualClock at(Instant start) {
        return new ManualClock(nanos(start));
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    @Override
    public long epochNanos() {
        return epochNanos;
    }

    @Override
    public long monotonicNanos() {
        return monotonicNanos;
    }

    /** Moves on by {@code nanos} (nothing for none or fewer): nothing waits. */
    @Override
    public void sleep(long nanos) {
        if (nanos > 0) {
            advanceNanos(nanos);
        }
    }

    public ManualClock advance(Duration d) {
        return advanceNanos(d.toNanos());
    }

    public synchronized ManualClock advanceNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time only moves on: " + nanos + " ns");
        }
        epochNanos += nanos;
        monotonicNanos += nanos;
        return this;
    }

    /** Steps the wall time to {@code t} (backwards too); the monotonic time stays where it is. */
    public synchronized ManualClock set(Instant t) {
        epochNanos = nanos(t);
        return this;
    }
}
