package io.omdprt.verdict;

import java.util.List;

/**
 * What happened to one channel over a span (a window, or since the monitor started), as the report
 * and the status page both count it. Counts are for the span only.
 *
 * @param arbitratedGaps     ranges no line delivered (real loss)
 * @param outages            channel outages (every line down) overlapping the span
 * @param outageSeconds      their length inside the span
 * @param downNow            the channel is down at the end of the span
 * @param drStatuses         DR statuses received in the span, in order (1 in progress, 2 completed)
 * @param drStatusAtEnd      the last DR status known at the span's end (0 none)
 * @param sequenceJumps      sequence jumps without a reset
 * @param sequenceRestarts   sequence restarts without a reset
 * @param localOutageSeconds the part of the channel outages when every line had a local fault (this host's)
 * @param localArbitratedGaps arbitrated gaps a local fault explains (on every line)
 * @param localCause         what that local fault was, in words ("interface eth1 down"), or null
 */
public record ChannelFacts(String channel, long arbitratedGaps, long arbitratedMissing, long outages, double outageSeconds,
                           boolean downNow, List<Long> drStatuses, long drStatusAtEnd, long sequenceJumps, long sequenceRestarts,
                           List<LineFacts> lines, double localOutageSeconds, long localArbitratedGaps, String localCause) {

    /** Without anything local. */
    public ChannelFacts(String channel, long arbitratedGaps, long arbitratedMissing, long outages, double outageSeconds,
                        boolean downNow, List<Long> drStatuses, long drStatusAtEnd, long sequenceJumps, long sequenceRestarts,
                        List<LineFacts> lines) {
        this(channel, arbitratedGaps, arbitratedMissing, outages, outageSeconds, downNow, drStatuses, drStatusAtEnd, sequenceJumps,
                sequenceRestarts, lines, 0, 0, null);
    }

    /**
     * @param gaps          this line's own gaps (some may be covered by another line)
     * @param outageSeconds length of its outages inside the span
     * @param downNow       down at the end of the span
     * @param received      it delivered at least one datagram in the span
     * @param spanLongEnough the span is at least stale-after long (before that, silence is not yet an outage)
     * @param malformed     malformed datagrams (all reasons)
     * @param kernelDrops   datagrams this host's kernel dropped on the line's socket; -1 when unknown
     * @param strays        datagrams whose SeqNum the channel could not have reached (not counted as loss)
     * @param localOutageSeconds the part of its outages during which a local fault was seen (0 when none)
     * @param localGaps     its gaps a local fault explains
     * @param localCause    what that local fault was, in words ("interface eth1 down"), or null
     */
    public record LineFacts(String line, long gaps, long missing, long outages, double outageSeconds, boolean downNow,
                            boolean received, boolean spanLongEnough, long malformed, long kernelDrops, long strays,
                            double localOutageSeconds, long localGaps, String localCause) {
    }
}
