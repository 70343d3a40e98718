package io.omdprt.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.omdprt.config.MonitorConfig;
import io.omdprt.metrics.OmdCollector;
import io.omdprt.model.SocketStats;
import io.omdprt.model.ChannelSet;
import io.omdprt.protocol.Malformed;
import io.omdprt.testing.TestConfigs;
import io.omdprt.time.ManualClock;
import io.omdprt.track.ChannelCounter;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.LineCounter;
import io.omdprt.track.LineTracker;
import io.omdprt.track.TrackerListener;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Millions of random and damaged datagrams through decode and tracking: nothing escapes, every bad
 * datagram is counted under the reason an independent re-implementation of the framing rules gives,
 * the good ones are counted exactly, and the trackers' counters stay consistent. The bounded run is
 * part of the suite; {@code -Dfuzz.datagrams=100000000} runs longer (see bench/RESULTS.md).
 */
class FuzzTest {
    private static final long DATAGRAMS = Long.getLong("fuzz.datagrams", 3_000_000L);
    private static final long SEED = Long.getLong("fuzz.seed", 20240113L);

    /** The framing rules of spec §3.3, written again independently: the reason, or null when valid. */
    static Malformed oracle(byte[] d, int length) {
        ByteBuffer b = ByteBuffer.wrap(d, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        if (length < 16) {
            return Malformed.TOO_SHORT;
        }
        if ((b.getShort(0) & 0xFFFF) != length) {
            return Malformed.SIZE_MISMATCH;
        }
        int count = d[2] & 0xFF;
        if (count == 0) {
            return length == 16 ? null : Malformed.HEARTBEAT_WITH_PAYLOAD;
        }
        int pos = 16;
        for (int i = 0; i < count; i++) {
            if (pos + 4 > length) {
                return Malformed.MESSAGE_OVERRUN;
            }
            int size = b.getShort(pos) & 0xFFFF;
            int type = b.getShort(pos + 2) & 0xFFFF;
            if (size < 4) {
                return Malformed.MESSAGE_TOO_SMALL;
            }
            if (pos + size > length) {
                return Malformed.MESSAGE_OVERRUN;
            }
            boolean needs8 = type == 100 || type == 105 || type == 203 || type == 102;
            boolean needs16 = type == 101 || type == 201 || type == 202;
            if ((needs8 && size < 8) || (needs16 && size < 16)) {
                return Malformed.CONTROL_TOO_SHORT;
            }
            pos += size;
        }
        return pos == length ? null : Malformed.TRAILING_BYTES;
    }

    @Test
    void hostileDatagramsAreCountedNeverThrown() throws Exception {
        MonitorConfig config = TestConfigs.twoLines("");
        ChannelSet set = ChannelSet.create(config, TrackerListener.NONE, 1_700_000_000_000_000_000L);
        ChannelTracker tracker = set.channels().get(0).tracker();
        DatagramFuzzer fuzzer = new DatagramFuzzer(SEED);
        byte[] datagram = new byte[DatagramFuzzer.OmdMax.LENGTH];
        UnsafeBuffer view = new UnsafeBuffer(datagram);
        long[] packets = new long[2];
        long[] heartbeats = new long[2];
        long[] messages = new long[2];
        @SuppressWarnings("unchecked")
        Map<Malformed, Long>[] bad = new Map[] {new EnumMap<>(Malformed.class), new EnumMap<>(Malformed.class)};
        long now = 1_700_000_000_000_000_000L;
        long started = System.nanoTime();
        for (long i = 0; i < DATAGRAMS; i++) {
            int length = fuzzer.next(datagram);
            int line = (int) (i & 1);
            Malformed expected = oracle(datagram, length);
            packets[line]++;
            if (expected != null) {
                bad[line].merge(expected, 1L, Long::sum);
            } else if (datagram[2] == 0) {
                heartbeats[line]++;
            } else {
                messages[line] += datagram[2] & 0xFF;
            }
            now += 1_000;
            try {
                tracker.onDatagram(line, view, 0, length, now, now);
                if ((i & 1023) == 0) {
                    tracker.onTick(now);
                }
            } catch (RuntimeException | Error e) {
                fail("datagram " + i + " (seed " + SEED + ") threw " + e + ": "
                        + HexFormat.of().formatHex(datagram, 0, Math.min(length, 256)), e);
            }
        }
        tracker.settle(now);
        // The figures of a long run (bench/RESULTS.md) come from this line.
        System.out.printf("fuzz: %,d datagrams (seed %d) in %.1f s, none threw; malformed on A %s, on B %s;"
                        + " line A: %,d gaps, %,d duplicate messages; arbitrated gaps %,d%n",
                DATAGRAMS, SEED, (System.nanoTime() - started) / 1e9, bad[0], bad[1],
                tracker.line(0).get(LineCounter.GAPS), tracker.line(0).get(LineCounter.DUPLICATE_MESSAGES),
                tracker.get(ChannelCounter.ARBITRATED_GAPS));

        long totalMessages = 0;
        long firstDeliveries = 0;
        for (int line = 0; line < 2; line++) {
            LineTracker t = tracker.line(line);
            assertEquals(packets[line], t.get(LineCounter.PACKETS), "line " + t.name() + " packets");
            assertEquals(heartbeats[line], t.get(LineCounter.HEARTBEATS), "line " + t.name() + " heartbeats");
            assertEquals(messages[line], t.get(LineCounter.MESSAGES), "line " + t.name() + " messages");
            for (Malformed reason : Malformed.REASONS) {
                assertEquals(bad[line].getOrDefault(reason, 0L), t.malformed(reason), "line " + t.name() + " " + reason.label());
            }
            assertTrue(bad[line].size() >= 6, "every kind of damage was generated: " + bad[line]);
            for (LineCounter c : LineCounter.values()) {
                assertTrue(t.get(c) >= 0, c + " never negative");
            }
            assertTrue(t.get(LineCounter.LATE_MESSAGES) <= t.get(LineCounter.MISSING_MESSAGES), "late fills only what was missing");
            assertTrue(t.get(LineCounter.GAPS) <= t.get(LineCounter.MISSING_MESSAGES), "a gap misses at least one message");
            assertTrue(t.get(LineCounter.GAPS) > 0 && t.get(LineCounter.DUPLICATE_MESSAGES) > 0, "sequence trouble was exercised");
            totalMessages += t.get(LineCounter.MESSAGES);
            firstDeliveries += t.get(LineCounter.FIRST_DELIVERIES);
        }
        assertTrue(firstDeliveries <= totalMessages, "a message is delivered first once at most");
        assertTrue(tracker.get(ChannelCounter.ARBITRATED_GAPS) <= tracker.get(ChannelCounter.ARBITRATED_MISSING_MESSAGES));
        assertEquals(0, tracker.get(ChannelCounter.PENDING_MESSAGES), "settled: nothing left open");

        // And the same counts come out of /metrics as omd_malformed_packets_total{reason}.
        OmdCollector collector = new OmdCollector(set, SocketStats.NONE, ManualClock.at(java.time.Instant.EPOCH));
        for (MetricSnapshot m : collector.collect()) {
            if (m.getMetadata().getName().equals("omd_malformed_packets")) {
                for (CounterSnapshot.CounterDataPointSnapshot p : ((CounterSnapshot) m).getDataPoints()) {
                    int line = p.getLabels().get("line").equals("A") ? 0 : 1;
                    Malformed reason = java.util.Arrays.stream(Malformed.REASONS)
                            .filter(r -> r.label().equals(p.getLabels().get("reason"))).findFirst().orElseThrow();
                    assertEquals(bad[line].getOrDefault(reason, 0L).doubleValue(), p.getValue(), p.getLabels().toString());
                }
            }
        }
    }
}
