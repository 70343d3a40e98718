package io.omdprt.track;

/**
 * Arbitration of one channel's lines within one sequence space (between two Sequence Resets).
 * Works on message ranges, not packets, because framing may differ between lines. A range that no
 * line has delivered yet, below the highest message seen, is a hole; it stays open for the
 * arbitration wait, and whatever of it is still missing then is an arbitrated gap: real loss.
 */
final class Arbiter {
    private final ChannelTracker channel;
    private final Counters counters;
    private final long waitNanos;
    /** Open holes; tag = deadline. */
    private final RangeSet pending;
    /** Recently declared losses, so a message arriving after its deadline is counted late, once; tag = declared time. */
    private final RangeSet lost;

    private final ExpectedSequence expected = new ExpectedSequence();

    Arbiter(ChannelTracker channel, Counters counters, long waitNanos, int maxOpenRanges) {
        this.channel = channel;
        this.counters = counters;
        this.waitNanos = waitNanos;
        this.pending = new RangeSet(maxOpenRanges);
        this.lost = new RangeSet(maxOpenRanges);
    }

    long expected() {
        return expected.next();
    }

    long pendingMessages() {
        return pending.total();
    }

    /** Starts a new sequence space at newSeqNo; the first message may be newSeqNo or newSeqNo + 1. */
    void reset(long newSeqNo, long now) {
        settleAll(now);
        lost.clear();
        expected.reset(newSeqNo);
    }

    /** Starts a new sequence space whose first message is exactly {@code first} (no reset announced it). */
    void restart(long first, long now) {
        settleAll(now);
        lost.clear();
        expected.set(first);
    }

    /**
     * Some line delivered messages from..to.
     *
     * @return how many of them no line had delivered before
     */
    long onRange(long from, long to, long now) {
        long next = expected.data(from, to);
        if (next == ExpectedSequence.UNKNOWN) {
            return to - from + 1;
        }
        long fresh = 0;
        if (to >= next) {
            if (from > next) {
                open(next, from - 1, now);
            }
            fresh = to - Math.max(from, next) + 1;
        }
        if (from < next) {
            fresh += fill(from, Math.min(to, next - 1));
        }
        return fresh;
    }

    /** A heartbeat on some line: every message up to lastSeq has been sent. */
    void onHeartbeat(long lastSeq, long now) {
        long missing = expected.heartbeat(lastSeq);
        if (missing != ExpectedSequence.UNKNOWN) {
            open(missing, lastSeq, now);
        }
    }

    /** @return when the oldest open hole is due, or Long.MAX_VALUE when none is open */
    long nextDeadline() {
        return pending.isEmpty() ? Long.MAX_VALUE : pending.tag(0);
    }

    /** Declares lost every hole whose wait has passed. Holes open in order, so the first is the oldest. */
    void expire(long now) {
        while (!pending.isEmpty() && pending.tag(0) <= now) {
            settleFirst(now);
        }
    }

    /** Declares lost every hole still open (its sequence space has ended). */
    void settleAll(long now) {
        while (!pending.isEmpty()) {
            settleFirst(now);
        }
    }

    private void open(long from, long to, long now) {
        if (pending.isFull()) {
            settleFirst(now);
        }
        long deadline = now + waitNanos;
        pending.append(from, to, deadline);
        channel.holeOpened(deadline);
    }

    /** @return messages of from..to that filled an open hole (first copy wins) */
    private long fill(long from, long to) {
        long recovered = pending.isEmpty() ? 0 : pending.removeOverlap(from, to);
        if (recovered > 0) {
            counters.add(ChannelCounter.RECOVERED_MESSAGES.ordinal(), recovered);
        }
        if (!lost.isEmpty()) {
            long late = lost.removeOverlap(from, to);
            if (late > 0) {
                counters.add(ChannelCounter.ARBITRATED_LATE_MESSAGES.ordinal(), late);
            }
        }
        return recovered;
    }

    private void settleFirst(long now) {
        long from = pending.start(0);
        long to = pending.end(0);
        long openedAt = pending.tag(0) - waitNanos;
        pending.removeFirst();
        counters.increment(ChannelCounter.ARBITRATED_GAPS.ordinal());
        counters.add(ChannelCounter.ARBITRATED_MISSING_MESSAGES.ordinal(), to - from + 1);
        lost.appendForgettingOldest(from, to, now);
        channel.listener().arbitratedGap(channel, from, to, openedAt, now);
        channel.gapDeclared(this, from, to, now);
    }
}
