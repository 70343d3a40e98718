package io.omdprt.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omdprt.event.HistogramCodec;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * An interval histogram hands over exactly what an HdrHistogram of the same precision records from
 * the same values (clamped to 0..HIGHEST_NANOS): the same counts, percentiles and journal encoding,
 * whatever the values and however the intervals fall.
 */
class IntervalHistogramTest {
    @Test
    void handsOverWhatAnHdrHistogramWouldHaveRecorded() {
        for (int digits : new int[] {1, 2, 3}) {
            IntervalHistogram interval = new IntervalHistogram(digits);
            Histogram truth = new Histogram(1, IntervalHistogram.HIGHEST_NANOS, digits);
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
            Histogram taken = interval.take();
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
