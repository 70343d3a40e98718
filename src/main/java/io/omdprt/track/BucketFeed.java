package io.omdprt.track;

/**
 * Feeds a fixed-bucket {@link Histogram} from an {@link IntervalHistogram}'s counts as it hands them
 * over, so a value is recorded once on the per-packet path and yet the buckets, sum and negative
 * count come out exactly as if each value had been recorded into the fixed buckets.
 *
 * <p>Most counts cover values that all fall into one fixed bucket, and go there whole. A count whose
 * values straddle a bucket bound (at most one per bound, and the top one, where values are clamped)
 * is split: the values it gets are put into their fixed bucket as they come, which costs a table
 * look-up per value and a search only for those few. The sum and the negative values are kept as
 * they come too. Writer thread only.
 */
final class BucketFeed {
    private final Histogram buckets;
    /** Per interval histogram count: whether its values straddle a bound. */
    private final boolean[] split;
    /** Per fixed bucket, +Inf included: values of the split counts since the last hand-over. */
    private final long[] exact;
    private long sum;
    private long negatives;

    BucketFeed(Histogram buckets, IntervalHistogram counts) {
        this.buckets = buckets;
        split = new boolean[counts.countsLength()];
        for (int i = 0; i < split.length; i++) {
            split[i] = buckets.bucketOf(counts.lowestValue(i)) != buckets.bucketOf(counts.highestValue(i));
        }
        exact = new long[buckets.bucketCount() + 1];
    }

    /** A value was recorded at count {@code index} (negative values at 0, as the fixed buckets record them). */
    void recorded(long valueNanos, int index) {
        long v = valueNanos;
        if (v < 0) {
            negatives++;
            v = 0;
        }
        sum += v;
        if (split[index]) {
            exact[buckets.bucketOf(v)]++;
        }
    }

    /** At a hand-over: {@code n} values at count {@code index}, the lowest of which is {@code lowestValue}. */
    void counted(int index, long lowestValue, int n) {
        if (!split[index]) {
            buckets.add(buckets.bucketOf(lowestValue), n);
        }
    }

    /** The hand-over is complete: the split counts' values, the sum and the negatives go in too. */
    void handedOver() {
        for (int i = 0; i < exact.length; i++) {
            if (exact[i] != 0) {
                buckets.add(i, exact[i]);
                exact[i] = 0;
            }
        }
        buckets.addSum(sum, negatives);
        sum = 0;
        negatives = 0;
    }
}
