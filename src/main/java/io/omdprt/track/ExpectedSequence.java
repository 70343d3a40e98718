package io.omdprt.track;

/**
 * The next sequence number expected, as a line or an arbiter follows it: where each data packet and
 * heartbeat leaves it, and what came before it (old messages) or was skipped (missing ones).
 *
 * <p>Includes the start-of-day ambiguity of the Sequence Reset: after a reset to NewSeqNo the first
 * message may be NewSeqNo (the reset takes no number) or NewSeqNo + 1 (the reset carried NewSeqNo).
 * Either is accepted without a gap.
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

    /** The next message is {@code value}: a sequence space no reset announced begins there. */
    void set(long value) {
        next = value;
    }

    void reset(long newSeqNo) {
        next = newSeqNo;
        resetPending = true;
    }

    /**
     * Messages from..to arrived in one data packet: the next expected number moves past them. Below
     * the number returned they are old; from it they are new, and from it to {@code from - 1} missing.
     *
     * @return the next number expected before them, or UNKNOWN for the first data of all (then they are all new, nothing missing)
     */
    long data(long from, long to) {
        if (next == UNKNOWN) {
            next = to + 1;
            return UNKNOWN;
        }
        if (resetPending) { // the first data after a reset settles the reading
            resetPending = false;
            if (from > next) {
                next++;
            }
        }
        long before = next;
        if (to >= before) {
            next = to + 1;
        }
        return before;
    }

    /**
     * A heartbeat carrying {@code lastSeq}, the last message sent: the next expected number moves past it.
     *
     * @return the first message it shows missing (all from it to lastSeq are), or UNKNOWN when none is
     */
    long heartbeat(long lastSeq) {
        if (next == UNKNOWN) {
            next = lastSeq + 1;
            return UNKNOWN;
        }
        if (resetPending) { // settled when the heartbeat says which reading it was
            if (lastSeq >= next) {
                resetPending = false;
                next++;
            } else if (lastSeq == next - 1) {
                resetPending = false;
            }
        }
        if (lastSeq < next) {
            return UNKNOWN;
        }
        long first = next;
        next = lastSeq + 1;
        return first;
    }
}
