package io.omdprt.cli;

import io.omdprt.config.ChannelKind;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.text.Counts;
import io.omdprt.track.ChannelCounter;
import io.omdprt.track.LineCounter;
import io.omdprt.track.LineTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's table each second: per channel its lines up or down, its state, line gaps, real loss and how long ago
 * each line's last packet came; the DR channel's status, with a banner while a failover is in progress. Column widths
 * depend only on the channels, never on the lines' states, so the columns stay put when lines go down.
 */
final class LiveTable {
    static final String[] HEADER = {"channel", "lines", "state", "line gaps", "real loss", "DR status", "last packet"};
    private static final String[] STATES = {"ok", "LOSS", "DOWN"};
    private static final String[] DR_WORDS = {"no signal", "FAILOVER IN PROGRESS", "failover completed"};
    private static final int NUMBER_WIDTH = 9;

    /** What one line shows. {@code lastArrivalNanos} is 0 when nothing came yet. */
    record Line(String name, boolean up, long gaps, long lastArrivalNanos) {
    }

    /** What one channel shows; {@code drStatus} counts only for the DR channel. */
    record Row(String channel, boolean dr, boolean up, long lost, long drStatus, List<Line> lines) {
    }

    private LiveTable() {
    }

    static List<Row> rows(Iterable<MonitoredChannel> channels) {
        List<Row> rows = new ArrayList<>();
        for (MonitoredChannel c : channels) {
            List<Line> lines = new ArrayList<>();
            for (LineTracker l : c.tracker().lines()) {
                lines.add(new Line(l.name(), l.isUp(), l.get(LineCounter.GAPS), l.get(LineCounter.LAST_ARRIVAL_NANOS)));
            }
            rows.add(new Row(c.toString(), c.config().kind() == ChannelKind.DR, c.tracker().isUp(),
                    c.tracker().get(ChannelCounter.ARBITRATED_MISSING_MESSAGES), c.tracker().get(ChannelCounter.DR_STATUS), lines));
        }
        return rows;
    }

    /** The table at {@code seconds} into the run, with line ages taken against {@code nowNanos}, ending in a blank line. */
    static String render(long seconds, List<Row> rows, long nowNanos) {
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
        }
        width[2] = Math.max(width[2], longest(STATES));
        width[3] = Math.max(width[3], NUMBER_WIDTH);
        width[4] = Math.max(width[4], NUMBER_WIDTH);
        boolean anyDr = rows.stream().anyMatch(Row::dr);
        if (anyDr) {
            width[5] = Math.max(width[5], longest(DR_WORDS));
        }
        for (Row r : rows) {
            width[0] = Math.max(width[0], r.channel().length());
            width[1] = Math.max(width[1], linesCell(r, true).length());
            width[3] = Math.max(width[3], gapsCell(r).length());
            width[4] = Math.max(width[4], Counts.number(r.lost()).length());
        }
        StringBuilder b = new StringBuilder();
        for (Row r : rows) {
            if (r.dr() && r.drStatus() == 1) {
                b.append("!! DR signal of ").append(r.channel()).append(": failover in progress\n");
            }
        }
        String prefix = String.format(Locale.ROOT, "t=%3ds  ", seconds);
        String indent = " ".repeat(prefix.length());
        b.append(prefix).append(cells(width, anyDr, HEADER)).append('\n');
        for (Row r : rows) {
            String state = !r.up() ? "DOWN" : r.lost() > 0 ? "LOSS" : "ok";
            String dr = r.dr() ? DR_WORDS[(int) Math.max(0, Math.min(2, r.drStatus()))] : "-";
            b.append(indent).append(cells(width, anyDr, r.channel(), linesCell(r, false), state, gapsCell(r), Counts.number(r.lost()),
                    dr, agesCell(r, nowNanos))).append('\n');
        }
        return b.append('\n').toString();
    }

    /** The cells padded to their columns (the DR column only when there is a DR channel), the last one unpadded. */
    private static String cells(int[] width, boolean withDr, String... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i == 5 && !withDr) {
                continue;
            }
            if (i == cells.length - 1) {
                b.append(cells[i]);
            } else {
                b.append(String.format(Locale.ROOT, "%-" + width[i] + "s ", cells[i]));
            }
        }
        return b.toString().stripTrailing();
    }

    /** "A up   B DOWN": each line's state padded to the width of DOWN, so it is as wide whatever the states. */
    private static String linesCell(Row r, boolean widest) {
        StringBuilder b = new StringBuilder();
        for (Line l : r.lines()) {
            String state = widest || !l.up() ? "DOWN" : "up";
            b.append(b.length() == 0 ? "" : " ").append(l.name()).append(' ').append(String.format(Locale.ROOT, "%-4s", state));
        }
        return b.toString();
    }

    private static String gapsCell(Row r) {
        StringBuilder b = new StringBuilder();
        for (Line l : r.lines()) {
            b.append(b.length() == 0 ? "" : "/").append(Counts.number(l.gaps()));
        }
        return b.toString();
    }

    private static String agesCell(Row r, long nowNanos) {
        StringBuilder b = new StringBuilder();
        for (Line l : r.lines()) {
            b.append(b.length() == 0 ? "" : " ").append(l.lastArrivalNanos() == 0 ? "never"
                    : String.format(Locale.ROOT, "%.1fs", Math.max(0, nowNanos - l.lastArrivalNanos()) / 1e9));
        }
        return b.toString();
    }

    private static int longest(String[] words) {
        int n = 0;
        for (String w : words) {
            n = Math.max(n, w.length());
        }
        return n;
    }
}
