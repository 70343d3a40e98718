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
 * the per-line counts and the arbitrated gaps (counts and ranges). Some cases also get stray
 * datagrams with wild SeqNums (the model ignores them; the tracker must count each as a stray and
 * nothing else) and an unannounced restart: the sequence starts again lower down on both lines with
 * no Sequence Reset, and the model starts a second sequence space there. A failure prints its seed;
 * rerun one case with {@code -Dtracker.seed=N}.
 */
class TrackerPropertyTest {
    private static final int CASES = 400;
    private static final long WAIT_MS = 250;

    /**
     * One datagram (or a tick) at a time; data when count > 0, heartbeat when count == 0; in sequence
     * space 0 or, after an unannounced restart, 1; or a stray that belongs to no space.
     */
    record Event(long timeNanos, int line, long seq, int count, boolean tick, int space, boolean stray) {
        Event(long timeNanos, int line, long seq, int count, int space) {
            this(timeNanos, line, seq, count, false, space, false);
        }

        Event at(long newTimeNanos) {
            return new Event(newTimeNanos, line, seq, count, tick, space, stray);
        }
    }

    @Test
    void trackersAgreeWithTheReferenceModel() {
        String only = System.getProperty("tracker.seed");
        long base = only != null ? Long.parseLong(only) : 20240106L;
        int cases = only != null ? 1 : CASES;
        long[] coverage = new long[9];
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
            coverage[7] += h.line("A", LineCounter.STRAY_PACKETS) + h.line("B", LineCounter.STRAY_PACKETS);
            coverage[8] += h.channel(ChannelCounter.SEQUENCE_RESTARTS);
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
        Model[] spaces = {new Model(2, WAIT_MS * Harness.MS, null), null};
        long[] strays = new long[2];
        List<String> trackerGaps = new ArrayList<>();
        for (Event e : events) {
            if (e.tick()) {
                h.tracker.onTick(e.timeNanos());
                continue;
            }
            int length = e.count() == 0 ? h.wire.heartbeat(e.seq()) : h.wire.data(e.seq(), e.count(), 0);
            h.tracker.onDatagram(e.line(), h.wire.buffer, 0, length, e.timeNanos(), e.timeNanos());
            if (e.stray()) {
                strays[e.line()]++;
            } else {
                if (spaces[e.space()] == null) {     // the restart: its first message is the first packet's
                    spaces[e.space()] = new Model(2, WAIT_MS * Harness.MS, e.seq() - 1);
                }
                spaces[e.space()].on(e);
            }
        }
        long end = events.get(events.size() - 1).timeNanos() + 1;
        h.tracker.settle(end);
        for (String s : h.events.ofKind("arbitratedGap")) {
            trackerGaps.add(s.split(" ")[1]);
        }
        String where = "seed " + seed + " (" + events.size() + " events)";
        for (int line = 0; line < 2; line++) {
            LineTracker t = h.tracker.line(line);
            List<Long> expected = List.of(0L, 0L, 0L, 0L, 0L, strays[line]);
            for (Model model : spaces) {
                if (model != null) {
                    Model.LineState m = model.lines[line];
                    expected = plus(expected, List.of(m.gaps, m.missing, m.late, m.duplicates, m.outOfOrder, 0L));
                }
            }
            assertEquals(expected,
                List.of(t.get(LineCounter.GAPS), t.get(LineCounter.MISSING_MESSAGES), t.get(LineCounter.LATE_MESSAGES),
                    t.get(LineCounter.DUPLICATE_MESSAGES), t.get(LineCounter.OUT_OF_ORDER_PACKETS), t.get(LineCounter.STRAY_PACKETS)),
                where + ": line " + t.name() + " [gaps, missing, late, duplicates, outOfOrder, strays]");
        }
        assertEquals(List.of(spaces[1] == null ? 0L : 1L, 0L, 0L),
            List.of(h.channel(ChannelCounter.SEQUENCE_RESTARTS), h.channel(ChannelCounter.SEQUENCE_JUMPS),
                h.channel(ChannelCounter.SEQUENCE_RESETS)), where + ": [restarts, jumps, resets]");
        Model.Arbitration a = spaces[1] == null ? spaces[0].arbitration() : spaces[0].arbitration().plus(spaces[1].arbitration());
        assertEquals(a.ranges(), trackerGaps, where + ": arbitrated gap ranges");
        assertEquals(List.of(a.gaps(), a.missing(), a.late(), a.recovered(), a.unique()),
            List.of(h.channel(ChannelCounter.ARBITRATED_GAPS), h.channel(ChannelCounter.ARBITRATED_MISSING_MESSAGES),
                h.channel(ChannelCounter.ARBITRATED_LATE_MESSAGES), h.channel(ChannelCounter.RECOVERED_MESSAGES),
                h.tracker.uniqueMessages()),
            where + ": channel [gaps, missing, late, recovered, unique]");
        return h;
    }

    private static List<Long> plus(List<Long> a, List<Long> b) {
        List<Long> sum = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            sum.add(a.get(i) + b.get(i));
        }
        return sum;
    }

    // ---- generator ----

    private static List<Event> generate(Random r) {
        boolean restart = r.nextInt(4) == 0;
        int messages = 1 + r.nextInt(1_500);
        long first = restart ? 1_000_000 + r.nextInt(1_000) : r.nextInt(4) == 0 ? 4_294_967_295L - messages : 1 + r.nextInt(1_000);
        List<Event> raw = space(r, 0, first, messages, 0);
        long end = 0;
        for (Event e : raw) {
            end = Math.max(end, e.timeNanos());
        }
        if (r.nextBoolean()) {
            strays(r, raw, first, end);
        }
        if (restart) {                                              // a second space, 1 s after the first one's last datagram
            raw.addAll(space(r, 1, 1 + r.nextInt(1_000), 1 + r.nextInt(1_500), end + 1_000_000));
        }
        raw.sort((x, y) -> Long.compare(x.timeNanos(), y.timeNanos()));
        // Strictly increasing nanosecond times (µs * 1000 + position), ticks every 50 ms in between.
        List<Event> events = new ArrayList<>();
        long nextTickUs = 0;
        int n = 0;
        for (Event e : raw) {
            while (nextTickUs < e.timeNanos()) {
                events.add(new Event(Harness.T0 + nextTickUs * 1_000 + (n++ % 1_000), -1, 0, 0, true, -1, false));
                nextTickUs += 50_000;
            }
            events.add(e.at(Harness.T0 + e.timeNanos() * 1_000 + (n++ % 1_000)));
        }
        events.sort((x, y) -> Long.compare(x.timeNanos(), y.timeNanos()));
        return events;
    }

    /**
     * A few datagrams with wild SeqNums (data or heartbeats) on random lines after both lines could have
     * started: billions away from the sequence, and at most one near the top of the u32 range (two near
     * each other would be a sequence of their own).
     */
    private static void strays(Random r, List<Event> raw, long first, long endUs) {
        int n = 1 + r.nextInt(5);
        boolean nearTop = first < 4_000_000_000L && r.nextBoolean();
        for (int i = 0; i < n; i++) {
            long atUs = 70_000 + (long) (r.nextDouble() * Math.max(1, endUs - 70_000));
            long seq = first < 2_000_000_000L ? 2_147_483_648L + r.nextInt(Integer.MAX_VALUE - 1_000) : 1 + r.nextInt(2_000_000_000);
            if (nearTop && i == 0) {
                seq = 4_294_967_295L - r.nextInt(3);
            }
            raw.add(new Event(atUs, r.nextInt(2), seq, r.nextInt(4), false, -1, true));
        }
    }

    /**
     * One sequence space from {@code first}, published from {@code startUs}. In a space after a restart
     * each line gets the first packet, in order, so both lines agree where the new space starts.
     */
    private static List<Event> space(Random r, int space, long first, int messages, long startUs) {
        boolean restarted = space > 0;
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
                long publishedUs = startUs + offset * 1_000L;       // one message a millisecond
                boolean opening = restarted && offset == 0;
                offset += size;
                if (!opening && (dropping > 0 || r.nextDouble() < drop)) {
                    dropping = dropping > 0 ? dropping - 1 : (r.nextDouble() < burst * 10 ? r.nextInt(20) : 0);
                    continue;
                }
                long atUs = publishedUs + lineDelayUs + r.nextInt(300);
                if (!opening && r.nextDouble() < reorder) {
                    atUs += 1_000 + r.nextInt(400_000);             // sometimes beyond the 250 ms wait
                }
                raw.add(new Event(atUs, line, seq, size, space));
                if (r.nextDouble() < duplicate) {
                    raw.add(new Event(atUs + r.nextInt(100_000), line, seq, size, space));
                }
                publishEnd = Math.max(publishEnd, atUs);
            }
        }
        // Heartbeats: after an idle pause and at the end, each carrying the last message sent by then.
        long lastSeq = first + messages - 1;
        for (int line = 0; line < 2; line++) {
            if (r.nextInt(5) > 0) {
                raw.add(new Event(publishEnd + 2_000_000 + line * 500 + r.nextInt(400), line, lastSeq, 0, space));
            }
            if (!restarted && r.nextBoolean()) {                    // after a restart it could come before the first packet
                int sent = r.nextInt(messages);
                raw.add(new Event(startUs + sent * 1_000L + 700 + r.nextInt(200), line, first + sent - 1, 0, space));
            }
        }
        return raw;
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
            Arbitration plus(Arbitration later) {
                List<String> all = new ArrayList<>(ranges);
                all.addAll(later.ranges);
                return new Arbitration(gaps + later.gaps, missing + later.missing, late + later.late,
                        recovered + later.recovered, unique + later.unique, all);
            }
        }

        final LineState[] lines;
        final long waitNanos;
        Long channelMaxSeen;
        final Map<Long, Long> openedAt = new HashMap<>();
        final Map<Long, Long> firstDelivered = new HashMap<>();
        final Set<Long> newWhenDelivered = new HashSet<>();

        /** @param before the number before the space's first message when a restart opened it, else null */
        Model(int lineCount, long waitNanos, Long before) {
            lines = new LineState[lineCount];
            for (int i = 0; i < lineCount; i++) {
                lines[i] = new LineState();
                lines[i].maxSeen = before;
            }
            this.waitNanos = waitNanos;
            this.channelMaxSeen = before;
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
