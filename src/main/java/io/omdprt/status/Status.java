package io.omdprt.status;

import java.util.List;

/** What /api/status returns and the status page shows: every feed, channel and line. */
public record Status(String monitor, String receiverSite, String version, String transport, String time,
                     double uptimeSeconds, Health health, List<Window> windows, List<Feed> feeds) {

    public record Feed(String name, String protocol, Health health, List<Channel> channels) {
    }

    public record Channel(String channel, String kind, boolean up, Health health, long arbitratedGaps,
                          long arbitratedMissingMessages, long outages, double outageSeconds, long sequenceResets,
                          long drStatus, long messages, List<Line> lines) {
    }

    public record Line(String name, String site, String endpoint, boolean up, Health health, double lastPacketAgeSeconds,
                       long packets, long gaps, long missingMessages, long outages, double outageSeconds,
                       long malformedPackets, long kernelDrops, long receiveBufferBytes) {
    }

    /** A PRT window as the status shows it. */
    public record Window(String name, String start, String end, boolean active, String description) {
    }
}
