package io.omdprt.metrics;

import io.omdprt.track.ChannelCounter;
import io.omdprt.track.LineCounter;
import java.util.List;

/**
 * The exported metric set: name, help and source of every OMD series. Counter names are given
 * without the {@code _total} suffix, which the exposition adds. Labels: feed, channel, line, site.
 */
public final class MetricNames {
    /** A per-line value from the tracker; {@code scale} turns nanoseconds into seconds. */
    public record LineMetric(String name, String help, LineCounter source, boolean counter, double scale) {
    }

    /** A per-channel value from the tracker. */
    public record ChannelMetric(String name, String help, ChannelCounter source, boolean counter, double scale) {
    }

    static final double NANOS = 1e-9;

    public static final List<LineMetric> LINE = List.of(
        new LineMetric("omd_line_packets", "Datagrams received on the line, well formed or not.", LineCounter.PACKETS, true, 1),
        new LineMetric("omd_line_bytes", "Bytes of datagrams received on the line.", LineCounter.BYTES, true, 1),
        new LineMetric("omd_line_messages", "Messages in well-formed data packets, duplicates included.", LineCounter.MESSAGES, true, 1),
        new LineMetric("omd_line_heartbeats", "Heartbeats (MsgCount 0) received.", LineCounter.HEARTBEATS, true, 1),
        new LineMetric("omd_line_gaps", "Jumps past the next expected sequence number on this line (heartbeat-revealed included).", LineCounter.GAPS, true, 1),
        new LineMetric("omd_line_missing_messages", "Messages skipped by this line's gaps, counted when the gap is seen.", LineCounter.MISSING_MESSAGES, true, 1),
        new LineMetric("omd_line_late_messages", "Messages that arrived after their gap on this line was counted (they fill it).", LineCounter.LATE_MESSAGES, true, 1),
        new LineMetric("omd_line_duplicate_messages", "Messages this line had already delivered.", LineCounter.DUPLICATE_MESSAGES, true, 1),
        new LineMetric("omd_line_out_of_order_packets", "Packets below the next expected sequence number that filled a gap.", LineCounter.OUT_OF_ORDER_PACKETS, true, 1),
        new LineMetric("omd_line_outages", "Times the line fell silent for stale-after.", LineCounter.OUTAGES, true, 1),
        new LineMetric("omd_line_sequence_resets", "Sequence Reset messages received on the line.", LineCounter.SEQUENCE_RESETS, true, 1),
        new LineMetric("omd_line_first_deliveries", "Messages this line delivered before any other line of its channel.", LineCounter.FIRST_DELIVERIES, true, 1),
        new LineMetric("omd_line_unknown_message_types", "Messages whose MsgType the protocol table does not know.", LineCounter.UNKNOWN_MESSAGE_TYPES, true, 1),
        new LineMetric("omd_line_stray_packets", "Datagrams whose SeqNum the channel could not have reached (another sender, corruption): not counted as loss.", LineCounter.STRAY_PACKETS, true, 1),
        new LineMetric("omd_line_implausible_send_times", "Packets whose SendTime was too far from the receive time to be a latency sample.", LineCounter.IMPLAUSIBLE_SEND_TIMES, true, 1),
        new LineMetric("omd_line_message_size_mismatches", "Known messages whose MsgSize does not fit the spec table (a warning).", LineCounter.SIZE_MISMATCHES, true, 1),
        new LineMetric("omd_line_up", "1 while the line delivers data or heartbeats within stale-after, else 0.", LineCounter.UP, false, 1),
        new LineMetric("omd_line_last_packet_timestamp_seconds", "Time of the last datagram on the line (Unix seconds, 0 = none).", LineCounter.LAST_ARRIVAL_NANOS, false, NANOS),
        new LineMetric("omd_line_next_expected_sequence", "The next sequence number the line expects (0 = unknown).", LineCounter.NEXT_EXPECTED_SEQ, false, 1),
        new LineMetric("omd_line_jitter_seconds", "RFC 3550 interarrival jitter of the feed latency (smoothed |change of latency| between packets).", LineCounter.JITTER_NANOS, false, NANOS));

    public static final List<ChannelMetric> CHANNEL = List.of(
        new ChannelMetric("omd_arbitrated_gaps", "Ranges no line delivered within the arbitration wait: real data loss.", ChannelCounter.ARBITRATED_GAPS, true, 1),
        new ChannelMetric("omd_arbitrated_missing_messages", "Messages no line delivered within the arbitration wait: real data loss.", ChannelCounter.ARBITRATED_MISSING_MESSAGES, true, 1),
        new ChannelMetric("omd_arbitrated_late_messages", "Messages that arrived after being declared lost (the loss stays counted).", ChannelCounter.ARBITRATED_LATE_MESSAGES, true, 1),
        new ChannelMetric("omd_arbitrated_recovered_messages", "Messages missing on every line for a while that still came within the wait.", ChannelCounter.RECOVERED_MESSAGES, true, 1),
        new ChannelMetric("omd_channel_outages", "Times every line of the channel was down at once.", ChannelCounter.OUTAGES, true, 1),
        new ChannelMetric("omd_sequence_resets", "Distinct Sequence Resets of the channel (the same reset on several lines counts once).", ChannelCounter.SEQUENCE_RESETS, true, 1),
        new ChannelMetric("omd_dr_signals", "Disaster Recovery Signal messages (105) received: the first copy of each, and any whose status changed.", ChannelCounter.DR_SIGNALS, true, 1),
        new ChannelMetric("omd_sequence_jumps", "Times the sequence jumped far ahead without a Sequence Reset and the lines went on from there.", ChannelCounter.SEQUENCE_JUMPS, true, 1),
        new ChannelMetric("omd_sequence_restarts", "Times the sequence started again lower without a Sequence Reset (publisher restart, failover).", ChannelCounter.SEQUENCE_RESTARTS, true, 1),
        new ChannelMetric("omd_refresh_completes", "Refresh Complete messages (203) received, first copy only.", ChannelCounter.REFRESH_COMPLETES, true, 1),
        new ChannelMetric("omd_channel_up", "1 while at least one line of the channel is up, else 0.", ChannelCounter.UP, false, 1),
        new ChannelMetric("omd_dr_status", "Last DR status seen: 0 none, 1 failover in progress, 2 completed.", ChannelCounter.DR_STATUS, false, 1),
        new ChannelMetric("omd_channel_next_expected_sequence", "The next sequence number the channel expects after arbitration (0 = unknown).", ChannelCounter.NEXT_EXPECTED_SEQ, false, 1),
        new ChannelMetric("omd_channel_pending_messages", "Messages currently missing on every line, still within the arbitration wait.", ChannelCounter.PENDING_MESSAGES, false, 1),
        new ChannelMetric("omd_last_refresh_complete_timestamp_seconds", "Time of the last Refresh Complete (Unix seconds, 0 = none).", ChannelCounter.LAST_REFRESH_COMPLETE_NANOS, false, NANOS));

    public static final String LINE_OUTAGE_SECONDS = "omd_line_outage_seconds";
    public static final String CHANNEL_OUTAGE_SECONDS = "omd_channel_outage_seconds";
    public static final String CHANNEL_MESSAGES = "omd_channel_messages";
    public static final String MALFORMED = "omd_malformed_packets";
    public static final String LATENCY = "omd_feed_latency_seconds";
    public static final String LATENCY_NEGATIVE = "omd_feed_latency_negative_samples";
    public static final String SKEW = "omd_ab_skew_seconds";
    /** Scrape-aligned gauges: the most since the previous scrape (over the seconds that ended since), reset by each scrape. */
    public static final String BURST_PACKETS = "omd_line_burst_peak_packets";
    public static final String BURST_BYTES = "omd_line_burst_peak_bytes";
    public static final String PEAK_SECOND_PACKETS = "omd_line_peak_second_packets";
    public static final String SOCKET_DROPS = "omd_socket_drops";
    public static final String SOCKET_BUFFER = "omd_socket_receive_buffer_bytes";
    public static final String CHANNEL_INFO = "omd_channel";
    public static final String MONITOR_INFO = "omd_monitor";
    public static final String BUILD_INFO = "omd_build";

    private MetricNames() {
    }
}
