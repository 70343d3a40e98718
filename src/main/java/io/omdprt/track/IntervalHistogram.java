package io.omdprt.track;

import java.util.concurrent.locks.ReentrantLock;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * An HdrHistogram of nanosecond values recorded by one writer thread without allocation, lock or
 * atomic instruction, and read by others interval by interval.
 *
 * <p>The writer records into a pre-sized histogram it alone touches. On each tick (off the
 * per-packet path) it adds that into the histogram readers take from, if no reader holds it at that
 * moment (a try-lock: the writer never waits; what it could not hand over goes with the next tick),
 * and starts again from empty. So a reader sees values up to one tick late, never a histogram being
 * written, and {@link #take} gives what was recorded since the previous take.
 *
 * <p>Precision: {@link #SIGNIFICANT_DIGITS} significant digits by default (any value is known to within
 * 1 %), from 1 ns to {@link #HIGHEST_NANOS}; larger values are recorded as that, negative ones as 0.
 * Fewer digits make smaller journal records (jitter is kept to 1 digit: 10 %).
 */
public final class IntervalHistogram {
    public static final int SIGNIFICANT_DIGITS = 2;
    public static final long HIGHEST_NANOS = 60_000_000_000L;

    /** The writer's: what was recorded since its last hand-over (a tick's worth: int counts cannot overflow). */
    private final IntCountsHistogram active;
    /** What was handed over and not yet taken. Guarded by lock. */
    private final Histogram handedOver;
    private final ReentrantLock lock = new ReentrantLock();

    public IntervalHistogram() {
        this(SIGNIFICANT_DIGITS);
    }

    public IntervalHistogram(int significantDigits) {
        active = new IntCountsHistogram(1, HIGHEST_NANOS, significantDigits);
        handedOver = new Histogram(1, HIGHEST_NANOS, significantDigits);
    }

    /** Writer thread only. */
    public void record(long valueNanos) {
        active.recordValue(valueNanos < 0 ? 0 : Math.min(valueNanos, HIGHEST_NANOS));
    }

    /** Writer thread only (each tick): hands what was recorded over to readers, unless one is reading right now. */
    public void rotate() {
        if (active.getTotalCount() == 0 || !lock.tryLock()) {
            return;
        }
        try {
            handedOver.add(active);
        } finally {
            lock.unlock();
        }
        active.reset();
    }

    /** Any thread: everything handed over since the previous take (then forgotten here), as a new histogram. */
    public Histogram take() {
        lock.lock();
        try {
            Histogram out = handedOver.copy();
            handedOver.reset();
            return out;
        } finally {
            lock.unlock();
        }
    }
}
