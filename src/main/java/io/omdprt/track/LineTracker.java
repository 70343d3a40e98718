package io.omdprt.track;

import io.omdprt.protocol.Malformed;

/**
 * Sequence and liveness state of one line (one multicast group) of a channel. Owned by the
 * {@link ChannelTracker} of its channel and driven only from that tracker's thread; its counters can
 * be read from any thread.
 *
 * <p>Sequence rules (spec §4.1, Figure 2): a packet starting past the next expected number is a gap;
 * one entirely below it is a duplicate unless it fills a hole this line opened earlier, in which case
 * those messages are late (the hole shrinks, nothing is counted twice). A heartbeat carries the last
 * sequence number sent, so one at or above the next expected number reveals trailing loss.
 */
public final class LineTracker {
    static final long UNKNOWN = ExpectedSequence.UNKNOWN;
    private static final long NO_TRANSIT = Long.MIN_VALUE;

    private final ChannelTracker channel;
    private final int index;
    private final LineInfo info;
    private final Counters counters = new Counters(LineCounter.all().length);
    private final Counters malformed = new Counters(Malformed.values().length);
    private final IntervalHistogram latencyIntervals =
            new IntervalHistogram(IntervalHistogram.SIGNIFICANT_DIGITS, Histogram.DEFAULT_BOUNDS_NANOS);
    private final IntervalHistogram jitterIntervals = new IntervalHistogram(1);
    private final BurstMeter burst;
    /** Transit time (latency) of the previous sample, for RFC 3550 jitter; NO_TRANSIT before the first. */
    private long previousTransit = NO_TRANSIT;
    /** RFC 3550 interarrival jitter estimate, ns (a running average of |transit − previous transit| with gain 1/16). */
    private long jitter;
    private final RangeSet holes;
    private final Suspect suspect = new Suspect();

    private final ExpectedSequence expected = new ExpectedSequence();
    /** Whether the line delivered data since its last reset; a reset repeated without data is the same reset. */
    private boolean dataSinceReset = true;
    /** Which of the channel's sequence spaces (a new one at each reset, jump or restart) this line is in. */
    private int sequenceSpace;

    private final Outages outages = Outages.ofLine(counters);
    private boolean received;
    private long lastArrival;

    LineTracker(ChannelTracker channel, int index, LineInfo info, int maxOpenRanges, long burstResolutionNanos, long startNanos) {
        this.channel = channel;
        this.burst = new BurstMeter(burstResolutionNanos);
        this.index = index;
        this.info = info;
        this.holes = new RangeSet(maxOpenRanges);
        this.lastArrival = startNanos;
    }

    public ChannelTracker channel() {
        return channel;
    }

    public int index() {
        return index;
    }

    public LineInfo info() {
        return info;
    }

    public String name() {
        return info.name();
    }

    /** Any thread. */
    public long get(LineCounter counter) {
        return counters.get(counter.ordinal());
    }

    /** Any thread. */
    public long malformed(Malformed reason) {
        return malformed.get(reason.ordinal());
    }

    /** Feed latency in fixed buckets (receive wall clock minus SendTime), everything so far, taken now. Any thread. */
    public Histogram latency() {
        return latencyIntervals.buckets();
    }

    /** Feed latency as an HdrHistogram, taken interval by interval (the journal's snapshots). Any thread. */
    public IntervalHistogram latencyIntervals() {
        return latencyIntervals;
    }

    /** |transit − previous transit| per packet (RFC 3550's D), interval by interval. Any thread. */
    public IntervalHistogram jitterIntervals() {
        return jitterIntervals;
    }

    /** Microbursts and per-second rates. Any thread (through a cursor of one's own). */
    public BurstMeter burst() {
        return burst;
    }

    /** Time spent down, the current outage (if any) counted up to {@code nowNanos}. Any thread. */
    public long outageNanos(long nowNanos) {
        return outages.totalNanos(nowNanos);
    }

    /** Any thread. */
    public boolean isUp() {
        return outages.isUp();
    }

    // ---- called by the channel tracker, on its thread ----

    int sequenceSpace() {
        return sequenceSpace;
    }

    long expected() {
        return expected.next();
    }

    Suspect suspect() {
        return suspect;
    }

    /** Whether messages from..to fill part of a hole this line opened. */
    boolean hasHole(long from, long to) {
        return !holes.isEmpty() && holes.overlaps(from, to);
    }

    void count(LineCounter counter, long delta) {
        counters.add(counter.ordinal(), delta);
    }

    void countMalformed(Malformed reason) {
        malformed.increment(reason.ordinal());
    }

    /** A datagram arrived: liveness. @return true when this ended an outage */
    boolean arrived(long now, int bytes) {
        burst.arrived(now, bytes);
        counters.increment(LineCounter.PACKETS.ordinal());
        counters.add(LineCounter.BYTES.ordinal(), bytes);
        lastArrival = now;
        if (!received) {
            received = true;
            channel.listener().firstArrival(this, now);
        }
        if (outages.up()) {
            return false;
        }
        channel.listener().lineUp(this, outages.end(now), now);
        return true;
    }

    /** A plausible feed latency sample: its histogram and jitter. */
    void recordLatency(long latencyNanos) {
        latencyIntervals.record(latencyNanos);
        if (previousTransit != NO_TRANSIT) {
            long d = Math.abs(latencyNanos - previousTransit);
            jitterIntervals.record(d);
            jitter += (d - jitter) >> 4;
        }
        previousTransit = latencyNanos;
    }

    /** Makes the burst meter's second in progress visible to readers (each tick, and before a snapshot in analysis). */
    void publishBursts() {
        burst.publish();
    }

    /** Publishes the gauges kept in plain fields on the hot path. */
    void publishGauges() {
        counters.set(LineCounter.JITTER_NANOS.ordinal(), jitter);
        // lastArrival starts at the monitor's start for liveness; the gauge says 0 until a datagram came.
        counters.set(LineCounter.LAST_ARRIVAL_NANOS.ordinal(), get(LineCounter.PACKETS) == 0 ? 0 : lastArrival);
        counters.set(LineCounter.NEXT_EXPECTED_SEQ.ordinal(), expected.known() ? expected.next() : 0);
    }

    /** @return true when the line went down at this check */
    boolean checkStale(long now, long staleAfterNanos) {
        if (!outages.up() || now - lastArrival < staleAfterNanos) {
            return false;
        }
        outages.begin(lastArrival);
        channel.listener().lineDown(this, lastArrival, now);
        return true;
    }

    boolean up() {
        return outages.up();
    }

    long lastArrival() {
        return lastArrival;
    }

    /** Messages from..to (inclusive) arrived in one data packet. */
    void onRange(long from, long to, long now) {
        dataSinceReset = true;
        long next = expected.data(from, to);
        if (next == UNKNOWN || from == next) {
            return;
        }
        if (from > next) {
            gap(next, from - 1, now);
        } else {
            old(from, Math.min(to, next - 1));
        }
    }

    /** A heartbeat: lastSeq is the last message sent on the channel. */
    void onHeartbeat(long lastSeq, long now) {
        long missing = expected.heartbeat(lastSeq);
        if (missing != UNKNOWN) {
            gap(missing, lastSeq, now);
        }
    }

    /**
     * A Sequence Reset arrived on this line, or the channel moved to a new sequence space without this
     * line seeing the reset. @return true when this reset starts a new sequence space for the channel
     */
    boolean onReset(long newSeqNo, int channelSpace, long now) {
        boolean newSpace = sequenceSpace == channelSpace && dataSinceReset;
        sequenceSpace = newSpace ? channelSpace + 1 : channelSpace;
        expected.reset(newSeqNo);
        dataSinceReset = false;
        holes.clear();
        counters.increment(LineCounter.SEQUENCE_RESETS.ordinal());
        channel.listener().sequenceReset(this, newSeqNo, now);
        return newSpace;
    }

    /** The channel moved to a sequence space no reset announced, whose first message is {@code first}. */
    void restart(int channelSpace, long first) {
        sequenceSpace = channelSpace;
        expected.set(first);
        dataSinceReset = true;
        holes.clear();
    }

    /** A line with no sequence history simply starts in the channel's current sequence space. */
    void joinSpace(int channelSpace) {
        sequenceSpace = channelSpace;
    }

    private void old(long from, long to) {
        long filled = holes.isEmpty() ? 0 : holes.removeOverlap(from, to);
        if (filled > 0) {
            counters.add(LineCounter.LATE_MESSAGES.ordinal(), filled);
            counters.increment(LineCounter.OUT_OF_ORDER_PACKETS.ordinal());
        }
        long duplicates = to - from + 1 - filled;
        if (duplicates > 0) {
            counters.add(LineCounter.DUPLICATE_MESSAGES.ordinal(), duplicates);
        }
    }

    private void gap(long from, long to, long now) {
        counters.increment(LineCounter.GAPS.ordinal());
        counters.add(LineCounter.MISSING_MESSAGES.ordinal(), to - from + 1);
        holes.appendForgettingOldest(from, to, now);
        channel.listener().lineGap(this, from, to, now);
    }
}
