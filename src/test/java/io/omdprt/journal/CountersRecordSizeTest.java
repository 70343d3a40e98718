package io.omdprt.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ConfigLoader;
import io.omdprt.event.CounterKeys;
import io.omdprt.event.ChannelCounts;
import io.omdprt.event.Where;
import io.omdprt.model.SocketStats;
import io.omdprt.model.ChannelSet;
import io.omdprt.model.CounterSnapshots;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.Histogram;
import io.omdprt.track.LineTracker;
import io.omdprt.track.TrackerListener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * A counters record stays small: one 2-line channel at 2,000 packets/s a line for 30 s (one snapshot
 * interval) with latency spread over 0.5-5 ms and skew over 10 µs-2 ms. The record with the interval
 * HdrHistograms is compared with the same record as written before them (fixed buckets).
 */
class CountersRecordSizeTest {
    private static final long T0 = 1_704_502_800_000_000_000L;

    @Test
    void aSnapshotOfAChannelStaysWithinItsBudget() throws Exception {
        ChannelSet set = ChannelSet.create(new ConfigLoader().load(Path.of("config/demo.yaml")), TrackerListener.NONE, T0);
        MonitoredChannel c = set.channels().get(0);
        ChannelTracker t = c.tracker();
        PacketEncoder encoder = new PacketEncoder();
        UnsafeBuffer packet = new UnsafeBuffer(new byte[1500]);
        SplittableRandom random = new SplittableRandom(1);
        long now = T0;
        for (int i = 0; i < 60_000; i++) {
            long send = T0 + i * 500_000L;
            encoder.begin(packet, 0, 4L * i + 1, send);
            for (int m = 0; m < 4; m++) {
                encoder.message(40, 12);
            }
            int length = encoder.finish();
            now = send + 500_000L + (long) (Math.pow(random.nextDouble(), 3) * 4_500_000L);
            t.onDatagram(0, packet, 0, length, now, now);
            long b = now + 10_000L + random.nextLong(2_000_000L);
            t.onDatagram(1, packet, 0, length, b, b);
            if (i % 200 == 0) {
                t.onTick(now);
            }
        }
        t.onTick(now);
        Instant at = Instant.ofEpochSecond(0, now);
        Map<String, Long> counts = CounterSnapshots.of(c, SocketStats.NONE, now + 1_000_000_000L);
        ChannelCounts after = new ChannelCounts(at, new Where.Channel(c.feedName(), c.label()), counts, CounterSnapshots.histograms(c));
        int afterBytes = EventCodec.encode(after).length;
        // as written before: the same totals, the fixed buckets instead of peaks and HdrHistograms
        Map<String, Long> old = new LinkedHashMap<>();
        counts.forEach((k, v) -> {
            if (!CounterKeys.isPeak(k) && !k.endsWith("." + CounterKeys.BYTES)) {
                old.put(k, v);
            }
        });
        buckets(old, CounterKeys.SKEW, t.skew());
        for (LineTracker l : t.lines()) {
            buckets(old, CounterKeys.line(l.name(), CounterKeys.LATENCY), l.latency());
        }
        int beforeBytes = EventCodec.encode(new ChannelCounts(at, new Where.Channel(c.feedName(), c.label()), old)).length;
        System.out.printf("counters record of a 2-line channel, 30 s at 2,000 packets/s a line: before %d bytes, after %d bytes%n",
                beforeBytes, afterBytes);
        assertEquals(5, after.hist().size(), "skew, and each line's latency and jitter: " + after.hist().keySet());
        assertTrue(afterBytes < 6_000, "within 6 kB: " + afterBytes);
    }

    private static void buckets(Map<String, Long> m, String name, Histogram h) {
        for (int i = 0; i <= h.bucketCount(); i++) {
            long n = h.countInBucket(i);
            boolean inf = i == h.bucketCount();
            if (n > 0 || i == h.bucketCount() - 1) {
                m.put(CounterKeys.bucket(name, inf ? Long.MAX_VALUE : h.upperBoundNanos(i)), n);
            }
        }
    }
}
