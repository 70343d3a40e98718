package io.omdprt.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A window's report, as written to JSON (and rendered to Markdown and HTML). Times are ISO-8601 UTC.
 *
 * @param capture what an offline analysis read; null (and left out of the JSON) for a live monitor's report
 */
public record ReportModel(Window window, Monitor monitor, Verdict verdict, List<Feed> feeds,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Capture capture) {

    /** A live monitor's report. */
    public ReportModel(Window window, Monitor monitor, Verdict verdict, List<Feed> feeds) {
        this(window, monitor, verdict, feeds, null);
    }

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
     * @param reason stopped (clean shutdown), crashed (no shutdown recorded), not-running (nothing recorded),
     *               not-captured (an offline analysis: the capture does not cover this part of the window)
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

    /**
     * What an offline analysis read.
     *
     * @param files               the capture files in the order analysed (taken as consecutive)
     * @param packetsRead         packet records read: datagrams analysed, to unknown destinations, and skipped
     * @param datagramsAnalysed   UDP datagrams to a configured line, fed to the trackers
     * @param skipped             records without a usable UDP datagram, by reason (every reason, zeros included)
     * @param unknownDatagrams    UDP datagrams to a destination no configured line has
     * @param unknownDestinations how many distinct destinations those went to
     * @param topUnknownDestinations the busiest of them, most datagrams first
     * @param first               timestamp of the first datagram (null when there was none)
     * @param last                latest timestamp of a datagram
     * @param complete            false when reading ended in an error: the report covers what came before it
     * @param error               that error (file, byte offset, problem), or null
     */
    public record Capture(List<CaptureFile> files, long packetsRead, long datagramsAnalysed, Map<String, Long> skipped,
                          long unknownDatagrams, long unknownDestinations, List<Destination> topUnknownDestinations,
                          String first, String last, boolean complete, String error) {
    }

    /**
     * @param format   e.g. "pcap (nanosecond timestamps)", "pcapng"
     * @param linkType of its (last) packet record, e.g. "EN10MB (1)"
     * @param packets  packet records read from it
     */
    public record CaptureFile(String path, String format, String linkType, long bytes, long packets, String first,
                              String last) {
    }

    /** @param destination group or address and port, "239.1.2.3:51000" */
    public record Destination(String destination, long datagrams) {
    }
}
