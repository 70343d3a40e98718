package io.omdprt.track;

import java.util.Arrays;

/**
 * Where an {@link IntervalHistogram} counts a value: HdrHistogram's layout for nanoseconds from 1 to
 * {@link IntervalHistogram#HIGHEST_NANOS} (buckets of powers of two, each of subBucketHalfCount counts,
 * bucket 0 of twice as many), and, with fixed buckets, which fixed bucket each count's values fall
 * into. Immutable; one instance per precision is shared by every histogram with the default fixed
 * bounds, so the per-value table look-up hits the same few cache lines for all of them.
 */
final class HdrLayout {
    private static final HdrLayout[] PLAIN = new HdrLayout[6];
    private static final HdrLayout[] WITH_DEFAULT_BOUNDS = new HdrLayout[6];

    private final int subBucketHalfCountMagnitude;
    private final int subBucketHalfCount;
    private final long subBucketMask;
    private final int leadingZeroCountBase;
    private final int countsLength;
    /** The fixed buckets' shape (never written), or null without fixed buckets. */
    private final Histogram fixed;
    /** Per count: the fixed bucket all its values fall into, or -1 when they straddle a bound. */
    private final int[] fixedBucketOfCount;

    /** @param fixedBoundsNanos upper bounds of the fixed buckets, or null for none */
    static HdrLayout of(int significantDigits, long[] fixedBoundsNanos) {
        if (significantDigits < 1 || significantDigits > 5) {
            throw new IllegalArgumentException("significant digits must be 1 to 5: " + significantDigits);
        }
        if (fixedBoundsNanos != null && fixedBoundsNanos != Histogram.DEFAULT_BOUNDS_NANOS) {
            return new HdrLayout(significantDigits, fixedBoundsNanos);
        }
        HdrLayout[] cache = fixedBoundsNanos == null ? PLAIN : WITH_DEFAULT_BOUNDS;
        synchronized (cache) {
            if (cache[significantDigits] == null) {
                cache[significantDigits] = new HdrLayout(significantDigits, fixedBoundsNanos);
            }
            return cache[significantDigits];
        }
    }

    private HdrLayout(int significantDigits, long[] fixedBoundsNanos) {
        long largestValueWithSingleUnitResolution = 2 * (long) Math.pow(10, significantDigits);
        int subBucketCountMagnitude = 64 - Long.numberOfLeadingZeros(largestValueWithSingleUnitResolution - 1);
        subBucketHalfCountMagnitude = subBucketCountMagnitude - 1;
        subBucketHalfCount = 1 << subBucketHalfCountMagnitude;
        subBucketMask = (1L << subBucketCountMagnitude) - 1;
        leadingZeroCountBase = 64 - subBucketCountMagnitude;
        countsLength = (bucket(IntervalHistogram.HIGHEST_NANOS) + 2) << subBucketHalfCountMagnitude;
        if (fixedBoundsNanos == null) {
            fixed = null;
            fixedBucketOfCount = null;
        } else {
            fixed = new Histogram(fixedBoundsNanos);
            fixedBucketOfCount = new int[countsLength];
            for (int i = 0; i < countsLength; i++) {
                int low = fixed.bucketOf(lowestValue(i));
                fixedBucketOfCount[i] = low == fixed.bucketOf(highestValue(i)) ? low : -1;
            }
        }
    }

    int countsLength() {
        return countsLength;
    }

    /** The count a value goes into: negative values at 0, those above the highest at the highest. */
    int index(long valueNanos) {
        long v = valueNanos < 0 ? 0 : Math.min(valueNanos, IntervalHistogram.HIGHEST_NANOS);
        int bucket = bucket(v);
        return ((bucket + 1) << subBucketHalfCountMagnitude) + (int) (v >>> bucket) - subBucketHalfCount;
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
        return highest >= IntervalHistogram.HIGHEST_NANOS ? Long.MAX_VALUE : highest;
    }

    int fixedBucketCount() {
        return fixed.bucketCount();
    }

    /** The fixed bucket of every value counted at {@code index}, or -1 when they straddle a bound. */
    int fixedBucketOfCount(int index) {
        return fixedBucketOfCount[index];
    }

    /** The fixed bucket of a value of at least 0; fixedBucketCount() is +Inf. */
    int fixedBucketOf(long valueNanos) {
        return fixed.bucketOf(valueNanos);
    }

    /** An empty fixed-bucket histogram of this layout's bounds. */
    Histogram newFixed() {
        long[] bounds = new long[fixed.bucketCount()];
        Arrays.setAll(bounds, fixed::upperBoundNanos);
        return new Histogram(bounds);
    }

    private int bucket(long v) {
        return leadingZeroCountBase - Long.numberOfLeadingZeros(v | subBucketMask);
    }
}
