package io.omdprt.track;

/** The per-line counters and gauges a {@link LineTracker} keeps; the metrics layer names them. */
public enum LineCounter {
    /** Datagrams received, well formed or not. */
    PACKETS,
    BYTES,
    /** Messages in well-formed data packets (duplicates included). */
    MESSAGES,
    HEARTBEATS,
    /** Jumps past the next expected sequence number, including those revealed by a heartbeat. */
    GAPS,
    /** Messages skipped by those jumps, counted when the jump is seen. */
    MISSING_MESSAGES,
    /** Messages that arrived after their hole on this line was opened (they fill it; never counted twice). */
    LATE_MESSAGES,
    /** Messages this line had already delivered. */
    DUPLICATE_MESSAGES,
    /** Packets that started below the next expected sequence number and filled part of a hole. */
    OUT_OF_ORDER_PACKETS,
    /** Outages begun (the line fell silent for stale-after). */
    OUTAGES,
    /** Length of ended outages, from the last arrival before to the first arrival after. */
    OUTAGE_NANOS,
    SEQUENCE_RESETS,
    /** Messages this line delivered before any other line of its channel. */
    FIRST_DELIVERIES,
    /**
     * Packets (data or heartbeat) whose SeqNum did not fit the channel's sequence and that the sequence
     * then went on without: strays. Nothing else of them is counted (no gap, no duplicate, no latency).
     */
    STRAY_PACKETS,
    /** Packets whose SendTime was further from the receive time than the latency limit: no latency sample. */
    IMPLAUSIBLE_SEND_TIMES,
    /** Messages whose MsgType the protocol's table does not know. */
    UNKNOWN_MESSAGE_TYPES,
    /** Known messages whose MsgSize does not fit the table's layout (a warning, not an error). */
    SIZE_MISMATCHES,
    /** Gauge: 1 while the line is up. */
    UP,
    /** Gauge, refreshed each tick: time of the last datagram, ns since epoch (0 = none yet). */
    LAST_ARRIVAL_NANOS,
    /** Gauge, refreshed each tick: the next sequence number this line expects (0 = unknown). */
    NEXT_EXPECTED_SEQ,
    /** Gauge: start of the current outage, ns since epoch (0 = none). */
    OUTAGE_START_NANOS,
    /** Gauge, refreshed each tick: RFC 3550 interarrival jitter of the feed latency, ns. */
    JITTER_NANOS;

    private static final LineCounter[] VALUES = values();

    public static LineCounter[] all() {
        return VALUES;
    }
}
