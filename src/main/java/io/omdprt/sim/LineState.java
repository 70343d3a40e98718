package io.omdprt.sim;

import io.omdprt.config.LineConfig;
import java.util.ArrayDeque;

/** What the simulator is doing to one line right now: down, dropping, duplicating, reordering, delaying. */
final class LineState {
    /** A packet waiting: held for a swap, or delayed. */
    static final class Pending {
        final byte[] bytes;
        final int length;
        final long firstSeq;
        final long lastSeq;
        final boolean heartbeat;
        final long releaseNanos;

        Pending(byte[] bytes, int length, long firstSeq, long lastSeq, boolean heartbeat, long releaseNanos) {
            this.bytes = bytes;
            this.length = length;
            this.firstSeq = firstSeq;
            this.lastSeq = lastSeq;
            this.heartbeat = heartbeat;
            this.releaseNanos = releaseNanos;
        }
    }

    final LineConfig config;
    final GroundTruth.LineTruth truth;

    boolean down;
    long downUntilNanos;
    /** Set when the line comes back after a silence: the next delivery records the outage and any gap. */
    boolean outagePending;

    int dropRemaining;
    GroundTruth.InjectedFault dropFault;
    int duplicateRemaining;
    int reorderRemaining;
    Pending held;

    long delayNanos;
    long delayUntilNanos;
    final ArrayDeque<Pending> delayed = new ArrayDeque<>();

    /** Highest sequence number this line has delivered (data or heartbeat), and when it last delivered anything. */
    long lastSeqDelivered;
    long lastDeliveryNanos;

    LineState(LineConfig config, GroundTruth.LineTruth truth) {
        this.config = config;
        this.truth = truth;
    }
}
