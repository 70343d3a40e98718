package io.omdprt.track;

import java.util.Arrays;

/**
 * The checks of one refresh channel against the real-time channel it refreshes (spec §4.4): the time
 * between Refresh Completes (203), gaps inside a snapshot (the snapshot is unusable until the next one),
 * and each 203's LastSeqNum against the real-time channel's high-water mark (lag; never above it;
 * never decreasing except after a Sequence Reset or restart of either channel).
 *
 * <p>Owned by the refresh channel's tracker and called on its thread only, and only for refresh
 * channels: a real-time channel's receive path never reaches it. The real-time channel may be on
 * another thread, so only its published counters are read ({@link ChannelCounter#NEXT_EXPECTED_SEQ},
 * refreshed on its ticks). That gauge may lag the real-time channel by a tick: a LastSeqNum above it
 * is only counted ahead when it is still above after {@code graceNanos}. Snapshot boundaries are the
 * refresh channel's own sequence numbers of its 203s; the snapshot up to the first 203 after a start
 * or a reset of the refresh channel is partial (a client discards it) and never counted.
 */
public final class RefreshCheck {
    /** A stall: no Refresh Complete for this many typical intervals (the alert rule uses the same). */
    public static final int STALL_FACTOR = 3;
    /** The typical interval is the median of this many recent intervals. */
    public static final int TYPICAL_OF = 9;
    /** Intervals needed before there is a typical one (and a stall can be detected). */
    public static final int MIN_INTERVALS = 3;
    /** Upper bounds of the interval histogram: 100 ms to 10 min. */
    public static final long[] INTERVAL_BOUNDS_NANOS = {
        100_000_000L, 250_000_000L, 500_000_000L, 1_000_000_000L, 2_000_000_000L, 5_000_000_000L, 10_000_000_000L,
        15_000_000_000L, 30_000_000_000L, 60_000_000_000L, 120_000_000_000L, 300_000_000_000L, 600_000_000_000L
    };
    private static final int RING = 8;

    private final ChannelTracker channel;
    private final ChannelTracker realtime;
    private final long graceNanos;
    private final Counters counters = new Counters(RefreshCounter.all().length);
    private final Histogram intervals = new Histogram(INTERVAL_BOUNDS_NANOS);

    private final long[] recentIntervals = new long[TYPICAL_OF];
    private final long[] sorted = new long[TYPICAL_OF];
    private int intervalCount;

    /** Refresh-channel SeqNum of recent 203s, by ordinal (ordinal n at n % RING). */
    private final long[] completeSeqs = new long[RING];
    private long completes;
    /** Snapshots with a lower ordinal are partial (before the first 203 after a start or a reset). */
    private long firstWholeOrdinal = 2;
    private long unusableOrdinal;
    private long lastCompleteNanos;
    private boolean stalled;

    private boolean haveLastSeq;
    private long lastSeqNum;
    private long realtimeResetsAtLast;
    private boolean ownReset;

    private boolean pending;
    private long pendingSeqNum;
    private long pendingDeadline;
    private long pendingResets;

    RefreshCheck(ChannelTracker channel, ChannelTracker realtime, long graceNanos) {
        this.channel = channel;
        this.realtime = realtime;
        this.graceNanos = graceNanos;
    }

    /** The real-time channel this one refreshes. */
    public ChannelTracker realtime() {
        return realtime;
    }

    /** Any thread. */
    public long get(RefreshCounter counter) {
        return counters.get(counter.ordinal());
    }

    /** Time between consecutive Refresh Completes. Any thread. */
    public Histogram intervals() {
        return intervals;
    }

    /** The first copy of a Refresh Complete at refresh-channel sequence {@code seq}. */
    void complete(long seq, long lastSeq, long now) {
        completes++;
        completeSeqs[(int) (completes % RING)] = seq;
        counters.increment(RefreshCounter.COMPLETES.ordinal());
        if (lastCompleteNanos != 0) {
            interval(now - lastCompleteNanos);
        }
        if (stalled) {
            stalled = false;
            counters.set(RefreshCounter.STALLED.ordinal(), 0);
            channel.listener().refreshResumed(channel, lastCompleteNanos, now);
        }
        lastCompleteNanos = now;

        long resets = realtimeResets();
        if (haveLastSeq && lastSeq < lastSeqNum && resets == realtimeResetsAtLast && !ownReset) {
            counters.increment(RefreshCounter.DECREASES.ordinal());
            channel.listener().refreshLastSeqDecreased(channel, lastSeqNum, lastSeq, now);
        }
        haveLastSeq = true;
        lastSeqNum = lastSeq;
        realtimeResetsAtLast = resets;
        ownReset = false;
        counters.set(RefreshCounter.LAST_SEQ_NUM.ordinal(), lastSeq);
        pending = true;
        pendingSeqNum = lastSeq;
        pendingDeadline = now + graceNanos;
        pendingResets = resets;
        checkLag(now);
    }

    private void interval(long nanos) {
        intervals.record(nanos);
        counters.set(RefreshCounter.LAST_INTERVAL_NANOS.ordinal(), nanos);
        recentIntervals[intervalCount % TYPICAL_OF] = nanos;
        intervalCount++;
        int n = Math.min(intervalCount, TYPICAL_OF);
        if (n >= MIN_INTERVALS) {
            System.arraycopy(recentIntervals, 0, sorted, 0, n);
            Arrays.sort(sorted, 0, n);
            long median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            counters.set(RefreshCounter.TYPICAL_INTERVAL_NANOS.ordinal(), median);
        }
    }

    /** Messages {@code from..to} of the refresh channel were lost (an arbitrated gap). */
    void gap(long from, long to, long now) {
        long inProgress = completes + 1;
        long newlyUnusable = 0;
        for (long k = Math.max(firstWholeOrdinal, Math.max(unusableOrdinal + 1, inProgress - RING + 1)); k <= inProgress; k++) {
            long begin = completeSeqs[(int) ((k - 1) % RING)]; // the previous 203: the snapshot is (begin, end]
            boolean touches = to > begin && (k == inProgress || from <= completeSeqs[(int) (k % RING)]);
            if (touches) {
                newlyUnusable++;
                unusableOrdinal = k;
            }
        }
        if (newlyUnusable > 0) {
            counters.add(RefreshCounter.UNUSABLE_SNAPSHOTS.ordinal(), newlyUnusable);
            channel.listener().refreshUnusable(channel, from, to, newlyUnusable, now);
        }
    }

    /** The refresh channel's sequence was reset or restarted: snapshots start again, LastSeqNum may fall. */
    void newSpace() {
        firstWholeOrdinal = completes + 2;
        ownReset = true;
    }

    /** Every tick: the deferred lag check, and stall detection. */
    void tick(long now) {
        checkLag(now);
        long typical = counters.get(RefreshCounter.TYPICAL_INTERVAL_NANOS.ordinal());
        if (!stalled && typical > 0 && lastCompleteNanos != 0 && now - lastCompleteNanos > STALL_FACTOR * typical) {
            stalled = true;
            counters.set(RefreshCounter.STALLED.ordinal(), 1);
            counters.increment(RefreshCounter.STALLS.ordinal());
            channel.listener().refreshStalled(channel, lastCompleteNanos, typical, now);
        }
    }

    private void checkLag(long now) {
        if (!pending) {
            return;
        }
        if (realtimeResets() != pendingResets) {
            pending = false; // the real-time sequence started again: this LastSeqNum belongs to the space before
            return;
        }
        long next = realtime.get(ChannelCounter.NEXT_EXPECTED_SEQ);
        if (next == 0) {
            pending = now < pendingDeadline; // nothing known of the real-time channel (yet)
            return;
        }
        long highWater = next - 1;
        if (pendingSeqNum <= highWater) {
            counters.set(RefreshCounter.LAG_MESSAGES.ordinal(), highWater - pendingSeqNum);
            pending = false;
        } else if (now >= pendingDeadline) {
            counters.set(RefreshCounter.LAG_MESSAGES.ordinal(), highWater - pendingSeqNum);
            counters.increment(RefreshCounter.AHEAD.ordinal());
            pending = false;
            channel.listener().refreshLastSeqAhead(channel, pendingSeqNum, highWater, now);
        }
    }

    private long realtimeResets() {
        return realtime.get(ChannelCounter.SEQUENCE_RESETS) + realtime.get(ChannelCounter.SEQUENCE_RESTARTS);
    }
}
