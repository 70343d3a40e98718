package io.omdprt.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.omdprt.event.HistogramCodec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An interval histogram's takes give exactly what an HdrHistogram of the same precision records from
 * the same values (clamped to 0..HIGHEST_NANOS): the same counts, percentiles and journal encoding,
 * whatever the values and however the takes fall, each value in exactly one take; and its fixed
 * buckets are those of recording every value into them, to the last value at a bound, at any moment.
 */
class IntervalHistogramTest {
    @Test
    void takesGiveWhatAnHdrHistogramWouldHaveRecorded() {
        for (int digits : new int[] {1, 2, 3}) {
            IntervalHistogram interval = new IntervalHistogram(digits);
            org.HdrHistogram.Histogram truth = new org.HdrHistogram.Histogram(1, IntervalHistogram.HIGHEST_NANOS, digits);
            org.HdrHistogram.Histogram sinceTake = new org.HdrHistogram.Histogram(1, IntervalHistogram.HIGHEST_NANOS, digits);
            org.HdrHistogram.Histogram takes = new org.HdrHistogram.Histogram(1, IntervalHistogram.HIGHEST_NANOS, digits);
            SplittableRandom random = new SplittableRandom(digits);
            for (int i = 0; i < 200_000; i++) {
                long v = value(random);
                interval.record(v);
                long clamped = v < 0 ? 0 : Math.min(v, IntervalHistogram.HIGHEST_NANOS);
                truth.recordValue(clamped);
                sinceTake.recordValue(clamped);
                if (random.nextInt(5_000) == 0) {
                    org.HdrHistogram.Histogram taken = interval.take();
                    assertEquals(HistogramCodec.encode(sinceTake), HistogramCodec.encode(taken), digits + " digits: take " + i);
                    takes.add(taken);
                    sinceTake.reset();
                }
            }
            takes.add(interval.take());
            assertEquals(truth.getTotalCount(), takes.getTotalCount(), digits + " digits: count");
            assertEquals(truth.getMaxValue(), takes.getMaxValue(), digits + " digits: max");
            assertEquals(truth.getMinNonZeroValue(), takes.getMinNonZeroValue(), digits + " digits: min");
            assertEquals(truth.getMean(), takes.getMean(), 1e-6 * truth.getMean(), digits + " digits: mean");
            for (double p : new double[] {1, 10, 50, 90, 99, 99.9, 99.99}) {
                assertEquals(truth.getValueAtPercentile(p), takes.getValueAtPercentile(p), digits + " digits: p" + p);
            }
            assertEquals(HistogramCodec.encode(truth), HistogramCodec.encode(takes), digits + " digits: the journal's encoding");
        }
    }

    @Test
    void fixedBucketsAreExactlyThoseOfRecordingEachValue() {
        for (long[] bounds : new long[][] {Histogram.DEFAULT_BOUNDS_NANOS, {1, 2, 3, 255, 256, 257, 1_000, 1_023, 1_024, 1_025}}) {
            for (int digits : new int[] {1, 2}) {
                Histogram truth = new Histogram(bounds);
                IntervalHistogram interval = new IntervalHistogram(digits, bounds);
                SplittableRandom random = new SplittableRandom(digits);
                for (int i = 0; i < 200_000; i++) {
                    long v = random.nextInt(3) == 0 ? bounds[random.nextInt(bounds.length)] + random.nextInt(3) - 1 : value(random);
                    truth.record(v);
                    interval.record(v);
                    if (random.nextInt(5_000) == 0) {
                        assertSame(truth, interval.buckets());
                    }
                }
                assertSame(truth, interval.buckets());
            }
        }
    }

    @Test
    void valuesAreSeenAsRecordedWithoutATick() {
        IntervalHistogram h = new IntervalHistogram(2, Histogram.DEFAULT_BOUNDS_NANOS);
        h.record(1_000);
        h.record(-5);
        Histogram buckets = h.buckets();
        assertEquals(2, buckets.count());
        assertEquals(1, buckets.negativeCount());
        assertEquals(1_000, buckets.sumNanos());
        assertEquals(2, h.buckets().count(), "each value once");
        assertEquals(2, h.take().getTotalCount(), "a take sees them too");
        assertEquals(2, h.buckets().count(), "a take does not empty the buckets");
    }

    @Test
    void withoutFixedBucketsThereAreNone() {
        assertThrows(IllegalStateException.class, () -> new IntervalHistogram(1).buckets());
    }

    private static void assertSame(Histogram expected, Histogram actual) {
        for (int i = 0; i <= expected.bucketCount(); i++) {
            assertEquals(expected.countInBucket(i), actual.countInBucket(i), "bucket " + i);
        }
        assertEquals(expected.sumNanos(), actual.sumNanos(), "sum");
        assertEquals(expected.negativeCount(), actual.negativeCount(), "negative");
    }

    @Test
    void aTakeGivesWhatCameSinceThePreviousOne() {
        IntervalHistogram h = new IntervalHistogram();
        assertEquals(0, h.take().getTotalCount());
        h.record(1_000);
        assertEquals(1, h.take().getTotalCount());
        assertEquals(0, h.take().getTotalCount());
        h.record(1_000);
        h.record(2_000);
        assertEquals(2, h.take().getTotalCount());
    }

    /** Every bit length, sub-bucket edges, 0, negatives and values above the highest. */
    private static long value(SplittableRandom random) {
        switch (random.nextInt(6)) {
            case 0:
                return -random.nextLong(1_000_000);
            case 1:
                return IntervalHistogram.HIGHEST_NANOS + random.nextLong(1_000_000_000_000L);
            case 2:
                long edge = 1L << random.nextInt(36);
                return edge + random.nextInt(3) - 1;
            default:
                return random.nextLong(1L << random.nextInt(37));
        }
    }
}
