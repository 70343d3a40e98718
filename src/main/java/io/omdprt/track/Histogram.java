package io.omdprt.track;

import java.util.Arrays;

/**
 * A fixed-bucket histogram of nanosecond values with one writer thread and any number of readers,
 * shaped like a Prometheus histogram (upper bounds, a +Inf bucket, sum and count). Recording starts
 * at the bucket the value's bit length points to, so it is a step or two and two opaque writes.
 */
public final class Histogram {
    /** Upper bounds from 10 µs to 10 s, roughly 1-2.5-5 per decade: fits both A/B skew and feed latency. */
    public static final long[] DEFAULT_BOUNDS_NANOS = {
        10_000L, 50_000L, 100_000L, 250_000L, 500_000L,
        1_000_000L, 2_500_000L, 5_000_000L, 10_000_000L, 25_000_000L, 50_000_000L,
        100_000_000L, 250_000_000L, 500_000_000L, 1_000_000_000L, 2_500_000_000L, 5_000_000_000L, 10_000_000_000L
    };

    private final long[] upperBounds;
    /** For each bit length of a value, the first bucket that can hold it: recording scans from there. */
    private final int[] firstBucketByBitLength = new int[64];
    /** One slot per bound plus +Inf, then the sum, then how many values were negative. The count is the buckets' total. */
    private final Counters slots;
    private final int sumSlot;
    private final int negativeSlot;

    public Histogram() {
        this(DEFAULT_BOUNDS_NANOS);
    }

    public Histogram(long[] upperBoundsNanos) {
        for (int i = 1; i < upperBoundsNanos.length; i++) {
            if (upperBoundsNanos[i] <= upperBoundsNanos[i - 1]) {
                throw new IllegalArgumentException("bounds must increase: " + Arrays.toString(upperBoundsNanos));
            }
        }
        upperBounds = upperBoundsNanos.clone();
        for (int bits = 0; bits < 64; bits++) {
            long smallest = bits == 0 ? 0 : 1L << (bits - 1);
            int i = 0;
            while (i < upperBounds.length && smallest > upperBounds[i]) {
                i++;
            }
            firstBucketByBitLength[bits] = i;
        }
        slots = new Counters(upperBounds.length + 3);
        sumSlot = upperBounds.length + 1;
        negativeSlot = upperBounds.length + 2;
    }

    /** Writer thread only. Negative values (e.g. clocks out of step) are recorded as 0 and counted apart. */
    public void record(long valueNanos) {
        long v = valueNanos;
        if (v < 0) {
            slots.increment(negativeSlot);
            v = 0;
        }
        slots.increment(bucketOf(v));
        slots.add(sumSlot, v);
    }

    /** The bucket a value of at least 0 goes into; bucketCount() is +Inf. */
    int bucketOf(long v) {
        int i = firstBucketByBitLength[64 - Long.numberOfLeadingZeros(v)];
        while (i < upperBounds.length && v > upperBounds[i]) {
            i++;
        }
        return i;
    }

    /** Writer thread only: {@code n} more values in {@code bucket}. */
    void add(int bucket, long n) {
        slots.add(bucket, n);
    }

    /** Writer thread only: to the sum, and values that were negative (already counted in the first bucket). */
    void addSum(long sumNanos, long negatives) {
        slots.add(sumSlot, sumNanos);
        if (negatives != 0) {
            slots.add(negativeSlot, negatives);
        }
    }

    public int bucketCount() {
        return upperBounds.length;
    }

    public long upperBoundNanos(int bucket) {
        return upperBounds[bucket];
    }

    /** Observations with value <= upperBound(bucket) and > the previous bound; bucket == bucketCount() is +Inf. */
    public long countInBucket(int bucket) {
        return slots.get(bucket);
    }

    /** Observations that were negative (recorded in the first bucket as 0). */
    public long negativeCount() {
        return slots.get(negativeSlot);
    }

    public long sumNanos() {
        return slots.get(sumSlot);
    }

    /** Read concurrently with recording, the buckets may be ahead of the sum (by what one record adds). */
    public long count() {
        long n = 0;
        for (int i = 0; i <= upperBounds.length; i++) {
            n += slots.get(i);
        }
        return n;
    }
}
