package io.omdprt.verdict;

import io.omdprt.text.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one verdict policy: the report, the status page and the demo summary all judge a channel here
 * (the alert rules follow the same table, see the README's "Verdict policy").
 *
 * <table>
 *   <tr><th>fact in the span</th><th>verdict</th></tr>
 *   <tr><td>messages no line delivered (arbitrated gap)</td><td>FAIL</td></tr>
 *   <tr><td>channel outage (every line down at once), also one going on</td><td>FAIL</td></tr>
 *   <tr><td>a line's own gap or outage, covered by another line</td><td>WARN</td></tr>
 *   <tr><td>a line that received nothing in a span longer than stale-after</td><td>WARN (FAIL when every line)</td></tr>
 *   <tr><td>kernel socket drops on this host (local)</td><td>WARN</td></tr>
 *   <tr><td>malformed or stray datagrams</td><td>WARN</td></tr>
 *   <tr><td>DR signal received, or a sequence jump/restart without a reset</td><td>WARN</td></tr>
 *   <tr><td>monitor not running for part of the window (unobserved)</td><td>WARN for the window</td></tr>
 *   <tr><td>refresh channel: stalled, a snapshot unusable (gap inside), LastSeqNum ahead of the real-time channel or
 *       decreasing without a reset (report only: {@link #refresh})</td><td>WARN</td></tr>
 * </table>
 *
 * Local faults (this host's interface down or recreated, a membership missing, kernel drops, rp_filter)
 * do not change a verdict — a local line outage stays WARN, a local channel outage or loss on every
 * line stays FAIL, since the data was not received — but the reason says "— local: CAUSE".
 *
 * Reasons are listed worst first. A line gap is called "covered by another line" only when the
 * channel lost nothing on every line; otherwise it is listed without that claim.
 */
public final class VerdictPolicy {
    private VerdictPolicy() {
    }

    /** A verdict and its reasons, worst first. */
    public record Judgement(Verdict verdict, List<String> reasons) {
        public static final Judgement PASS = new Judgement(Verdict.PASS, List.of());
    }

    public static Judgement channel(ChannelFacts c) {
        List<String> fail = new ArrayList<>();
        List<String> warn = new ArrayList<>();
        if (c.arbitratedGaps() > 0) {
            fail.add(String.format(Locale.ROOT, "%s lost on every line (%s)%s", Counts.of(c.arbitratedMissing(), "message"),
                    Counts.of(c.arbitratedGaps(), "arbitrated gap"), localGaps(c.localArbitratedGaps(), c.arbitratedGaps(), c.localCause())));
        }
        if (c.outages() > 0 || c.downNow()) {
            String local = localTime(c.localOutageSeconds(), c.localCause());
            fail.add(c.downNow() && c.outages() <= 1 ? String.format(Locale.ROOT, "channel down (every line), for %s so far%s",
                    Counts.seconds(c.outageSeconds()), local)
                    : String.format(Locale.ROOT, "channel down %s (every line at once, %s in all)%s%s", Counts.times(c.outages()),
                    Counts.seconds(c.outageSeconds()), c.downNow() ? ", down now" : "", local));
        }
        boolean everyLineSilent = !c.lines().isEmpty();
        for (ChannelFacts.LineFacts l : c.lines()) {
            everyLineSilent &= !l.received() && l.spanLongEnough();
        }
        if (everyLineSilent && c.outages() == 0 && !c.downNow()) {
            fail.add("nothing received on any line");
        }
        for (ChannelFacts.LineFacts l : c.lines()) {
            line(l, c.arbitratedGaps() == 0, warn);
        }
        if (!c.drStatuses().isEmpty()) {
            List<String> names = c.drStatuses().stream().map(VerdictPolicy::drName).toList();
            warn.add(0, "DR signal: " + String.join(", then ", names));
        } else if (c.drStatusAtEnd() == 1) {
            warn.add(0, "DR: site failover in progress");
        }
        if (c.sequenceJumps() > 0) {
            warn.add("sequence jumped without a Sequence Reset " + Counts.times(c.sequenceJumps()));
        }
        if (c.sequenceRestarts() > 0) {
            warn.add("sequence restarted without a Sequence Reset " + Counts.times(c.sequenceRestarts()));
        }
        Verdict v = !fail.isEmpty() ? Verdict.FAIL : !warn.isEmpty() ? Verdict.WARN : Verdict.PASS;
        List<String> reasons = new ArrayList<>(fail);
        reasons.addAll(warn);
        return new Judgement(v, List.copyOf(reasons));
    }

    /**
     * A refresh channel's own faults in the span, added to its judgement as WARN reasons (a refresh
     * channel's loss and outages are judged by {@link #channel} as for any channel).
     */
    public static Judgement refresh(Judgement j, long unusableSnapshots, long ahead, long decreases, long stalls, boolean stalledNow) {
        List<String> warn = new ArrayList<>();
        if (stalls > 0 || stalledNow) {
            warn.add((stalls > 0 ? "refresh stalled " + Counts.times(stalls) + (stalledNow ? ", still stalled at the end" : "")
                    : "refresh stalled at the end") + " (no Refresh Complete for 3 typical intervals)");
        }
        if (unusableSnapshots > 0) {
            warn.add("refresh: " + Counts.of(unusableSnapshots, "unusable snapshot") + " (a gap inside)");
        }
        if (ahead > 0) {
            warn.add("refresh: LastSeqNum above the real-time channel's high-water mark " + Counts.times(ahead));
        }
        if (decreases > 0) {
            warn.add("refresh: LastSeqNum decreased without a Sequence Reset " + Counts.times(decreases));
        }
        if (warn.isEmpty()) {
            return j;
        }
        List<String> reasons = new ArrayList<>(j.reasons());
        reasons.addAll(warn);
        return new Judgement(Verdict.worst(j.verdict(), Verdict.WARN), List.copyOf(reasons));
    }

    private static void line(ChannelFacts.LineFacts l, boolean nothingLostOnEveryLine, List<String> warn) {
        String name = "line " + l.line();
        if (l.gaps() > 0) {
            warn.add(String.format(Locale.ROOT, "%s: %s (%s)%s%s", name, Counts.of(l.gaps(), "gap"), Counts.of(l.missing(), "message"),
                    nothingLostOnEveryLine ? ", covered by another line" : "", localGaps(l.localGaps(), l.gaps(), l.localCause())));
        }
        if (l.outages() > 0 || l.downNow()) {
            String local = localTime(l.localOutageSeconds(), l.localCause());
            warn.add(l.downNow() && l.outages() <= 1
                    ? String.format(Locale.ROOT, "%s down, for %s so far%s", name, Counts.seconds(l.outageSeconds()), local)
                    : String.format(Locale.ROOT, "%s down %s (%s)%s%s", name, Counts.times(l.outages()), Counts.seconds(l.outageSeconds()),
                    l.downNow() ? ", down now" : "", local));
        } else if (!l.received() && l.spanLongEnough()) {
            warn.add(name + ": nothing received");
        }
        if (l.kernelDrops() > 0) {
            warn.add(String.format(Locale.ROOT, "%s: %s dropped by this host's kernel (local, not HKEX)", name,
                    Counts.of(l.kernelDrops(), "datagram")));
        }
        if (l.malformed() > 0) {
            warn.add(String.format(Locale.ROOT, "%s: %s", name, Counts.of(l.malformed(), "malformed datagram")));
        }
        if (l.strays() > 0) {
            warn.add(String.format(Locale.ROOT, "%s: %s (a SeqNum the channel could not have reached; not counted as loss)", name,
                    Counts.of(l.strays(), "stray datagram")));
        }
    }

    /** " — local: CAUSE (X s of it)" for an outage a local fault explains, else "". */
    private static String localTime(double localSeconds, String cause) {
        return localSeconds <= 0 ? "" : String.format(Locale.ROOT, " — local: %s (%s of it)", cause == null ? "this host" : cause,
                Counts.seconds(localSeconds));
    }

    /** " — local: CAUSE" (with how many, when not all) for gaps a local fault explains, else "". */
    private static String localGaps(long local, long all, String cause) {
        return local <= 0 ? "" : " — local" + (local < all ? " (" + local + " of them)" : "") + ": " + (cause == null ? "this host" : cause);
    }

    /**
     * The window's verdict: the worst channel, and WARN at least when the monitor was not running for
     * part of it (what happened then was not observed).
     */
    public static Judgement window(List<Verdict> channels, double unobservedSeconds, String unobservedWhat) {
        Verdict v = Verdict.PASS;
        for (Verdict c : channels) {
            v = Verdict.worst(v, c);
        }
        List<String> reasons = new ArrayList<>();
        if (unobservedSeconds > 0) {
            v = Verdict.worst(v, Verdict.WARN);
            reasons.add(String.format(Locale.ROOT, "%s for %s of the window: that part was not observed", unobservedWhat,
                    Counts.seconds(unobservedSeconds)));
        }
        return new Judgement(v, reasons);
    }

    public static String drName(long status) {
        return status == 1 ? "site failover in progress (1)" : status == 2 ? "failover completed (2)" : "status " + status;
    }
}
