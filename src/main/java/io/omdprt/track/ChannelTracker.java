package io.omdprt.track;

import io.omdprt.protocol.ControlMessages;
import io.omdprt.protocol.Malformed;
import io.omdprt.protocol.MessageCursor;
import io.omdprt.protocol.MessageTypes;
import io.omdprt.protocol.OmdPacket;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * Everything the monitor knows about one OMD channel: its lines, arbitration across them, liveness,
 * Sequence Resets, DR status, refresh completes and A/B skew.
 *
 * <p>Sequence numbers the spec does not announce are kept out of the counts by a {@link SequenceGuard}:
 * a packet far beyond anything the channel could have reached, or far below what its line delivered,
 * is held until the lines show what it was. A stray (the sequence went on without it) is counted as
 * such and nothing else. A jump or restart becomes a new sequence space, as after a Sequence Reset,
 * when another line agrees (holds a packet of the same new sequence), or when one line alone has
 * continued it for {@code confirmPackets} packets and the arbitration wait has passed since its first
 * one (at once on a one-line channel, and at once when a line fills its hold of {@link Suspect#CAPACITY}
 * packets). So one line's stray never moves the channel; a restart seen on one line only moves it after
 * the wait, and the lines still in the old sequence are then arbitrated in the previous space until
 * their numbers show the new one, exactly as for a reset they have not seen.
 *
 * <p>Single-threaded: one thread (the event loop serving every line of the channel, or the capture
 * reader) calls {@link #onDatagram} and {@link #onTick}. Counters and histograms may be read from
 * any thread. Time is passed in (ns since epoch), never read from a clock, so captures replay
 * exactly and tests are deterministic.
 */
public final class ChannelTracker {
    private final ChannelInfo info;
    private final TrackerSettings settings;
    private final TrackerListener listener;
    private final MessageTypes types;
    private final LineTracker[] lines;
    private final List<LineTracker> lineList;
    private final Counters counters = new Counters(ChannelCounter.all().length);
    private final IntervalHistogram skewIntervals =
            new IntervalHistogram(IntervalHistogram.SIGNIFICANT_DIGITS, Histogram.DEFAULT_BOUNDS_NANOS);
    private final OmdPacket packet = new OmdPacket();
    private final ProbeCapture probeCapture = new ProbeCapture();

    private final FirstArrivals firstArrivals = new FirstArrivals();
    private final SequenceGuard guard;
    private final long latencyLimitNanos;

    /** The sequence space in progress, and the one before it (kept while lines still deliver it). */
    private Arbiter current;
    private Arbiter previous;
    private int sequenceSpace;
    /** Where the current space began: a reset's NewSeqNo, or the first message of an unannounced jump or restart. */
    private long spaceStart = 1;
    private boolean spaceAnnounced = true;
    /** No open hole is due before this: the per-packet expiry check is one comparison. */
    private long nextDeadline = Long.MAX_VALUE;

    private final Outages outages = Outages.ofChannel(counters);
    private long drStatus;
    /** What the last {@link #scanControl} call found: reset, DR signal, refresh complete. */
    private long scannedResetSeqNo;
    private int drIndex;
    private long scannedDrStatus;
    private int refreshIndex;
    private long scannedLastSeqNum;
    /** Only on a refresh channel mapped to its real-time channel; null on every other. */
    private RefreshCheck refresh;

    public ChannelTracker(ChannelInfo info, List<LineInfo> lineInfos, TrackerSettings settings,
                          TrackerListener listener, long startNanos) {
        if (lineInfos.isEmpty() || lineInfos.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("a channel needs 1 to 127 lines, got " + lineInfos.size());
        }
        this.info = info;
        this.settings = settings;
        this.listener = listener;
        this.types = info.protocol().messageTypes();
        this.lines = new LineTracker[lineInfos.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = new LineTracker(this, i, lineInfos.get(i), settings.maxOpenRanges(), settings.burstResolutionNanos(), startNanos);
        }
        this.lineList = List.of(lines);
        this.guard = new SequenceGuard(this, lines, settings, listener, counters);
        this.latencyLimitNanos = settings.latencyLimitNanos();
        this.current = new Arbiter(this, counters, settings.arbitrationWaitNanos(), settings.maxOpenRanges());
        this.previous = new Arbiter(this, counters, settings.arbitrationWaitNanos(), settings.maxOpenRanges());
    }

    public ChannelInfo info() {
        return info;
    }

    public List<LineTracker> lines() {
        return lineList;
    }

    public LineTracker line(int index) {
        return lines[index];
    }

    /** Any thread. */
    public long get(ChannelCounter counter) {
        return counters.get(counter.ordinal());
    }

    /** Distinct messages delivered by at least one line. Any thread. */
    public long uniqueMessages() {
        long n = 0;
        for (LineTracker line : lines) {
            n += line.get(LineCounter.FIRST_DELIVERIES);
        }
        return n;
    }

    /** Time with every line down, the current outage (if any) counted up to {@code nowNanos}. Any thread. */
    public long outageNanos(long nowNanos) {
        return outages.totalNanos(nowNanos);
    }

    /** Any thread. */
    public boolean isUp() {
        return outages.isUp();
    }

    /**
     * Arrival-time difference of the same message between the first line and a later one, in fixed
     * buckets: everything so far, taken now. Any thread.
     */
    public Histogram skew() {
        return skewIntervals.buckets();
    }

    /**
     * Makes this a refresh channel checked against {@code realtime} (its high-water mark, read from any thread).
     * Call before the first datagram.
     *
     * @param graceNanos how long a LastSeqNum may stay above the real-time channel's published high-water mark
     *                   before it counts as ahead (that gauge is refreshed on the real-time channel's ticks)
     */
    public RefreshCheck checkRefreshAgainst(ChannelTracker realtime, long graceNanos) {
        refresh = new RefreshCheck(this, realtime, graceNanos);
        return refresh;
    }

    /** The refresh checks, or null when this is not a refresh channel mapped to a real-time one. */
    public RefreshCheck refreshCheck() {
        return refresh;
    }

    /** The messages an RTS probe asked to remember (armed from another thread). */
    public ProbeCapture probeCapture() {
        return probeCapture;
    }

    /** A/B skew as an HdrHistogram, taken interval by interval. Any thread. */
    public IntervalHistogram skewIntervals() {
        return skewIntervals;
    }

    /**
     * Makes the burst meters' seconds in progress visible to readers (the histograms need nothing:
     * readers see their values as they are recorded). Tracker thread only: each tick does it; an
     * analysis calls it before taking a snapshot so the snapshot is complete.
     */
    public void publishBursts() {
        for (LineTracker line : lines) {
            line.publishBursts();
        }
    }

    TrackerListener listener() {
        return listener;
    }

    /**
     * One datagram received on line {@code lineIndex}.
     *
     * @param nowNanos  arrival time used for sequencing and liveness: the system clock, which may step (a step back never
     *                  subtracts outage time)
     * @param wallNanos arrival wall-clock time, compared with SendTime for feed latency
     */
    public void onDatagram(int lineIndex, DirectBuffer buffer, int offset, int length, long nowNanos, long wallNanos) {
        expire(nowNanos);
        LineTracker line = lines[lineIndex];
        if (line.arrived(nowNanos, length) && !outages.up()) {
            listener.channelUp(this, outages.end(nowNanos), nowNanos);
        }
        Malformed problem = packet.wrap(buffer, offset, length).validate(types);
        if (problem != Malformed.NONE) {
            line.countMalformed(problem);
            return;
        }
        long seq = packet.seqNum();
        int count = packet.msgCount();
        if (count == 0) { // a heartbeat
            line.count(LineCounter.HEARTBEATS, 1);
            Arbiter arbiter = arbiterFor(line, seq, nowNanos);
            if (!guard.hold(line, arbiter, seq, 0, nowNanos)) {
                recordLatency(line, wallNanos);
                heartbeat(line, arbiter, seq, nowNanos);
            }
            return;
        }
        line.count(LineCounter.MESSAGES, count);
        if (packet.unknownTypes() > 0) {
            line.count(LineCounter.UNKNOWN_MESSAGE_TYPES, packet.unknownTypes());
        }
        if (packet.sizeMismatches() > 0) {
            line.count(LineCounter.SIZE_MISMATCHES, packet.sizeMismatches());
        }
        int resetIndex = packet.controlFlags() == 0 ? -1 : scanControl();
        if (packet.controlFlags() != 0 && drIndex >= 0) {
            readDrSignal(line, arbiterOf(line), seq + drIndex, nowNanos);
        }
        if (resetIndex < 0) {
            Arbiter arbiter = arbiterFor(line, seq, nowNanos);
            if (guard.hold(line, arbiter, seq, count, nowNanos)) {
                return;
            }
            recordLatency(line, wallNanos);
            countRefreshComplete(arbiter, seq, nowNanos);
            probeCapture.offer(packet, seq, count);
            deliver(line, arbiter, seq, seq + count - 1, nowNanos);
        } else {
            guard.discard(line); // a reset says where the sequence is: what the line held did not belong to it
            recordLatency(line, wallNanos);
            // The reset's own header SeqNum is to be ignored (§3.4.2): it says nothing about which space the line is in.
            Arbiter arbiter = arbiterOf(line);
            if (resetIndex > 0) {
                deliver(line, arbiter, seq, seq + resetIndex - 1, nowNanos);
            }
            long newSeqNo = scannedResetSeqNo;
            reset(line, newSeqNo, nowNanos);
            int after = count - resetIndex - 1;
            if (after > 0) {
                // Numbered after the reset: from NewSeqNo, or NewSeqNo + 1 when the header says the reset took NewSeqNo.
                long base = seq + resetIndex == newSeqNo ? newSeqNo + 1 : newSeqNo;
                deliver(line, current, base, base + after - 1, nowNanos);
            }
        }
    }

    /** Liveness and arbitration deadlines; call regularly (every liveness tick). */
    public void onTick(long nowNanos) {
        guard.review(nowNanos);
        expire(nowNanos);
        boolean wentDown = false;
        for (LineTracker line : lines) {
            wentDown |= line.checkStale(nowNanos, settings.staleAfterNanos());
            line.publishGauges();
        }
        publishBursts();
        if (wentDown && outages.up() && allLinesDown()) {
            channelDown(nowNanos);
        }
        if (refresh != null) {
            refresh.tick(nowNanos);
        }
        long expected = current.expected();
        counters.set(ChannelCounter.NEXT_EXPECTED_SEQ.ordinal(), expected == LineTracker.UNKNOWN ? 0 : expected);
        counters.set(ChannelCounter.PENDING_MESSAGES.ordinal(), current.pendingMessages() + previous.pendingMessages());
    }

    /** End of input (capture end, shutdown): whatever is still missing now is lost. */
    public void settle(long nowNanos) {
        guard.settle(nowNanos);
        previous.settleAll(nowNanos);
        current.settleAll(nowNanos);
        counters.set(ChannelCounter.PENDING_MESSAGES.ordinal(), 0);
    }

    // ---- internals ----

    /**
     * Notes the control messages of a packet that has some (the first of each kind).
     *
     * @return index of the first Sequence Reset, or -1
     */
    private int scanControl() {
        int resetIndex = -1;
        drIndex = -1;
        refreshIndex = -1;
        MessageCursor m = packet.messages();
        while (m.next()) {
            int type = m.type();
            if (type == MessageTypes.SEQUENCE_RESET && resetIndex < 0) {
                resetIndex = m.index();
                scannedResetSeqNo = ControlMessages.newSeqNo(m.buffer(), m.offset());
            } else if (type == MessageTypes.DISASTER_RECOVERY_SIGNAL && drIndex < 0) {
                drIndex = m.index();
                scannedDrStatus = ControlMessages.drStatus(m.buffer(), m.offset());
            } else if (type == MessageTypes.REFRESH_COMPLETE && refreshIndex < 0) {
                refreshIndex = m.index();
                scannedLastSeqNum = ControlMessages.lastSeqNum(m.buffer(), m.offset());
            }
        }
        return resetIndex;
    }

    /**
     * The DR status is read from every DR Signal, whatever its SeqNum: after a failover the numbers
     * may repeat. A signal counts when the channel had not seen its SeqNum or its status is new.
     */
    private void readDrSignal(LineTracker line, Arbiter arbiter, long signalSeq, long now) {
        boolean changed = scannedDrStatus != drStatus;
        if (changed || arbiter == null || signalSeq >= arbiter.expected()) {
            counters.increment(ChannelCounter.DR_SIGNALS.ordinal());
        }
        if (changed) {
            long before = drStatus;
            drStatus = scannedDrStatus;
            counters.set(ChannelCounter.DR_STATUS.ordinal(), drStatus);
            listener.drStatusChanged(line, before, drStatus, now);
        }
    }

    /** Both lines carry the same Refresh Complete: count the copy that is new to the channel only. */
    private void countRefreshComplete(Arbiter arbiter, long seq, long now) {
        if (arbiter == null || packet.controlFlags() == 0 || refreshIndex < 0 || seq + refreshIndex < arbiter.expected()) {
            return;
        }
        counters.increment(ChannelCounter.REFRESH_COMPLETES.ordinal());
        counters.set(ChannelCounter.LAST_REFRESH_COMPLETE_NANOS.ordinal(), now);
        if (refresh != null) {
            refresh.complete(seq + refreshIndex, scannedLastSeqNum, now);
        }
    }

    /** An arbiter declared from..to lost (a refresh snapshot only counts the current sequence space). */
    void gapDeclared(Arbiter arbiter, long from, long to, long now) {
        if (refresh != null && arbiter == current) {
            refresh.gap(from, to, now);
        }
    }

    private void recordLatency(LineTracker line, long wallNanos) {
        long sendTime = packet.sendTime();
        if (sendTime == 0) {
            return;
        }
        long latency = wallNanos - sendTime;
        if (latency > latencyLimitNanos || latency < -latencyLimitNanos) {
            line.count(LineCounter.IMPLAUSIBLE_SEND_TIMES, 1);
        } else {
            line.recordLatency(latency);
        }
    }

    private void reset(LineTracker line, long newSeqNo, long now) {
        if (line.onReset(newSeqNo, sequenceSpace, now)) {
            startSpace(newSeqNo, true, now);
            counters.increment(ChannelCounter.SEQUENCE_RESETS.ordinal());
        }
    }

    /**
     * A new sequence space, announced by a reset (first message NewSeqNo or NewSeqNo + 1) or not
     * (first message exactly {@code first}): the old one stays open for lines that have not moved yet.
     */
    private void startSpace(long first, boolean announced, long now) {
        sequenceSpace++;
        spaceStart = first;
        spaceAnnounced = announced;
        Arbiter reused = previous;
        reused.settleAll(now);
        previous = current;
        current = reused;
        if (announced) {
            current.reset(first, now);
        } else {
            current.restart(first, now);
        }
        firstArrivals.clear();
        if (refresh != null) {
            refresh.newSpace();
        }
    }

    /** The sequence jumped or restarted without a reset: a new space from {@code first}. @return its arbiter */
    Arbiter restartSpace(long first, long now) {
        startSpace(first, false, now);
        return current;
    }

    int sequenceSpace() {
        return sequenceSpace;
    }

    long expected() {
        return current.expected();
    }

    /** A held packet, given to the trackers as it would have been when it arrived. */
    void replay(LineTracker line, Arbiter arbiter, long seq, int count, long at) {
        expire(at);
        if (count == 0) {
            heartbeat(line, arbiter, seq, at);
        } else {
            deliver(line, arbiter, seq, seq + count - 1, at);
        }
    }

    /**
     * Which sequence space this line's packet belongs to. A line that missed a reset seen on another
     * line is moved to the new space when its numbers fall back into it.
     *
     * @return the arbiter, or null when the line is further behind than the previous space
     */
    private Arbiter arbiterFor(LineTracker line, long firstSeq, long now) {
        if (line.sequenceSpace() == sequenceSpace) {
            return current;
        }
        if (line.expected() == LineTracker.UNKNOWN) {
            line.joinSpace(sequenceSpace);
            return current;
        }
        if (firstSeq < line.expected() && firstSeq <= current.expected() || fitsCurrentNotOwn(line, firstSeq)) {
            if (spaceAnnounced) {
                reset(line, spaceStart, now);
            } else {
                line.restart(sequenceSpace, Math.min(spaceStart, firstSeq));
            }
            return current;
        }
        return arbiterOf(line);
    }

    /**
     * Whether a line still in an earlier space delivered a packet that fits the current space and not
     * its own: it is ahead of the line that moved first, or the space began with a jump.
     */
    private boolean fitsCurrentNotOwn(LineTracker line, long firstSeq) {
        long bound = settings.plausibleJump();
        long lineNext = line.expected();
        return firstSeq >= spaceStart - bound && firstSeq <= current.expected() + bound
                && (firstSeq + settings.restartDrop() < lineNext || firstSeq - lineNext > bound);
    }

    private Arbiter arbiterOf(LineTracker line) {
        int lineSpace = line.sequenceSpace();
        return lineSpace == sequenceSpace ? current : lineSpace == sequenceSpace - 1 ? previous : null;
    }

    private void heartbeat(LineTracker line, Arbiter arbiter, long lastSeq, long now) {
        line.onHeartbeat(lastSeq, now);
        if (arbiter != null) {
            arbiter.onHeartbeat(lastSeq, now);
        }
    }

    private void deliver(LineTracker line, Arbiter arbiter, long from, long to, long now) {
        line.onRange(from, to, now);
        if (arbiter == null) {
            return;
        }
        boolean measured = arbiter == current && lines.length > 1; // skew is between lines
        if (measured && from < arbiter.expected()) {
            long first = firstArrivals.firstArrivalOnOtherLine(from, line.index());
            if (first >= 0) {
                skewIntervals.record(now - first);
            }
        }
        long firstNew = arbiter.expected();
        long fresh = arbiter.onRange(from, to, now);
        if (fresh > 0) {
            line.count(LineCounter.FIRST_DELIVERIES, fresh);
        }
        if (measured && to >= firstNew) {
            firstArrivals.add(firstNew == LineTracker.UNKNOWN ? from : Math.max(from, firstNew), to, line.index(), now);
        }
    }

    void expire(long now) {
        if (now < nextDeadline) {
            return;
        }
        previous.expire(now);
        current.expire(now);
        nextDeadline = Math.min(previous.nextDeadline(), current.nextDeadline());
    }

    void holeOpened(long deadline) {
        nextDeadline = Math.min(nextDeadline, deadline);
    }

    private boolean allLinesDown() {
        for (LineTracker line : lines) {
            if (line.up()) {
                return false;
            }
        }
        return true;
    }

    private void channelDown(long now) {
        long last = 0;
        for (LineTracker line : lines) {
            last = Math.max(last, line.lastArrival());
        }
        outages.begin(last);
        listener.channelDown(this, last, now);
    }
}
