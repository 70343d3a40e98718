package io.omdprt.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omdprt.event.HistogramCodec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An interval histogram hands over exactly what an HdrHistogram of the same precision records from
 * the same values (clamped to 0..HIGHEST_NANOS): the same counts, percentiles and journal encoding,
 * whatever the values and however the intervals fall; and the fixed buckets it feeds on each rotate
 * are those of recording every value into them, to the last value at a bound.
 */
class IntervalHistogramTest {
    @Test
    void handsOverWhatAnHdrHistogramWouldHaveRecorded() {
        for (int digits : new int[] {1, 2, 3}) {
            IntervalHistogram interval = new IntervalHistogram(digits);
            org.HdrHistogram.Histogram truth = new org.HdrHistogram.Histogram(1, IntervalHistogram.HIGHEST_NANOS, digits);
            SplittableRandom random = new SplittableRandom(digits);
            for (int i = 0; i < 200_000; i++) {
                long v = value(random);
                interval.record(v);
                truth.recordValue(v < 0 ? 0 : Math.min(v, IntervalHistogram.HIGHEST_NANOS));
                if (random.nextInt(5_000) == 0) {
                    interval.rotate();
                }
            }
            interval.rotate();
            org.HdrHistogram.Histogram taken = interval.take();
            assertEquals(truth.getTotalCount(), taken.getTotalCount(), digits + " digits: count");
            assertEquals(truth.getMaxValue(), taken.getMaxValue(), digits + " digits: max");
            assertEquals(truth.getMinNonZeroValue(), taken.getMinNonZeroValue(), digits + " digits: min");
            assertEquals(truth.getMean(), taken.getMean(), 1e-6 * truth.getMean(), digits + " digits: mean");
            for (double p : new double[] {1, 10, 50, 90, 99, 99.9, 99.99}) {
                assertEquals(truth.getValueAtPercentile(p), taken.getValueAtPercentile(p), digits + " digits: p" + p);
            }
            assertEquals(HistogramCodec.encode(truth), HistogramCodec.encode(taken), digits + " digits: the journal's encoding");
        }
    }

    @Test
    void feedsFixedBucketsExactlyAsRecordingEachValueWould() {
        for (long[] bounds : new long[][] {Histogram.DEFAULT_BOUNDS_NANOS, {1, 2, 3, 255, 256, 257, 1_000, 1_023, 1_024, 1_025}}) {
            for (int digits : new int[] {1, 2}) {
                Histogram truth = new Histogram(bounds);
                Histogram fed = new Histogram(bounds);
                IntervalHistogram interval = new IntervalHistogram(digits, fed);
                SplittableRandom random = new SplittableRandom(digits);
                for (int i = 0; i < 200_000; i++) {
                    long v = random.nextInt(3) == 0 ? bounds[random.nextInt(bounds.length)] + random.nextInt(3) - 1 : value(random);
                    truth.record(v);
                    interval.record(v);
                    if (random.nextInt(5_000) == 0) {
                        interval.rotate();
                        assertSame(truth, fed);
                    }
                }
                interval.rotate();
                assertSame(truth, fed);
            }
        }
    }

    @Test
    void fixedBucketsAreFedOnlyByARotate() {
        Histogram fed = new Histogram();
        IntervalHistogram h = new IntervalHistogram(2, fed);
        h.record(1_000);
        h.record(-5);
        assertEquals(0, fed.count());
        h.rotate();
        assertEquals(2, fed.count());
        assertEquals(1, fed.negativeCount());
        assertEquals(1_000, fed.sumNanos());
        h.rotate();
        assertEquals(2, fed.count(), "each value once");
    }

    private static void assertSame(Histogram expected, Histogram actual) {
        for (int i = 0; i <= expected.bucketCount(); i++) {
            assertEquals(expected.countInBucket(i), actual.countInBucket(i), "bucket " + i);
        }
        assertEquals(expected.sumNanos(), actual.sumNanos(), "sum");
        assertEquals(expected.negativeCount(), actual.negativeCount(), "negative");
    }

    @Test
    void nothingRecordedHandsOverNothingAndATakeForgets() {
        IntervalHistogram h = new IntervalHistogram();
        h.rotate();
        assertEquals(0, h.take().getTotalCount());
        h.record(1_000);
        assertEquals(0, h.take().getTotalCount(), "not handed over before a rotate");
        h.rotate();
        assertEquals(1, h.take().getTotalCount());
        assertEquals(0, h.take().getTotalCount());
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
