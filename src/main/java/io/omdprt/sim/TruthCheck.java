package io.omdprt.sim;

import io.omdprt.track.ChannelCounter;
import io.omdprt.track.LineCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compares what the simulator injected with what the monitor reported, count by count. */
public final class TruthCheck {
    /** One comparison. */
    public record Check(String what, String expected, String observed, boolean ok) {
        @Override
        public String toString() {
            return (ok ? "ok   " : "FAIL ") + what + ": expected " + expected + ", observed " + observed;
        }
    }

    private TruthCheck() {
    }

    /**
     * @param outageToleranceSeconds allowed difference per outage (one liveness tick plus transit)
     */
    public static List<Check> compare(GroundTruth truth, Observed observed, double outageToleranceSeconds) {
        List<Check> checks = new ArrayList<>();
        for (GroundTruth.LineTruth t : truth.getLines()) {
            String where = t.feed + "/" + t.channel + " line " + t.line + " ";
            exact(checks, where + "gaps", t.gaps, observed.line(t.feed, t.channel, t.line, LineCounter.GAPS));
            exact(checks, where + "missing messages", t.missingMessages, observed.line(t.feed, t.channel, t.line, LineCounter.MISSING_MESSAGES));
            exact(checks, where + "late messages", t.lateMessages, observed.line(t.feed, t.channel, t.line, LineCounter.LATE_MESSAGES));
            exact(checks, where + "duplicate messages", t.duplicateMessages,
                    observed.line(t.feed, t.channel, t.line, LineCounter.DUPLICATE_MESSAGES));
            exact(checks, where + "out-of-order packets", t.outOfOrderPackets,
                    observed.line(t.feed, t.channel, t.line, LineCounter.OUT_OF_ORDER_PACKETS));
            exact(checks, where + "sequence resets", t.sequenceResets, observed.line(t.feed, t.channel, t.line, LineCounter.SEQUENCE_RESETS));
            exact(checks, where + "outages", t.outageSeconds.size(), observed.line(t.feed, t.channel, t.line, LineCounter.OUTAGES));
            close(checks, where + "time down", sum(t.outageSeconds), observed.lineOutageSeconds(t.feed, t.channel, t.line),
                    outageToleranceSeconds * t.outageSeconds.size());
        }
        for (GroundTruth.ChannelTruth t : truth.getChannels()) {
            String where = t.feed + "/" + t.channel + " ";
            exact(checks, where + "arbitrated gaps", t.arbitratedGaps, observed.channel(t.feed, t.channel, ChannelCounter.ARBITRATED_GAPS));
            exact(checks, where + "arbitrated missing messages", t.arbitratedMissingMessages,
                    observed.channel(t.feed, t.channel, ChannelCounter.ARBITRATED_MISSING_MESSAGES));
            exact(checks, where + "sequence resets", t.sequenceResets, observed.channel(t.feed, t.channel, ChannelCounter.SEQUENCE_RESETS));
            exact(checks, where + "DR status", t.drStatus, observed.channel(t.feed, t.channel, ChannelCounter.DR_STATUS));
            exact(checks, where + "outages", t.outageSeconds.size(), observed.channel(t.feed, t.channel, ChannelCounter.OUTAGES));
            close(checks, where + "time down", sum(t.outageSeconds), observed.channelOutageSeconds(t.feed, t.channel),
                    outageToleranceSeconds * t.outageSeconds.size());
        }
        return checks;
    }

    public static List<Check> failures(List<Check> checks) {
        return checks.stream().filter(c -> !c.ok()).toList();
    }

    private static void exact(List<Check> checks, String what, long expected, long observed) {
        checks.add(new Check(what, Long.toString(expected), Long.toString(observed), expected == observed));
    }

    private static void close(List<Check> checks, String what, double expected, double observed, double tolerance) {
        checks.add(new Check(what, String.format(Locale.ROOT, "%.3fs (±%.3fs)", expected, tolerance),
                String.format(Locale.ROOT, "%.3fs", observed), Math.abs(expected - observed) <= tolerance));
    }

    private static double sum(List<Double> values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
