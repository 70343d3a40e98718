package io.omdprt.track;

/** The per-channel counters and gauges a {@link ChannelTracker} keeps. */
public enum ChannelCounter {
    /** Contiguous ranges that no line delivered within the arbitration wait: real loss. */
    ARBITRATED_GAPS,
    ARBITRATED_MISSING_MESSAGES,
    /** Messages that arrived after their range had been declared lost (the loss stays counted). */
    ARBITRATED_LATE_MESSAGES,
    /** Messages missing on every line for a while (a later one had arrived) that still came within the wait. */
    RECOVERED_MESSAGES,
    /** Outages begun (every line of the channel down). */
    OUTAGES,
    OUTAGE_NANOS,
    /** Distinct Sequence Resets (the same reset on several lines counts once). */
    SEQUENCE_RESETS,
    /** The sequence jumped forward beyond plausibility on the lines, without a Sequence Reset. */
    SEQUENCE_JUMPS,
    /** The sequence started again lower down on the lines, without a Sequence Reset. */
    SEQUENCE_RESTARTS,
    DR_SIGNALS,
    REFRESH_COMPLETES,
    /** Gauge: 1 while at least one line is up. */
    UP,
    /** Gauge: last DR status seen (0 none, 1 in progress, 2 completed). */
    DR_STATUS,
    /** Gauge, refreshed each tick: the next sequence number the channel expects after arbitration (0 = unknown). */
    NEXT_EXPECTED_SEQ,
    /** Gauge, refreshed each tick: sequence numbers currently held open waiting for another line. */
    PENDING_MESSAGES,
    /** Gauge: time of the last Refresh Complete, ns since epoch (0 = none). */
    LAST_REFRESH_COMPLETE_NANOS,
    /** Gauge: start of the current channel outage, ns since epoch (0 = none). */
    OUTAGE_START_NANOS;

    private static final ChannelCounter[] VALUES = values();

    public static ChannelCounter[] all() {
        return VALUES;
    }
}
