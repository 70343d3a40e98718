package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTableTest {
    private static final long NOW = 100_000_000_000L;

    private static LiveTable.Row channel(String name, boolean aUp, boolean bUp, long lost) {
        return new LiveTable.Row(name, false, aUp || bUp, lost, 0, List.of(
                new LiveTable.Line("A", aUp, aUp ? 0 : 1, NOW - (aUp ? 200_000_000L : 6_000_000_000L)),
                new LiveTable.Line("B", bUp, 12_345, bUp ? NOW - 100_000_000L : 0)));
    }

    private static LiveTable.Row dr(long status) {
        return new LiveTable.Row("omdc-sp/dr", true, true, 0, status, List.of(new LiveTable.Line("A", true, 0, NOW),
                new LiveTable.Line("B", true, 0, NOW)));
    }

    /** Where each header's column starts. */
    private static List<Integer> columns(String header) {
        List<Integer> starts = new ArrayList<>();
        for (String h : LiveTable.HEADER) {
            int at = header.indexOf(h);
            if (at >= 0) {
                starts.add(at);
            }
        }
        return starts;
    }

    private static void assertAligned(String table) {
        String[] lines = table.split("\n");
        int header = 0;
        while (!lines[header].startsWith("t=")) {
            header++;
        }
        List<Integer> starts = columns(lines[header]);
        for (int i = header + 1; i < lines.length; i++) {
            for (int start : starts) {
                assertTrue(lines[i].length() > start && lines[i].charAt(start - 1) == ' ' && lines[i].charAt(start) != ' ',
                        "a cell starts under its header at " + start + ":\n" + table);
            }
        }
    }

    @Test
    void columnsStayPutWhenLinesGoDown() {
        String allUp = LiveTable.render(5, List.of(channel("omdc-sp/11", true, true, 0), channel("omdcc/31", true, true, 0), dr(0)), NOW);
        String someDown = LiveTable.render(6, List.of(channel("omdc-sp/11", false, true, 0), channel("omdcc/31", false, false, 7),
                dr(0)), NOW);
        assertAligned(allUp);
        assertAligned(someDown);
        assertEquals(columns(allUp.lines().findFirst().orElseThrow()), columns(someDown.lines().findFirst().orElseThrow()),
                "the same columns whatever the lines' states:\n" + allUp + someDown);
        assertTrue(someDown.contains("omdc-sp/11 A DOWN B up   ok "), someDown);
        assertTrue(someDown.contains("omdcc/31   A DOWN B DOWN DOWN "), someDown);
        assertTrue(someDown.contains(" 1/12,345 "), "thousands separators:\n" + someDown);
        assertTrue(someDown.contains(" 6.0s never"), "line ages, and a line never heard:\n" + someDown);
    }

    @Test
    void realLossShowsAsLoss() {
        String t = LiveTable.render(1, List.of(channel("f/1", true, true, 1_500)), NOW);
        assertTrue(t.matches("(?s).*f/1 +A up   B up   LOSS +0/12,345 +1,500 .*"), t);
        assertFalse(t.contains("DR status"), "no DR column without a DR channel:\n" + t);
        assertAligned(t);
    }

    @Test
    void theDrStatusIsShownAndAFailoverIsBannered() {
        String none = LiveTable.render(1, List.of(channel("f/1", true, true, 0), dr(0)), NOW);
        assertTrue(none.contains("no signal"), none);
        assertFalse(none.contains("!!"), none);
        String failover = LiveTable.render(2, List.of(channel("f/1", true, true, 0), dr(1)), NOW);
        assertTrue(failover.startsWith("!! DR signal of omdc-sp/dr: failover in progress\n"), failover);
        assertTrue(failover.contains(" FAILOVER IN PROGRESS "), failover);
        assertAligned(failover);
        String done = LiveTable.render(3, List.of(channel("f/1", true, true, 0), dr(2)), NOW);
        assertTrue(done.contains(" failover completed "), done);
        assertFalse(done.contains("!!"), done);
        assertEquals(columns(none.lines().findFirst().orElseThrow()), columns(done.lines().findFirst().orElseThrow()));
    }
}
