package io.omdprt.track;

/**
 * The next sequence number expected, with the start-of-day ambiguity of the Sequence Reset: after
 * a reset to NewSeqNo the first message may be NewSeqNo (the reset takes no number) or NewSeqNo + 1
 * (the reset carried NewSeqNo). Either is accepted without a gap. Shared by lines and arbitration.
 */
final class ExpectedSequence {
    static final long UNKNOWN = -1;

    private long next = UNKNOWN;
    private boolean resetPending;

    long next() {
        return next;
    }

    boolean known() {
        return next != UNKNOWN;
    }

    void set(long value) {
        next = value;
    }

    void reset(long newSeqNo) {
        next = newSeqNo;
        resetPending = true;
    }

    /** Before a data packet starting at {@code from}: the first one after a reset settles the reading. */
    void beforeData(long from) {
        if (resetPending) {
            resetPending = false;
            if (from > next) {
                next++;
            }
        }
    }

    /** Before a heartbeat carrying {@code lastSeq}: it settles the reading when it says which it was. */
    void beforeHeartbeat(long lastSeq) {
        if (resetPending) {
            if (lastSeq >= next) {
                resetPending = false;
                next++;
            } else if (lastSeq == next - 1) {
                resetPending = false;
            }
        }
    }
}
