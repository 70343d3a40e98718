package io.omdprt.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.Histogram;

/**
 * An HdrHistogram of nanosecond values recorded by one writer thread without allocation, lock or
 * atomic instruction, and read by any other thread interval by interval; optionally also as the
 * all-time fixed-bucket {@link io.omdprt.track.Histogram} that /metrics exports.
 *
 * <p>The writer counts each value in a plain array laid out as an HdrHistogram's counts (lowest
 * discernible value 1): an index computed with a shift or two and one opaque increment, none of the
 * HdrHistogram's per-value bookkeeping (total count, min, max, which readers derive from the counts).
 * The counts only ever grow, so nothing is handed over and the writer's ticks do no histogram work: a
 * reader sees every value as soon as it is visible (opaque writes: at once in practice), and
 * {@link #take} gives the difference between the counts now and at the previous take — the values
 * recorded in between, as an HdrHistogram would have recorded them. A value is counted in exactly one
 * take, whatever the writer does meanwhile, because each count is read once and remembered.
 *
 * <p>With fixed buckets, {@link #buckets} derives them from the same counts: a count whose values
 * all fall into one fixed bucket goes there whole; the few whose values straddle a bound (at most one
 * per bound, and the top one, where values are clamped) are kept apart per fixed bucket as values
 * come, as are the sum and the negative values — exactly what recording each value into the fixed
 * buckets would have given.
 *
 * <p>Precision: {@link #SIGNIFICANT_DIGITS} significant digits by default (any value is known to within
 * 1 %), from 1 ns to {@link #HIGHEST_NANOS}; larger values are recorded as that, negative ones as 0.
 * Fewer digits make smaller journal records (jitter is kept to 1 digit: 10 %).
 */
public final class IntervalHistogram {
    public static final int SIGNIFICANT_DIGITS = 2;
    public static final long HIGHEST_NANOS = 60_000_000_000L;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    /** In {@link #totals}: the sum of the values (negative ones as 0), how many were negative, then the straddling counts' values per fixed bucket. */
    private static final int SUM = 0;
    private static final int NEGATIVES = 1;
    private static final int EXACT = 2;

    private final int significantDigits;
    private final HdrLayout layout;
    /** The writer's, read by any thread: every value ever recorded, per HdrHistogram count. */
    private final long[] counts;
    /** With fixed buckets: the sum, the negatives and the straddling counts' values; null without. */
    private final long[] totals;
    /** The counts at the previous take; null before the first. Guarded by this. */
    private long[] taken;

    public IntervalHistogram() {
        this(SIGNIFICANT_DIGITS);
    }

    public IntervalHistogram(int significantDigits) {
        this(significantDigits, null);
    }

    /** @param fixedBoundsNanos upper bounds of the fixed buckets {@link #buckets} gives, or null for none */
    public IntervalHistogram(int significantDigits, long[] fixedBoundsNanos) {
        this.significantDigits = significantDigits;
        layout = HdrLayout.of(significantDigits, fixedBoundsNanos);
        counts = new long[layout.countsLength()];
        totals = fixedBoundsNanos == null ? null : new long[EXACT + layout.fixedBucketCount() + 1];
    }

    /** Writer thread only. */
    public void record(long valueNanos) {
        int index = layout.index(valueNanos);
        SLOT.setOpaque(counts, index, counts[index] + 1);
        long[] t = totals;
        if (t != null) {
            long v = valueNanos;
            if (v < 0) {
                SLOT.setOpaque(t, NEGATIVES, t[NEGATIVES] + 1);
                v = 0;
            }
            SLOT.setOpaque(t, SUM, t[SUM] + v);
            int fixed = layout.fixedBucketOfCount(index);
            if (fixed < 0) {
                int exact = EXACT + layout.fixedBucketOf(v);
                SLOT.setOpaque(t, exact, t[exact] + 1);
            }
        }
    }

    /** Any thread: what was recorded since the previous take (everything, at the first), as a new histogram. */
    public synchronized Histogram take() {
        Histogram out = new Histogram(1, HIGHEST_NANOS, significantDigits);
        if (taken == null) {
            taken = new long[counts.length];
        }
        for (int i = 0; i < counts.length; i++) {
            long now = (long) SLOT.getOpaque(counts, i);
            long n = now - taken[i];
            if (n != 0) {
                taken[i] = now;
                out.recordValueWithCount(layout.lowestValue(i), n);
            }
        }
        return out;
    }

    /**
     * Any thread: every value recorded so far in the fixed buckets, as a new histogram. Read while
     * values are recorded, the buckets may be ahead of the sum by a value or two, as a Prometheus
     * histogram read during an observation may be.
     *
     * @throws IllegalStateException when this histogram was made without fixed buckets
     */
    public io.omdprt.track.Histogram buckets() {
        if (totals == null) {
            throw new IllegalStateException("an interval histogram made without fixed buckets");
        }
        io.omdprt.track.Histogram out = layout.newFixed();
        for (int i = 0; i < counts.length; i++) {
            long n = (long) SLOT.getOpaque(counts, i);
            if (n != 0) {
                int fixed = layout.fixedBucketOfCount(i);
                if (fixed >= 0) {
                    out.add(fixed, n);
                }
            }
        }
        for (int b = 0; b <= out.bucketCount(); b++) {
            long n = (long) SLOT.getOpaque(totals, EXACT + b);
            if (n != 0) {
                out.add(b, n);
            }
        }
        out.addSum((long) SLOT.getOpaque(totals, SUM), (long) SLOT.getOpaque(totals, NEGATIVES));
        return out;
    }
}
