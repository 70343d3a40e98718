package io.omdprt.track;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario table: a script of packets on lines A and B (times in ms, arbitration wait 250 ms,
 * stale-after 5 s) and the exact counts it must produce. Framing follows the spec's example
 * (SeqNum, MsgCount) = (1,4),(5,2),(7,1),(8,3),(11,1) unless a row says otherwise.
 */
class TrackerScenarioTest {

    /** Per-line counts. */
    record Line(long gaps, long missing, long late, long duplicates, long outOfOrder) {
    }

    /** Per-channel arbitration counts. */
    record Arb(long gaps, long missing, long late, long recovered, long unique) {
    }

    record Row(String name, Consumer<Harness> script, Line a, Line b, Arb arb) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Line CLEAN = new Line(0, 0, 0, 0, 0);

    /**
     * Sends the spec's framing on A and B, packet by packet (A at t, B at t + 1 ms), leaving out the
     * packets whose SeqNum is listed for that line.
     */
    private static void specFraming(Harness h, long[] skipA, long[] skipB) {
        long[][] framing = {{1, 4}, {5, 2}, {7, 1}, {8, 3}, {11, 1}};
        long t = 0;
        for (long[] p : framing) {
            t += 10;
            if (!contains(skipA, p[0])) {
                h.data("A", p[0], (int) p[1], t);
            }
            if (!contains(skipB, p[0])) {
                h.data("B", p[0], (int) p[1], t + 1);
            }
        }
    }

    private static boolean contains(long[] values, long value) {
        for (long v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static long[] skip(long... seqs) {
        return seqs;
    }

    static Stream<Arguments> rows() {
        return Stream.of(
            new Row("clean feed on both lines",
                h -> { specFraming(h, skip(), skip()); h.tick(2_000); },
                CLEAN, CLEAN, new Arb(0, 0, 0, 0, 11)),

            new Row("loss on A only: covered by B, no arbitrated gap",
                h -> { specFraming(h, skip(5), skip()); h.tick(2_000); },
                new Line(1, 2, 0, 0, 0), CLEAN, new Arb(0, 0, 0, 0, 11)),

            new Row("loss on both lines: messages 5..6 lost for real",
                h -> { specFraming(h, skip(5), skip(5)); h.tick(2_000); },
                new Line(1, 2, 0, 0, 0), new Line(1, 2, 0, 0, 0), new Arb(1, 2, 0, 0, 9)),

            new Row("loss on both lines of different packets: nothing lost",
                h -> { specFraming(h, skip(5, 8), skip(1, 11)); h.tick(2_000); },
                new Line(2, 5, 0, 0, 0), new Line(0, 0, 0, 0, 0), new Arb(0, 0, 0, 0, 11)),

            new Row("different framing on A and B, each losing a different packet",
                h -> {
                    h.data("B", 1, 2, 5);                             // B framing: (1,2) (3,5) (8,4); loses (3,5)
                    h.data("A", 1, 4, 10).data("A", 5, 2, 20).data("A", 7, 1, 30);
                    h.data("B", 8, 4, 45);                            // A loses (8,3)
                    h.data("A", 11, 1, 50);
                    h.tick(2_000);
                },
                new Line(1, 3, 0, 0, 0), new Line(1, 5, 0, 0, 0), new Arb(0, 0, 0, 0, 11)),

            new Row("reordered within the wait: late fill, no arbitrated loss",
                h -> {
                    h.data("A", 1, 4, 0).data("B", 1, 4, 1);
                    h.data("A", 7, 1, 10).data("B", 7, 1, 11);     // B lost 5..6; A delivers them 90 ms late
                    h.data("A", 5, 2, 100);
                    h.tick(2_000);
                },
                new Line(1, 2, 2, 0, 1), new Line(1, 2, 0, 0, 0), new Arb(0, 0, 0, 2, 7)),

            new Row("reordered after the wait: arbitrated loss, then the late message counted late",
                h -> {
                    h.data("A", 1, 4, 0).data("B", 1, 4, 1);
                    h.data("A", 7, 1, 10).data("B", 7, 1, 11);     // hole 5..6 opened at 10, wait ends at 260
                    h.tick(200).tick(300);
                    h.data("A", 5, 2, 400);
                    h.tick(2_000);
                },
                new Line(1, 2, 2, 0, 1), new Line(1, 2, 0, 0, 0), new Arb(1, 2, 2, 0, 5)),

            new Row("duplicates on one line",
                h -> {
                    h.data("A", 1, 4, 0).data("A", 5, 2, 10).data("A", 5, 2, 11).data("A", 3, 4, 12);
                    h.tick(2_000);
                },
                new Line(0, 0, 0, 6, 0), CLEAN, new Arb(0, 0, 0, 0, 6)),

            new Row("heartbeat reveals trailing loss on both lines",
                h -> {
                    h.both(1, 4, 0);
                    h.heartbeat("A", 6, 2_000).heartbeat("B", 6, 2_001);   // 5..6 never arrived
                    h.tick(3_000);
                },
                new Line(1, 2, 0, 0, 0), new Line(1, 2, 0, 0, 0), new Arb(1, 2, 0, 0, 4)),

            new Row("heartbeat with nothing missing",
                h -> { h.both(1, 4, 0).heartbeat("A", 4, 2_000).heartbeat("B", 4, 2_001).tick(3_000); },
                CLEAN, CLEAN, new Arb(0, 0, 0, 0, 4)),

            new Row("one line lags by more than the wait: counted lost, then late",
                h -> {
                    h.data("A", 1, 4, 0).data("A", 7, 1, 10);                          // A lost 5..6
                    h.data("B", 1, 4, 400).data("B", 5, 2, 401).data("B", 7, 1, 402);  // B 400 ms behind
                    h.tick(2_000);
                },
                new Line(1, 2, 0, 0, 0), CLEAN, new Arb(1, 2, 2, 0, 5)),

            new Row("sequence numbers near 2^32",
                h -> {
                    long s = 4_294_967_280L;
                    h.both(s, 5, 0);
                    h.data("A", s + 5, 5, 10);                                          // B loses it
                    h.data("A", s + 10, 5, 20).data("B", s + 10, 5, 21);               // last message is 2^32 - 2
                    h.heartbeat("A", s + 14, 2_000).heartbeat("B", s + 14, 2_001);
                    h.tick(3_000);
                },
                CLEAN, new Line(1, 5, 0, 0, 0), new Arb(0, 0, 0, 0, 15))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void scenario(Row row) {
        Harness h = new Harness();
        row.script().accept(h);
        assertAll(row.name(),
            () -> assertLine(h, "A", row.a()),
            () -> assertLine(h, "B", row.b()),
            () -> assertEquals(row.arb(), new Arb(
                h.channel(ChannelCounter.ARBITRATED_GAPS),
                h.channel(ChannelCounter.ARBITRATED_MISSING_MESSAGES),
                h.channel(ChannelCounter.ARBITRATED_LATE_MESSAGES),
                h.channel(ChannelCounter.RECOVERED_MESSAGES),
                h.tracker.uniqueMessages()), "arbitration"));
    }

    private static void assertLine(Harness h, String line, Line expected) {
        assertEquals(expected, new Line(
            h.line(line, LineCounter.GAPS),
            h.line(line, LineCounter.MISSING_MESSAGES),
            h.line(line, LineCounter.LATE_MESSAGES),
            h.line(line, LineCounter.DUPLICATE_MESSAGES),
            h.line(line, LineCounter.OUT_OF_ORDER_PACKETS)), "line " + line);
    }
}
