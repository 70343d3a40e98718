package io.omdprt.track;

/** The counters and gauges a {@link RefreshCheck} keeps for one refresh channel. */
public enum RefreshCounter {
    /** Refresh Completes (203) the check measured (first copy only; the same as the channel's count). */
    COMPLETES,
    /** Gauge: time between the last two Refresh Completes, ns (0 = fewer than two). */
    LAST_INTERVAL_NANOS,
    /** Gauge: the median of the last {@link RefreshCheck#TYPICAL_OF} intervals, ns (0 = fewer than {@link RefreshCheck#MIN_INTERVALS}). */
    TYPICAL_INTERVAL_NANOS,
    /** Gauge: LastSeqNum of the last Refresh Complete (0 = none). */
    LAST_SEQ_NUM,
    /** Gauge: the real-time channel's high-water mark (its next expected − 1) minus LastSeqNum; negative when ahead. */
    LAG_MESSAGES,
    /** Snapshots with a gap inside: unusable until the next one. */
    UNUSABLE_SNAPSHOTS,
    /** Refresh Completes whose LastSeqNum stayed above the real-time channel's high-water mark. */
    AHEAD,
    /** Refresh Completes whose LastSeqNum fell below the previous one with no Sequence Reset in between. */
    DECREASES,
    /** Times no Refresh Complete came for {@link RefreshCheck#STALL_FACTOR} times the typical interval. */
    STALLS,
    /** Gauge: 1 while stalled. */
    STALLED;

    private static final RefreshCounter[] VALUES = values();

    public static RefreshCounter[] all() {
        return VALUES;
    }
}
