package io.omdprt.track;

import java.util.concurrent.locks.ReentrantLock;
import org.HdrHistogram.Histogram;

/**
 * An HdrHistogram of nanosecond values recorded by one writer thread without allocation, lock or
 * atomic instruction, and read by others interval by interval; optionally also the all-time
 * fixed-bucket {@link io.omdprt.track.Histogram} that /metrics exports, fed from the same counts.
 *
 * <p>The writer counts each value in a plain array laid out as an HdrHistogram's counts (lowest
 * discernible value 1): an index computed with a shift or two and one increment, none of the
 * HdrHistogram's per-value bookkeeping (total count, min, max, which readers derive from the counts).
 * On each tick (off the per-packet path) it adds those counts into the histogram readers take from,
 * if no reader holds it at that moment (a try-lock: the writer never waits; what it could not hand
 * over goes with the next tick), and starts again from zero. So a reader sees values up to one tick
 * late, never a histogram being written, and {@link #take} gives what was recorded since the previous
 * take: the same counts an HdrHistogram would have recorded. The fixed buckets are fed at the same
 * hand-over (see {@link BucketFeed}): exactly what recording each value into them would have given,
 * up to one tick late.
 *
 * <p>Precision: {@link #SIGNIFICANT_DIGITS} significant digits by default (any value is known to within
 * 1 %), from 1 ns to {@link #HIGHEST_NANOS}; larger values are recorded as that, negative ones as 0.
 * Fewer digits make smaller journal records (jitter is kept to 1 digit: 10 %).
 */
public final class IntervalHistogram {
    public static final int SIGNIFICANT_DIGITS = 2;
    public static final long HIGHEST_NANOS = 60_000_000_000L;

    /** HdrHistogram's layout: buckets of powers of two, each of subBucketHalfCount counts (bucket 0 of twice as many). */
    private final int subBucketHalfCountMagnitude;
    private final int subBucketHalfCount;
    private final long subBucketMask;
    private final int leadingZeroCountBase;
    /** The writer's: counts since its last hand-over (a tick's worth: int counts cannot overflow). */
    private final int[] counts;
    /** The writer's: bit b set when bucket b has a count, so a hand-over reads only those; 0 when nothing was recorded. */
    private long bucketsRecorded;
    /** The fixed buckets fed at each hand-over, or null. */
    private final BucketFeed feed;
    /** What was handed over and not yet taken. Guarded by lock. */
    private final Histogram handedOver;
    private final ReentrantLock lock = new ReentrantLock();

    public IntervalHistogram() {
        this(SIGNIFICANT_DIGITS);
    }

    public IntervalHistogram(int significantDigits) {
        this(significantDigits, null);
    }

    /** @param buckets fed from every hand-over with each value recorded since the one before, or null */
    public IntervalHistogram(int significantDigits, io.omdprt.track.Histogram buckets) {
        handedOver = new Histogram(1, HIGHEST_NANOS, significantDigits);
        long largestValueWithSingleUnitResolution = 2 * (long) Math.pow(10, significantDigits);
        int subBucketCountMagnitude = 64 - Long.numberOfLeadingZeros(largestValueWithSingleUnitResolution - 1);
        subBucketHalfCountMagnitude = subBucketCountMagnitude - 1;
        subBucketHalfCount = 1 << subBucketHalfCountMagnitude;
        subBucketMask = (1L << subBucketCountMagnitude) - 1;
        leadingZeroCountBase = 64 - subBucketCountMagnitude;
        counts = new int[(bucket(HIGHEST_NANOS) + 2) << subBucketHalfCountMagnitude];
        feed = buckets == null ? null : new BucketFeed(buckets, this);
    }

    /** Writer thread only. */
    public void record(long valueNanos) {
        long v = valueNanos < 0 ? 0 : Math.min(valueNanos, HIGHEST_NANOS);
        int bucket = bucket(v);
        int index = ((bucket + 1) << subBucketHalfCountMagnitude) + (int) (v >>> bucket) - subBucketHalfCount;
        counts[index]++;
        bucketsRecorded |= 1L << bucket;
        if (feed != null) {
            feed.recorded(valueNanos, index);
        }
    }

    /**
     * Writer thread only (each tick): hands what was recorded over to readers and feeds the fixed
     * buckets, unless a reader is taking right now (then both wait for the next tick).
     */
    public void rotate() {
        if (bucketsRecorded == 0 || !lock.tryLock()) {
            return;
        }
        try {
            for (long left = bucketsRecorded; left != 0; left &= left - 1) {
                handOver(Long.numberOfTrailingZeros(left));
            }
        } finally {
            lock.unlock();
        }
        bucketsRecorded = 0;
        if (feed != null) {
            feed.handedOver();
        }
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

    /** How many counts there are: indexes 0 to countsLength() - 1. */
    int countsLength() {
        return counts.length;
    }

    /** The lowest value counted at {@code index}. */
    long lowestValue(int index) {
        int bucket = Math.max(0, (index >> subBucketHalfCountMagnitude) - 1);
        return (long) (index - (bucket << subBucketHalfCountMagnitude)) << bucket;
    }

    /** The highest value counted at {@code index} (Long.MAX_VALUE at the top, where larger values are clamped). */
    long highestValue(int index) {
        int bucket = Math.max(0, (index >> subBucketHalfCountMagnitude) - 1);
        long highest = lowestValue(index) + (1L << bucket) - 1;
        return highest >= HIGHEST_NANOS ? Long.MAX_VALUE : highest;
    }

    private int bucket(long v) {
        return leadingZeroCountBase - Long.numberOfLeadingZeros(v | subBucketMask);
    }

    /** Moves one bucket's counts into the readers' histogram (each at the lowest value it stands for) and the feed. */
    private void handOver(int bucket) {
        int from = bucket == 0 ? 0 : (bucket + 1) << subBucketHalfCountMagnitude;
        int to = (bucket + 2) << subBucketHalfCountMagnitude;
        for (int i = from; i < to; i++) {
            int n = counts[i];
            if (n != 0) {
                counts[i] = 0;
                long value = lowestValue(i);
                handedOver.recordValueWithCount(value, n);
                if (feed != null) {
                    feed.counted(i, value, n);
                }
            }
        }
    }
}
