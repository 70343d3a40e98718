package io.omdprt.track;

/**
 * Rare events from the trackers, called on the thread that owns the channel. Implementations must
 * be quick (hand the event to a queue); every method has a no-op default. Times are ns since epoch.
 */
public interface TrackerListener {
    TrackerListener NONE = new TrackerListener() { };

    /** A line jumped past its next expected sequence number: messages from..to did not arrive on it. */
    default void lineGap(LineTracker line, long fromSeq, long toSeq, long atNanos) {
    }

    /** No line delivered from..to within the arbitration wait: real loss. */
    default void arbitratedGap(ChannelTracker channel, long fromSeq, long toSeq, long openedAtNanos, long declaredAtNanos) {
    }

    default void lineDown(LineTracker line, long lastArrivalNanos, long detectedAtNanos) {
    }

    default void lineUp(LineTracker line, long outageStartNanos, long outageEndNanos) {
    }

    /** The line's first datagram since the tracker was created (called before a lineUp it may cause). */
    default void firstArrival(LineTracker line, long atNanos) {
    }

    default void channelDown(ChannelTracker channel, long lastArrivalNanos, long detectedAtNanos) {
    }

    default void channelUp(ChannelTracker channel, long outageStartNanos, long outageEndNanos) {
    }

    /** A line received a Sequence Reset (also when it only followed a reset seen on another line). */
    default void sequenceReset(LineTracker line, long newSeqNo, long atNanos) {
    }

    /**
     * A packet held because its SeqNum did not fit the channel's sequence turned out to be a stray:
     * the sequence went on without it. {@code msgCount} 0 is a heartbeat, whose SeqNum is the last
     * message it claimed was sent. Nothing of it was counted but the datagram and its messages.
     */
    default void strayPacket(LineTracker line, long seqNum, int msgCount, long arrivedAtNanos) {
    }

    /**
     * The channel's sequence jumped forward without a Sequence Reset: the lines went on from
     * {@code newSeq} where {@code expectedSeq} was next, so {@code newSeq - expectedSeq} messages were
     * skipped. They are not counted as missing; tracking continues from {@code newSeq}.
     *
     * @param firstSeenNanos   arrival of the first packet of the new sequence
     * @param confirmedAtNanos when the lines confirmed it (another line agreed, or enough packets and the wait)
     */
    default void sequenceJump(ChannelTracker channel, long expectedSeq, long newSeq, long firstSeenNanos, long confirmedAtNanos) {
    }

    /**
     * The channel's sequence started again at {@code newSeq}, below {@code expectedSeq}, without a
     * Sequence Reset (a publisher restart, a site failover): a new sequence space, as after a reset.
     * Times as for {@link #sequenceJump}.
     */
    default void sequenceRestart(ChannelTracker channel, long expectedSeq, long newSeq, long firstSeenNanos, long confirmedAtNanos) {
    }

    /** The channel's DR status changed (0 none, 1 in progress, 2 completed). */
    default void drStatusChanged(LineTracker line, long previousStatus, long newStatus, long atNanos) {
    }

    /**
     * A refresh channel lost {@code fromSeq..toSeq} (its own sequence) inside {@code snapshots} snapshots
     * not already counted: each is unusable until the next one.
     */
    default void refreshUnusable(ChannelTracker refresh, long fromSeq, long toSeq, long snapshots, long atNanos) {
    }

    /** A Refresh Complete's LastSeqNum stayed above the real-time channel's high-water mark (its next expected − 1). */
    default void refreshLastSeqAhead(ChannelTracker refresh, long lastSeqNum, long realtimeHighWater, long atNanos) {
    }

    /** A Refresh Complete's LastSeqNum fell below the previous one with no Sequence Reset or restart in between. */
    default void refreshLastSeqDecreased(ChannelTracker refresh, long previousLastSeqNum, long lastSeqNum, long atNanos) {
    }

    /** No Refresh Complete since {@code lastCompleteNanos} for {@code RefreshCheck.STALL_FACTOR} typical intervals. */
    default void refreshStalled(ChannelTracker refresh, long lastCompleteNanos, long typicalIntervalNanos, long atNanos) {
    }

    /** A Refresh Complete after a stall. */
    default void refreshResumed(ChannelTracker refresh, long lastCompleteNanos, long atNanos) {
    }
}
