package io.omdprt.report;

import java.util.List;

/** A window's report, as written to JSON (and rendered to Markdown and HTML). Times are ISO-8601 UTC. */
public record ReportModel(Window window, Monitor monitor, Verdict verdict, List<Feed> feeds) {

    /**
     * @param complete false when written before the window ended (on demand, or at shutdown)
     * @param coveredUntil the end of what the report covers (the window end, or when it was written)
     */
    public record Window(String name, String start, String end, String description, String zone, String generatedAt,
                         boolean complete, String coveredUntil) {
    }

    /** The monitor's own availability during the window. */
    public record Monitor(List<String> instances, List<Downtime> downtime, double downtimeSeconds, long journalLinesSkipped) {
    }

    /**
     * @param reason stopped (clean shutdown), crashed (no shutdown recorded), not-running (nothing recorded)
     */
    public record Downtime(String from, String to, double seconds, String reason) {
    }

    public record Feed(String name, Verdict verdict, List<Channel> channels) {
    }

    public record Channel(String channel, Verdict verdict, List<String> reasons, long arbitratedGaps, long arbitratedMissingMessages,
                          long outages, double outageSeconds, long socketDrops, List<Line> lines, List<Gap> gaps,
                          List<Outage> outageList, List<Reset> resets, List<Dr> drEvents) {
    }

    public record Line(String line, String site, long gaps, long missingMessages, long outages, double outageSeconds,
                       long socketDrops) {
    }

    /** @param line null for an arbitrated gap (lost on every line) */
    public record Gap(String time, String line, long fromSeq, long toSeq, long messages) {
    }

    /**
     * @param line     null for a channel outage (every line down)
     * @param start    last arrival before the outage (may be before the window)
     * @param end      first arrival after it, or null while it goes on
     * @param seconds  the part inside the window
     */
    public record Outage(String line, String start, String end, double seconds, boolean ongoing) {
    }

    public record Reset(String time, String line, long newSeqNo) {
    }

    public record Dr(String time, long previous, long status) {
    }
}
