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

    /** The channel's DR status changed (0 none, 1 in progress, 2 completed). */
    default void drStatusChanged(LineTracker line, long previousStatus, long newStatus, long atNanos) {
    }
}
