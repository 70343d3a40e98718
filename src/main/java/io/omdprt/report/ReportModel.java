package io.omdprt.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.omdprt.verdict.Verdict;
import java.util.List;
import java.util.Map;

/**
 * A window's report, as written to JSON (and rendered to Markdown and HTML). Times are ISO-8601 UTC.
 *
 * @param capture what an offline analysis read; null (and left out of the JSON) for a live monitor's report
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportModel(Window window, Monitor monitor, Verdict verdict, List<String> reasons, List<DrEvent> dr, List<Feed> feeds,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Capture capture) {

    /** A live monitor's report. */
    public ReportModel(Window window, Monitor monitor, Verdict verdict, List<String> reasons, List<DrEvent> dr, List<Feed> feeds) {
        this(window, monitor, verdict, reasons, dr, feeds, null);
    }

    /** The same report with another window header, monitor section and capture (offline analysis). */
    public ReportModel with(Window newWindow, Monitor newMonitor, Verdict newVerdict, List<String> newReasons, Capture newCapture) {
        return new ReportModel(newWindow, newMonitor, newVerdict, newReasons, dr, feeds, newCapture);
    }

    /** A DR signal received in the window, shown at the top of the report. */
    public record DrEvent(String time, String feed, String channel, long previous, long status) {
    }

    /**
     * @param complete false when written before the window ended (on demand, or at shutdown)
     * @param coveredUntil the end of what the report covers (the window end, or when it was written)
     * @param zone the display zone the Markdown and HTML show times in
     * @param staleAfterSeconds how long a line may be silent before it counts as down
     */
    public record Window(String name, String start, String end, String description, String zone, String generatedAt,
                         boolean complete, String coveredUntil, double staleAfterSeconds) {
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

    /**
     * @param messages  distinct messages delivered (after arbitration), from counter snapshots
     * @param skew      A/B skew: how much later than the first line a message came on another line
     * @param timeline  per minute of the window (from its start): rates, 1 ms peaks and percentiles, for the plots
     */
    public record Channel(String channel, Verdict verdict, List<String> reasons, long arbitratedGaps, long arbitratedMissingMessages,
                          long outages, double outageSeconds, long socketDrops, long messages, Timing skew, List<Line> lines,
                          List<Gap> gaps, List<Outage> outageList, List<Reset> resets, List<Dr> drEvents,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Recovery recovery,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<Point> timeline,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Refresh refresh) {

        /** A channel without RTS checks or a timeline. */
        public Channel(String channel, Verdict verdict, List<String> reasons, long arbitratedGaps, long arbitratedMissingMessages,
                       long outages, double outageSeconds, long socketDrops, long messages, Timing skew, List<Line> lines,
                       List<Gap> gaps, List<Outage> outageList, List<Reset> resets, List<Dr> drEvents) {
            this(channel, verdict, reasons, arbitratedGaps, arbitratedMissingMessages, outages, outageSeconds, socketDrops, messages, skew,
                    lines, gaps, outageList, resets, drEvents, null, List.of(), null);
        }
    }

    /**
     * Whether what the window lost on a channel could be had again from the Retransmission Server
     * (null, and left out, when RTS did nothing for the channel).
     *
     * @param recoverable yes, partly, no or not tried
     * @param why         in a sentence
     * @param lostMessages      arbitrated missing messages in the window
     * @param recoveredMessages of them, retransmitted intact
     * @param checks      every RTS request or decision not to ask, in time order (recover and probe)
     */
    public record Recovery(String recoverable, String why, long lostMessages, long recoveredMessages, List<RtsCheck> checks) {
    }

    /**
     * A refresh channel's cycling in the window (null, and left out, for every other channel).
     *
     * @param completes         Refresh Completes (203) received: snapshots ended
     * @param intervals         time between consecutive ones
     * @param unusableSnapshots snapshots with a gap inside (unusable until the next one)
     * @param ahead             Refresh Completes whose LastSeqNum stayed above the real-time channel's high-water mark
     * @param decreases         Refresh Completes whose LastSeqNum fell without a Sequence Reset
     * @param stalls            times no Refresh Complete came for 3 typical intervals
     * @param stalledAtEnd      still stalled at the end of the window
     */
    public record Refresh(long completes, Timing intervals, long unusableSnapshots, long ahead, long decreases, long stalls,
                          boolean stalledAtEnd) {
    }

    /**
     * @param purpose recover or probe
     * @param status  RetransStatus, or null when none came (or nothing was asked)
     * @param seconds request to last message, or null
     */
    public record RtsCheck(String time, String purpose, Long fromSeq, Long toSeq, Long status, Double seconds, boolean asked,
                           String detail) {
    }

    /**
     * One minute of a channel (from the window's start; the last may be shorter), from the counters
     * snapshots inside it.
     *
     * @param start             its start
     * @param seconds           how long it covers
     * @param messagesPerSecond distinct messages a second (after arbitration)
     * @param burstPackets      per line: the most packets within the burst resolution
     * @param latency           per line: feed latency percentiles
     * @param skew              A/B skew percentiles
     * @param jitter            per line: jitter percentiles (null in reports from before they were kept per minute)
     */
    public record Point(String start, double seconds, double messagesPerSecond, Map<String, Long> burstPackets,
                        Map<String, Timing> latency, Timing skew, @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Timing> jitter) {
    }

    /**
     * @param messages   messages delivered on this line (duplicates included); packets, duplicates, late,
     *                   malformed and latency come from counter snapshots (window start, end, every 30 s)
     * @param received   it delivered a datagram in the window
     * @param strays     datagrams with a SeqNum the channel could not have reached (not counted as loss)
     */
    public record Line(String line, String site, long gaps, long missingMessages, long outages, double outageSeconds,
                       long socketDrops, long packets, long messages, long duplicates, long lateMessages, long malformed,
                       long strays, boolean received, Timing latency,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String endpoint, Traffic traffic, Timing jitter) {
        public Line(String line, String site, long gaps, long missingMessages, long outages, double outageSeconds,
                    long socketDrops, long packets, long messages, long duplicates, long lateMessages, long malformed,
                    long strays, boolean received, Timing latency) {
            this(line, site, gaps, missingMessages, outages, outageSeconds, socketDrops, packets, messages, duplicates, lateMessages,
                    malformed, strays, received, latency, null, Traffic.NONE, Timing.NONE);
        }
    }

    /**
     * A line's rates and microbursts over the window.
     *
     * @param bytes              bytes of datagrams received
     * @param meanPacketsPerSecond packets over the window's length
     * @param peakPacketsPerSecond the most packets in one (calendar) second
     * @param peakBytesPerSecond the most bytes in one second
     * @param burstPackets       the most packets within the burst resolution (a sliding span, 1 ms by default)
     * @param burstBytes         the most bytes within it
     * @param burstResolutionMs  that resolution (null when not recorded)
     */
    public record Traffic(long bytes, double meanPacketsPerSecond, long peakPacketsPerSecond, long peakBytesPerSecond,
                          long burstPackets, long burstBytes, Double burstResolutionMs) {
        public static final Traffic NONE = new Traffic(0, 0, 0, 0, 0, 0, null);
    }

    /**
     * Percentiles in milliseconds, null when there were no samples: from HdrHistograms (each within
     * 1 % of the true value, {@code IntervalHistogram}), or, in a report of a journal written before
     * them, from fixed buckets (then each is the upper bound of its bucket, "at most").
     */
    public record Timing(long samples, Double p50Ms, Double p99Ms, Double maxMs, Double p999Ms) {
        public static final Timing NONE = new Timing(0, null, null, null, null);

        public Timing(long samples, Double p50Ms, Double p99Ms, Double maxMs) {
            this(samples, p50Ms, p99Ms, maxMs, null);
        }
    }

    /**
     * @param line  null for an arbitrated gap (lost on every line)
     * @param local what on this host explains it (interface down, membership missing, kernel drops), or null: upstream
     */
    public record Gap(String time, String line, long fromSeq, long toSeq, long messages,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String local) {
        public Gap(String time, String line, long fromSeq, long toSeq, long messages) {
            this(time, line, fromSeq, toSeq, messages, null);
        }
    }

    /**
     * @param line     null for a channel outage (every line down)
     * @param start    last arrival before the outage (may be before the window)
     * @param end      first arrival after it, or null while it goes on
     * @param seconds  the part inside the window
     * @param unobservedSeconds the part inside it when the monitor was not running (a restart inside the outage)
     * @param localSeconds the part inside it when this host kept the line from receiving (for a channel: every line at once)
     * @param local        what on this host did (interface down, membership missing, kernel drops), or null: upstream
     */
    public record Outage(String line, String start, String end, double seconds, boolean ongoing, double unobservedSeconds,
                         double localSeconds, @JsonInclude(JsonInclude.Include.NON_NULL) String local) {
        public Outage(String line, String start, String end, double seconds, boolean ongoing, double unobservedSeconds) {
            this(line, start, end, seconds, ongoing, unobservedSeconds, 0, null);
        }

        public Outage local(double newLocalSeconds, String cause) {
            return new Outage(line, start, end, seconds, ongoing, unobservedSeconds, newLocalSeconds, cause);
        }
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
