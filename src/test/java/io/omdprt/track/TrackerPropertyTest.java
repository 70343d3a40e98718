package io.omdprt.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random loss, duplication, reordering, framing and heartbeats on two lines, checked against a
 * reference model written per message with plain sets. Every generated case must agree exactly on
 * the per-line counts and the arbitrated gaps (counts and ranges). A failure prints its seed;
 * rerun one case with {@code -Dtracker.seed=N}.
 */
class TrackerPropertyTest {
    private static final int CASES = 400;
    private static final long WAIT_MS = 250;

    /** One datagram (or a tick) at a time; data when count > 0, heartbeat when count == 0. */
    record Event(long timeNanos, int line, long seq, int count, boolean tick) {
    }

    @Test
    void trackersAgreeWithTheReferenceModel() {
        String only = System.getProperty("tracker.seed");
        long base = only != null ? Long.parseLong(only) : 20240106L;
        int cases = only != null ? 1 : CASES;
        long[] coverage = new long[7];
        for (int i = 0; i < cases; i++) {
            long seed = base + i;
            List<Event> events = generate(new Random(seed));
            Harness h = runCase(seed, events);
            coverage[0] += h.channel(ChannelCounter.ARBITRATED_GAPS);
            coverage[1] += h.channel(ChannelCounter.ARBITRATED_LATE_MESSAGES);
            coverage[2] += h.channel(ChannelCounter.RECOVERED_MESSAGES);
            coverage[3] += h.line("A", LineCounter.LATE_MESSAGES) + h.line("B", LineCounter.LATE_MESSAGES);
            coverage[4] += h.line("A", LineCounter.DUPLICATE_MESSAGES) + h.line("B", LineCounter.DUPLICATE_MESSAGES);
            coverage[5] += h.line("A", LineCounter.GAPS) + h.line("B", LineCounter.GAPS);
            coverage[6] += h.line("A", LineCounter.HEARTBEATS) + h.line("B", LineCounter.HEARTBEATS);
        }
        if (only == null) {
            for (int i = 0; i < coverage.length; i++) {
                // The generator must reach every behaviour, or agreement proves little.
                org.junit.jupiter.api.Assertions.assertTrue(coverage[i] > 0, "behaviour " + i + " never generated");
            }
        }
    }

    private static Harness runCase(long seed, List<Event> events) {
        Harness h = new Harness(3_600_000, WAIT_MS);
        Model model = new Model(2, WAIT_MS * Harness.MS);
        List<String> trackerGaps = new ArrayList<>();
        for (Event e : events) {
            if (e.tick()) {
                h.tracker.onTick(e.timeNanos());
                continue;
            }
            int length = e.count() == 0 ? h.wire.heartbeat(e.seq()) : h.wire.data(e.seq(), e.count(), 0);
            h.tracker.onDatagram(e.line(), h.wire.buffer, 0, length, e.timeNanos(), e.timeNanos());
            model.on(e);
        }
        long end = events.get(events.size() - 1).timeNanos() + 1;
        h.tracker.settle(end);
        for (String s : h.events.ofKind("arbitratedGap")) {
            trackerGaps.add(s.split(" ")[1]);
        }
        String where = "seed " + seed + " (" + events.size() + " events)";
        for (int line = 0; line < 2; line++) {
            LineTracker t = h.tracker.line(line);
            Model.LineState m = model.lines[line];
            assertEquals(List.of(m.gaps, m.missing, m.late, m.duplicates, m.outOfOrder),
                List.of(t.get(LineCounter.GAPS), t.get(LineCounter.MISSING_MESSAGES), t.get(LineCounter.LATE_MESSAGES),
                    t.get(LineCounter.DUPLICATE_MESSAGES), t.get(LineCounter.OUT_OF_ORDER_PACKETS)),
                where + ": line " + t.name() + " [gaps, missing, late, duplicates, outOfOrder]");
        }
        Model.Arbitration a = model.arbitration();
        assertEquals(a.ranges(), trackerGaps, where + ": arbitrated gap ranges");
        assertEquals(List.of(a.gaps(), a.missing(), a.late(), a.recovered(), a.unique()),
            List.of(h.channel(ChannelCounter.ARBITRATED_GAPS), h.channel(ChannelCounter.ARBITRATED_MISSING_MESSAGES),
                h.channel(ChannelCounter.ARBITRATED_LATE_MESSAGES), h.channel(ChannelCounter.RECOVERED_MESSAGES),
                h.tracker.uniqueMessages()),
            where + ": channel [gaps, missing, late, recovered, unique]");
        return h;
    }

    // ---- generator ----

    private static List<Event> generate(Random r) {
        int messages = 1 + r.nextInt(1_500);
        long first = r.nextInt(4) == 0 ? 4_294_967_295L - messages : 1 + r.nextInt(1_000);
        boolean sameFraming = r.nextBoolean();
        double drop = r.nextDouble() * 0.15;
        double burst = r.nextDouble() * 0.02;
        double duplicate = r.nextDouble() * 0.05;
        double reorder = r.nextDouble() * 0.05;
        List<Event> raw = new ArrayList<>();
        int[][] framings = new int[2][];
        framings[0] = framing(r, messages);
        framings[1] = sameFraming ? framings[0] : framing(r, messages);
        long publishEnd = 0;
        for (int line = 0; line < 2; line++) {
            long lineDelayUs = r.nextInt(60_000);
            int dropping = 0;
            int offset = 0;
            for (int size : framings[line]) {
                long seq = first + offset;
                long publishedUs = offset * 1_000L;                 // one message a millisecond
                offset += size;
                if (dropping > 0 || r.nextDouble() < drop) {
                    dropping = dropping > 0 ? dropping - 1 : (r.nextDouble() < burst * 10 ? r.nextInt(20) : 0);
                    continue;
                }
                long atUs = publishedUs + lineDelayUs + r.nextInt(300);
                if (r.nextDouble() < reorder) {
                    atUs += 1_000 + r.nextInt(400_000);             // sometimes beyond the 250 ms wait
                }
                raw.add(new Event(atUs, line, seq, size, false));
                if (r.nextDouble() < duplicate) {
                    raw.add(new Event(atUs + r.nextInt(100_000), line, seq, size, false));
                }
                publishEnd = Math.max(publishEnd, atUs);
            }
        }
        // Heartbeats: after an idle pause and at the end, each carrying the last message sent by then.
        long lastSeq = first + messages - 1;
        for (int line = 0; line < 2; line++) {
            if (r.nextInt(5) > 0) {
                raw.add(new Event(publishEnd + 2_000_000 + line * 500 + r.nextInt(400), line, lastSeq, 0, false));
            }
            if (r.nextBoolean()) {
                int sent = r.nextInt(messages);
                raw.add(new Event(sent * 1_000L + 700 + r.nextInt(200), line, first + sent - 1, 0, false));
            }
        }
        raw.sort((x, y) -> Long.compare(x.timeNanos(), y.timeNanos()));
        // Strictly increasing nanosecond times (µs * 1000 + position), ticks every 50 ms in between.
        List<Event> events = new ArrayList<>();
        long nextTickUs = 0;
        int n = 0;
        for (Event e : raw) {
            while (nextTickUs < e.timeNanos()) {
                events.add(new Event(Harness.T0 + nextTickUs * 1_000 + (n++ % 1_000), -1, 0, 0, true));
                nextTickUs += 50_000;
            }
            events.add(new Event(Harness.T0 + e.timeNanos() * 1_000 + (n++ % 1_000), e.line(), e.seq(), e.count(), false));
        }
        events.sort((x, y) -> Long.compare(x.timeNanos(), y.timeNanos()));
        return events;
    }

    private static int[] framing(Random r, int messages) {
        List<Integer> sizes = new ArrayList<>();
        int left = messages;
        while (left > 0) {
            int size = Math.min(left, 1 + r.nextInt(6));
            sizes.add(size);
            left -= size;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- reference model: per message, with sets ----

    static final class Model {
        static final class LineState {
            Long maxSeen;
            final Set<Long> holes = new HashSet<>();
            long gaps;
            long missing;
            long late;
            long duplicates;
            long outOfOrder;
        }

        record Arbitration(long gaps, long missing, long late, long recovered, long unique, List<String> ranges) {
        }

        final LineState[] lines;
        final long waitNanos;
        Long channelMaxSeen;
        final Map<Long, Long> openedAt = new HashMap<>();
        final Map<Long, Long> firstDelivered = new HashMap<>();
        final Set<Long> newWhenDelivered = new HashSet<>();

        Model(int lineCount, long waitNanos) {
            lines = new LineState[lineCount];
            for (int i = 0; i < lineCount; i++) {
                lines[i] = new LineState();
            }
            this.waitNanos = waitNanos;
        }

        void on(Event e) {
            LineState l = lines[e.line()];
            long t = e.timeNanos();
            if (e.count() == 0) {
                long h = e.seq();
                if (l.maxSeen == null) {
                    l.maxSeen = h;
                } else if (h > l.maxSeen) {
                    l.gaps++;
                    l.missing += h - l.maxSeen;
                    for (long m = l.maxSeen + 1; m <= h; m++) {
                        l.holes.add(m);
                    }
                    l.maxSeen = h;
                }
                if (channelMaxSeen == null) {
                    channelMaxSeen = h;
                } else if (h > channelMaxSeen) {
                    for (long m = channelMaxSeen + 1; m <= h; m++) {
                        openedAt.put(m, t);
                    }
                    channelMaxSeen = h;
                }
                return;
            }
            long s = e.seq();
            long last = s + e.count() - 1;
            if (l.maxSeen == null) {
                l.maxSeen = last;
            } else {
                if (s > l.maxSeen + 1) {
                    l.gaps++;
                    l.missing += s - l.maxSeen - 1;
                    for (long m = l.maxSeen + 1; m < s; m++) {
                        l.holes.add(m);
                    }
                }
                boolean anyLate = false;
                for (long m = s; m <= last; m++) {
                    if (m > l.maxSeen) {
                        continue;
                    }
                    if (l.holes.remove(m)) {
                        l.late++;
                        anyLate = true;
                    } else {
                        l.duplicates++;
                    }
                }
                if (anyLate) {
                    l.outOfOrder++;
                }
                l.maxSeen = Math.max(l.maxSeen, last);
            }
            if (channelMaxSeen == null) {
                for (long m = s; m <= last; m++) {
                    firstDelivered.put(m, t);
                    newWhenDelivered.add(m);
                }
                channelMaxSeen = last;
                return;
            }
            for (long m = channelMaxSeen + 1; m < s; m++) {
                openedAt.put(m, t);
            }
            for (long m = s; m <= last; m++) {
                if (!firstDelivered.containsKey(m)) {
                    firstDelivered.put(m, t);
                    if (m > channelMaxSeen) {
                        newWhenDelivered.add(m);
                    }
                }
            }
            channelMaxSeen = Math.max(channelMaxSeen, last);
        }

        Arbitration arbitration() {
            TreeMap<Long, Long> lost = new TreeMap<>();         // seq -> openedAt
            long late = 0;
            long recovered = 0;
            for (Map.Entry<Long, Long> o : openedAt.entrySet()) {
                Long delivered = firstDelivered.get(o.getKey());
                boolean inTime = delivered != null && delivered < o.getValue() + waitNanos;
                if (inTime) {
                    recovered++;
                } else {
                    lost.put(o.getKey(), o.getValue());
                    if (delivered != null) {
                        late++;
                    }
                }
            }
            List<String> ranges = new ArrayList<>();
            Long from = null;
            Long prev = null;
            Long prevOpened = null;
            for (Map.Entry<Long, Long> e : lost.entrySet()) {
                if (from != null && (e.getKey() != prev + 1 || !e.getValue().equals(prevOpened))) {
                    ranges.add(from + ".." + prev);
                    from = null;
                }
                if (from == null) {
                    from = e.getKey();
                }
                prev = e.getKey();
                prevOpened = e.getValue();
            }
            if (from != null) {
                ranges.add(from + ".." + prev);
            }
            return new Arbitration(ranges.size(), lost.size(), late, recovered, newWhenDelivered.size() + recovered, ranges);
        }
    }
}
