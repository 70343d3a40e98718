package io.omdprt.status;

import io.omdprt.verdict.Verdict;
import java.util.List;

/**
 * What /api/status returns and the status page shows: every feed, channel and line. Counts are for
 * the span named by {@code countingSince}/{@code countingFrom}: the active window's (from its start,
 * or from this monitor's start when it began inside the window), else since the monitor started.
 * Machine fields ({@code time}, {@code countingSince}) are ISO-8601 instants; {@code *Display} fields
 * are for people, in the display zone.
 *
 * @param countingFrom which span the counts are of, in words
 * @param nextWindow   the next scheduled window when none is active, or null
 * @param storage      the disk space the journal and the reports take, and how long each is kept
 */
public record Status(String monitor, String receiverSite, String version, String transport, String time, String timeDisplay,
                     double uptimeSeconds, Health health, Verdict verdict, String countingSince, String countingSinceDisplay,
                     String countingFrom, List<Window> windows, Window nextWindow, long drStatus, List<Feed> feeds,
                     Storage storage) {

    /** Where the journal and the reports are, the bytes they take (files only) and their retention in days. */
    public record Storage(String journalDir, long journalBytes, int journalRetentionDays, String reportsDir, long reportsBytes,
                          int reportsRetentionDays) {
    }

    public record Feed(String name, String protocol, Health health, List<Channel> channels) {
    }

    public record Channel(String channel, String kind, boolean up, Health health, Verdict verdict, List<String> reasons,
                          long arbitratedGaps, long arbitratedMissingMessages, long outages, double outageSeconds, long sequenceResets,
                          long drStatus, long messages, List<Line> lines) {
    }

    /**
     * @param state up, DOWN, or "not received yet" (nothing since the span began, younger than stale-after)
     * @param local what on this host keeps the line from receiving now ("interface eth1 down"), or null
     */
    public record Line(String name, String site, String endpoint, boolean up, String state, Health health, double lastPacketAgeSeconds,
                       long packets, long gaps, long missingMessages, long outages, double outageSeconds,
                       long malformedPackets, long kernelDrops, long receiveBufferBytes,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String local) {
    }

    /**
     * A PRT window as the status shows it: start and end in the display zone, and the start as an instant.
     *
     * @param end its end, or "open" for an ad-hoc window without one
     */
    public record Window(String name, String start, String end, boolean active, String description, String startInstant) {
    }
}
