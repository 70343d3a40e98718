package io.omdprt.track;

/**
 * Keeps packets whose SeqNum does not fit a channel's sequence out of its trackers until the lines
 * show what they were (the rules are in {@link ChannelTracker}'s class comment).
 *
 * <p>A packet fits unless it starts implausibly far beyond the channel's next expected number (see
 * {@link Plausibility}) or lies entirely more than {@code restartDrop} below its line's next expected
 * number without filling a hole there (a line with no history yet: more than the plausibility bound
 * below the channel's). A line coming back from an outage behind the other lines is
 * below the channel's high-water mark, so its gap, however large, is an ordinary gap.
 *
 * <p>Same thread as the channel tracker. The check of a packet that fits is a few comparisons.
 */
final class SequenceGuard {
    private final ChannelTracker channel;
    private final LineTracker[] lines;
    private final TrackerListener listener;
    private final Counters counters;
    private final Plausibility plausibility;
    private final long bound;
    private final long restartDrop;
    private final int confirmPackets;
    private final long waitNanos;
    /** Scratch of {@link #adopt}: which lines take part, and how far each one's held packets are replayed. */
    private final boolean[] adopting;
    private final int[] replayed;

    SequenceGuard(ChannelTracker channel, LineTracker[] lines, TrackerSettings settings, TrackerListener listener,
                  Counters counters) {
        this.channel = channel;
        this.lines = lines;
        this.listener = listener;
        this.counters = counters;
        this.bound = settings.plausibleJump();
        this.plausibility = new Plausibility(bound);
        this.restartDrop = settings.restartDrop();
        this.confirmPackets = settings.confirmPackets();
        this.waitNanos = settings.arbitrationWaitNanos();
        this.adopting = new boolean[lines.length];
        this.replayed = new int[lines.length];
    }

    /**
     * A data packet ({@code count} > 0) or heartbeat arrived on {@code line}, whose sequence space is
     * arbitrated by {@code arbiter}.
     *
     * @return true when the packet is held (the caller then counts nothing of its sequence)
     */
    boolean hold(LineTracker line, Arbiter arbiter, long seq, int count, long now) {
        boolean fits = fits(line, arbiter, seq, count, now);
        Suspect suspect = line.suspect();
        if (fits && suspect.isEmpty()) {
            plausibility.accepted(now);
            return false;
        }
        if (fits) { // the line's old sequence goes on: what it held were strays
            strays(line);
            plausibility.accepted(now);
            return false;
        }
        if (!suspect.near(Suspect.start(seq, count), bound)) {
            strays(line);
        }
        suspect.add(seq, count, now);
        if (markAgreeing(line) > 1 || suspect.isFull() || confirmedAlone(suspect, now)) {
            adopt(line, now);
        }
        return true;
    }

    /** A Sequence Reset arrived on the line: whatever it held did not belong to the sequence. */
    void discard(LineTracker line) {
        strays(line);
    }

    /** Every tick: held packets older than the wait are decided, and the channel's rate is sampled. */
    void review(long now) {
        for (LineTracker line : lines) {
            Suspect suspect = line.suspect();
            if (suspect.isEmpty() || now - suspect.firstAt() < waitNanos) {
                continue;
            }
            if (suspect.size() >= confirmPackets) {
                markAgreeing(line);
                adopt(line, now);
            } else if (plausibility.lastAcceptedNanos() > suspect.firstAt()) {
                strays(line); // another line went on in the old sequence, and this one said no more
            }
        }
        plausibility.sample(channel.uniqueMessages(), now);
    }

    /** End of input: a sequence a line confirmed is taken, anything else held was stray. */
    void settle(long now) {
        for (LineTracker line : lines) {
            Suspect suspect = line.suspect();
            if (suspect.size() >= confirmPackets) {
                markAgreeing(line);
                adopt(line, now);
            } else {
                strays(line);
            }
        }
    }

    private boolean fits(LineTracker line, Arbiter arbiter, long seq, int count, long now) {
        if (arbiter == null) {
            return true;
        }
        long high = arbiter.expected();
        if (high == LineTracker.UNKNOWN) {
            return true;
        }
        if (plausibility.beyond(Suspect.start(seq, count) - high, now)) {
            return false;
        }
        long lineNext = line.expected();
        long end = Suspect.end(seq, count);
        if (lineNext == LineTracker.UNKNOWN) { // a line's first packet may lag the others by a burst, not by the bound
            return end + bound > high;
        }
        return end + restartDrop > lineNext || count > 0 && line.hasHole(seq, end - 1);
    }

    private boolean confirmedAlone(Suspect suspect, long now) {
        return suspect.size() >= confirmPackets && (lines.length == 1 || now - suspect.firstAt() >= waitNanos);
    }

    /** Marks the line and every line holding packets of the same new sequence. @return how many */
    private int markAgreeing(LineTracker line) {
        Suspect own = line.suspect();
        int n = 0;
        for (int i = 0; i < lines.length; i++) {
            Suspect other = lines[i].suspect();
            adopting[i] = lines[i] == line || !other.isEmpty() && (own.near(other.low(), bound) || other.near(own.low(), bound));
            n += adopting[i] ? 1 : 0;
        }
        return n;
    }

    /** The marked lines' held sequence is the channel's now: a new space, their packets replayed into it. */
    private void adopt(LineTracker line, long now) {
        long first = Long.MAX_VALUE;
        long firstSeen = Long.MAX_VALUE;
        for (int i = 0; i < lines.length; i++) {
            if (adopting[i]) {
                first = Math.min(first, lines[i].suspect().low());
                firstSeen = Math.min(firstSeen, lines[i].suspect().firstAt());
            }
        }
        long expectedBefore = channel.expected();
        if (first > expectedBefore) {
            counters.increment(ChannelCounter.SEQUENCE_JUMPS.ordinal());
            listener.sequenceJump(channel, expectedBefore, first, firstSeen, now);
        } else {
            counters.increment(ChannelCounter.SEQUENCE_RESTARTS.ordinal());
            listener.sequenceRestart(channel, expectedBefore, first, firstSeen, now);
        }
        Arbiter arbiter = channel.restartSpace(first, now);
        for (int i = 0; i < lines.length; i++) {
            if (adopting[i]) {
                lines[i].restart(channel.sequenceSpace(), first);
            }
            replayed[i] = 0;
        }
        replayInArrivalOrder(arbiter);
        for (int i = 0; i < lines.length; i++) {
            if (adopting[i]) {
                lines[i].suspect().clear();
            }
        }
        plausibility.accepted(now);
        channel.expire(now);
    }

    /** Arrival order across lines matters: which line came first, and whether a hole was open when filled. */
    private void replayInArrivalOrder(Arbiter arbiter) {
        while (true) {
            int pick = -1;
            long earliest = Long.MAX_VALUE;
            for (int i = 0; i < lines.length; i++) {
                Suspect s = lines[i].suspect();
                if (adopting[i] && replayed[i] < s.size() && s.time(replayed[i]) < earliest) {
                    pick = i;
                    earliest = s.time(replayed[i]);
                }
            }
            if (pick < 0) {
                return;
            }
            Suspect s = lines[pick].suspect();
            int k = replayed[pick]++;
            channel.replay(lines[pick], arbiter, s.seq(k), s.count(k), s.time(k));
        }
    }

    private void strays(LineTracker line) {
        Suspect suspect = line.suspect();
        for (int i = 0; i < suspect.size(); i++) {
            line.count(LineCounter.STRAY_PACKETS, 1);
            listener.strayPacket(line, suspect.seq(i), suspect.count(i), suspect.time(i));
        }
        suspect.clear();
    }
}
