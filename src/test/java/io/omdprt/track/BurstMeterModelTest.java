package io.omdprt.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The burst meter against a plain model of its rules, over random traffic: steady rates, bursts
 * beyond the window's capacity, idle seconds and clock steps back, read by two readers at random
 * moments with and without a publish (a tick) before the read.
 *
 * <p>The model: a packet's window is the packets since the oldest one after {@code now − resolution}
 * (oldest first, at most {@link BurstMeter#WINDOW_CAPACITY}); each second of arrival (a second entered
 * again after a clock step starts from zero) keeps the most packets and bytes any window of its held,
 * and its packets and bytes. A reader sees the seconds from where it stopped to the one before its
 * {@code now}; the second in progress as it stood at the last publish, every other one whole.
 */
class BurstMeterModelTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_704_502_800L * S;

    @Test
    void agreesWithTheModelOverRandomTraffic() {
        for (long seed = 1; seed <= 30; seed++) {
            run(seed);
        }
    }

    private static void run(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long resolution = random.nextBoolean() ? BurstMeter.DEFAULT_RESOLUTION_NANOS : 1 + random.nextLong(3 * BurstMeter.DEFAULT_RESOLUTION_NANOS);
        BurstMeter meter = new BurstMeter(resolution);
        Model model = new Model(resolution);
        long now = T0 + random.nextLong(S);
        for (int step = 0; step < 40_000; step++) {
            int what = random.nextInt(1_000);
            if (what < 3) {
                now -= random.nextLong(3 * S); // the clock stepped back
            } else if (what < 10) {
                now += random.nextLong(3 * S); // idle
            } else if (what < 30) {
                int n = random.nextInt(3 * BurstMeter.WINDOW_CAPACITY); // a burst, maybe beyond the capacity
                for (int i = 0; i < n; i++) {
                    now += random.nextLong(200);
                    int bytes = 12 + random.nextInt(1_500);
                    meter.arrived(now, bytes);
                    model.arrived(now, bytes);
                }
            } else {
                now += random.nextLong(2 * resolution);
            }
            int bytes = 12 + random.nextInt(1_500);
            meter.arrived(now, bytes);
            model.arrived(now, bytes);
            int read = random.nextInt(100);
            if (read < 2) {
                meter.publish();
                model.publish();
            }
            if (read < 4) {
                boolean journal = random.nextBoolean();
                long until = random.nextInt(4) == 0 ? Long.MAX_VALUE : now + random.nextLong(-S, S);
                if (until == Long.MAX_VALUE) { // every second: the one in progress as last published
                    meter.publish();
                    model.publish();
                }
                BurstMeter.Peaks got = meter.read(journal ? meter.journalCursor() : meter.scrapeCursor(), until);
                assertEquals(model.read(journal ? 0 : 1, until), got, "seed " + seed + ", step " + step);
            }
        }
    }

    private static final class Model {
        private final long resolution;
        private final ArrayDeque<long[]> window = new ArrayDeque<>();
        private long windowBytes;
        private long second = Long.MIN_VALUE;
        private long[] current;
        /** Per second: what readers can see of it (burst packets, burst bytes, packets, bytes). */
        private final Map<Long, long[]> published = new HashMap<>();
        private final long[] cursors = {Long.MIN_VALUE + 1, Long.MIN_VALUE + 1};

        Model(long resolution) {
            this.resolution = resolution;
        }

        void arrived(long now, int bytes) {
            long s = Math.floorDiv(now, S);
            if (s != second) {
                publish();
                second = s;
                current = new long[4];
            }
            while (!window.isEmpty() && window.peekFirst()[0] <= now - resolution) {
                windowBytes -= window.pollFirst()[1];
            }
            if (window.size() == BurstMeter.WINDOW_CAPACITY) {
                windowBytes -= window.pollFirst()[1];
            }
            window.addLast(new long[] {now, bytes});
            windowBytes += bytes;
            current[0] = Math.max(current[0], window.size());
            current[1] = Math.max(current[1], windowBytes);
            current[2]++;
            current[3] += bytes;
        }

        void publish() {
            if (current != null) {
                published.put(second, current.clone());
            }
        }

        BurstMeter.Peaks read(int reader, long nowNanos) {
            long until = nowNanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(nowNanos, S);
            long from = cursors[reader];
            long[] max = new long[4];
            long latest = from - 1;
            for (Map.Entry<Long, long[]> e : published.entrySet()) {
                long s = e.getKey();
                if (s >= from && s < until) {
                    for (int i = 0; i < 4; i++) {
                        max[i] = Math.max(max[i], e.getValue()[i]);
                    }
                    latest = Math.max(latest, s);
                }
            }
            cursors[reader] = until == Long.MAX_VALUE ? latest + 1 : Math.max(from, until);
            return new BurstMeter.Peaks(max[0], max[1], max[2], max[3]);
        }
    }
}
