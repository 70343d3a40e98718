package io.omdprt.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.event.CounterKeys;
import io.omdprt.event.HistogramCodec;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.protocol.Protocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Percentiles of feed latency, jitter and A/B skew, recorded by a tracker and read back from the
 * interval histograms as the journal encodes them, agree with those computed from the ground truth
 * to within HdrHistogram's stated precision (2 significant digits, 1 %, for latency and skew; 1 digit,
 * 10 %, for jitter).
 */
class PercentilesTest {
    private static final long T0 = 1_704_502_800_000_000_000L;

    @Test
    void latencyJitterAndSkewPercentilesAreWithinThePrecisionOfTheTruth() {
        ChannelTracker t = new ChannelTracker(new ChannelInfo("f", "1", Protocol.OMD_C),
                List.of(new LineInfo("A", "primary"), new LineInfo("B", "primary")), TrackerSettings.DEFAULTS,
                TrackerListener.NONE, T0);
        SplittableRandom random = new SplittableRandom(7);
        PacketEncoder encoder = new PacketEncoder();
        UnsafeBuffer packet = new UnsafeBuffer(new byte[1500]);
        List<Long> latencies = new ArrayList<>();
        List<Long> jitters = new ArrayList<>();
        List<Long> skews = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 20_000; i++) {
            long send = T0 + i * 1_000_000L;
            // latency 200 µs .. ~5 ms, long-tailed; line B a skew of 10 µs .. 2 ms later
            long latency = 200_000L + (long) (Math.pow(random.nextDouble(), 4) * 4_800_000L);
            long skew = 10_000L + random.nextLong(2_000_000L);
            encoder.begin(packet, 0, i + 1, send);
            encoder.message(40, 12);
            int length = encoder.finish();
            long arrival = send + latency;
            t.onDatagram(0, packet, 0, length, arrival, arrival);
            t.onDatagram(1, packet, 0, length, arrival + skew, arrival + skew);
            latencies.add(latency);
            if (previous != Long.MIN_VALUE) {
                jitters.add(Math.abs(latency - previous));
            }
            previous = latency;
            skews.add(skew);
            if (i % 100 == 0) {
                t.onTick(arrival);
            }
        }
        check(latencies, decoded(t.line(0).latencyIntervals()), "latency A", 0.01);
        check(jitters, decoded(t.line(0).jitterIntervals()), "jitter A", 0.1);
        check(skews, decoded(t.skewIntervals()), "skew", 0.01);
        assertEquals(0, t.line(0).latencyIntervals().take().getTotalCount(), "a take forgets what it gave");
        assertTrue(t.line(0).get(LineCounter.JITTER_NANOS) > 0, "RFC 3550 jitter gauge published");
        assertEquals("A.latency", CounterKeys.hist("A", CounterKeys.LATENCY));
    }

    /** Through the journal's encoding. */
    private static Histogram decoded(IntervalHistogram h) {
        return HistogramCodec.decode(HistogramCodec.encode(h.take()));
    }

    private static void check(List<Long> truth, Histogram h, String what, double precision) {
        long[] sorted = truth.stream().mapToLong(Long::longValue).sorted().toArray();
        assertEquals(sorted.length, h.getTotalCount(), what + " samples");
        for (double p : new double[] {50, 99, 99.9, 100}) {
            long exact = sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
            long measured = p == 100 ? h.getMaxValue() : h.getValueAtPercentile(p);
            assertTrue(Math.abs(measured - exact) <= precision * exact + 1,
                    what + " p" + p + ": " + measured + " vs exact " + exact + " " + Arrays.toString(new long[] {sorted[0], sorted[sorted.length - 1]}));
        }
    }
}
