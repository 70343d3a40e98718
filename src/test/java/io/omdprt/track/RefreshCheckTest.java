package io.omdprt.track;

import static io.omdprt.track.Harness.MS;
import static io.omdprt.track.Harness.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A refresh channel checked against its real-time channel: cadence, lag, LastSeqNum, stalls, unusable snapshots. */
class RefreshCheckTest {
    private static final long GRACE_MS = 300;

    private final Harness realtime = new Harness(5_000, 250, "A");
    private final Harness refresh = new Harness(60_000, 250, "A");
    private final RefreshCheck check = refresh.tracker.checkRefreshAgainst(realtime.tracker, GRACE_MS * MS);

    /** A Refresh Complete at refresh-channel sequence {@code seq}. */
    private void complete(long seq, long lastSeqNum, long ms) {
        int length = refresh.wire.refreshComplete(seq, lastSeqNum);
        refresh.tracker.onDatagram(0, refresh.wire.buffer, 0, length, at(ms), at(ms));
    }

    /** The real-time channel delivered 1..upTo and published its high-water mark. */
    private void realtimeUpTo(long from, long upTo, long ms) {
        for (long seq = from; seq <= upTo; seq += 100) {
            realtime.data("A", seq, (int) Math.min(100, upTo - seq + 1), ms);
        }
        realtime.tick(ms);
    }

    @Test
    void measuresTheTimeBetweenRefreshCompletes() {
        long seq = 1;
        for (long ms : new long[] {0, 2_000, 4_000, 6_100, 8_000}) {
            refresh.data("A", seq, 10, ms);
            complete(seq + 10, 0, ms);
            seq += 11;
        }
        assertEquals(5, check.get(RefreshCounter.COMPLETES));
        assertEquals(5, refresh.channel(ChannelCounter.REFRESH_COMPLETES));
        assertEquals(1_900 * MS, check.get(RefreshCounter.LAST_INTERVAL_NANOS));
        // median of 2000, 2000, 2100, 1900
        assertEquals(2_000 * MS, check.get(RefreshCounter.TYPICAL_INTERVAL_NANOS));
        Histogram h = check.intervals();
        assertEquals(4, h.count());
        assertEquals(8_000 * MS, h.sumNanos());
        assertEquals(0, countAtMost(h, 1_000 * MS));
        assertEquals(3, countAtMost(h, 2_000 * MS));
        assertEquals(4, countAtMost(h, 5_000 * MS));
        assertEquals(0, check.get(RefreshCounter.STALLS));
        assertEquals(0, check.get(RefreshCounter.UNUSABLE_SNAPSHOTS));
    }

    @Test
    void noTypicalIntervalBeforeThreeIntervals() {
        complete(1, 0, 0);
        complete(2, 0, 1_000);
        complete(3, 0, 2_000);
        assertEquals(0, check.get(RefreshCounter.TYPICAL_INTERVAL_NANOS));
        refresh.ticks(2_000, 60_000, 1_000);
        assertEquals(0, check.get(RefreshCounter.STALLS));
    }

    @Test
    void lagIsTheRealtimeHighWaterMarkMinusLastSeqNum() {
        realtimeUpTo(1, 500, 0);
        complete(1, 480, 10);
        assertEquals(480, check.get(RefreshCounter.LAST_SEQ_NUM));
        assertEquals(20, check.get(RefreshCounter.LAG_MESSAGES));
        assertEquals(0, check.get(RefreshCounter.AHEAD));
        assertEquals(List.of(), refresh.events.events);
    }

    @Test
    void lastSeqNumAheadOfAStaleGaugeIsNotCountedWhenTheRealtimeChannelCatchesUp() {
        realtimeUpTo(1, 500, 0);
        complete(1, 502, 10);
        refresh.tick(100);
        assertEquals(0, check.get(RefreshCounter.AHEAD));
        realtimeUpTo(501, 503, 200);
        refresh.tick(200);
        assertEquals(1, check.get(RefreshCounter.LAG_MESSAGES));
        refresh.ticks(300, 2_000, 100);
        assertEquals(0, check.get(RefreshCounter.AHEAD));
        assertEquals(List.of(), refresh.events.events);
    }

    @Test
    void lastSeqNumAboveTheRealtimeHighWaterMarkAfterTheGraceIsAhead() {
        realtimeUpTo(1, 500, 0);
        complete(1, 510, 10);
        realtimeUpTo(501, 505, 100);
        refresh.tick(100).tick(309);
        assertEquals(0, check.get(RefreshCounter.AHEAD));
        refresh.tick(310).tick(400);
        assertEquals(1, check.get(RefreshCounter.AHEAD));
        assertEquals(-5, check.get(RefreshCounter.LAG_MESSAGES));
        assertEquals(List.of("refreshAhead 510>505 @310"), refresh.events.events);
    }

    @Test
    void lastSeqNumFallingWithoutAResetIsCountedAndAfterAResetIsNot() {
        realtimeUpTo(1, 500, 0);
        complete(1, 480, 10);
        complete(2, 470, 1_010);
        assertEquals(1, check.get(RefreshCounter.DECREASES));
        assertEquals(30, check.get(RefreshCounter.LAG_MESSAGES));
        complete(3, 470, 2_010); // equal is not a decrease
        assertEquals(1, check.get(RefreshCounter.DECREASES));

        realtime.reset("A", 501, 2_500);
        realtimeUpTo(1, 9, 2_600);
        complete(4, 5, 3_010);
        assertEquals(1, check.get(RefreshCounter.DECREASES));
        assertEquals(4, check.get(RefreshCounter.LAG_MESSAGES));
        assertEquals(List.of("refreshDecreased 480->470 @1010"), refresh.events.ofKind("refreshDecreased"));
    }

    @Test
    void noRefreshCompleteForThreeTypicalIntervalsIsAStall() {
        for (long ms = 0; ms <= 3_000; ms += 1_000) {
            complete(1 + ms / 1_000, 0, ms);
        }
        assertEquals(1_000 * MS, check.get(RefreshCounter.TYPICAL_INTERVAL_NANOS));
        refresh.ticks(3_100, 6_000, 100);
        assertEquals(0, check.get(RefreshCounter.STALLS));
        refresh.ticks(6_100, 6_900, 100);
        assertEquals(1, check.get(RefreshCounter.STALLS));
        assertEquals(1, check.get(RefreshCounter.STALLED));
        complete(5, 0, 7_000);
        assertEquals(0, check.get(RefreshCounter.STALLED));
        assertEquals(1, check.get(RefreshCounter.STALLS));
        assertEquals(4_000 * MS, check.get(RefreshCounter.LAST_INTERVAL_NANOS));
        assertEquals(1_000 * MS, check.get(RefreshCounter.TYPICAL_INTERVAL_NANOS)); // median of 1000 ×3, 4000
        assertEquals(List.of("refreshStalled last@3000 typical=1000ms @6100", "refreshResumed last@3000 @7000"), refresh.events.events);
    }

    @Test
    void aGapInsideASnapshotMakesItUnusableOnce() {
        // 1..10 + 203 at 11: the partial snapshot before the first 203 (a client discards it); 3 is lost
        refresh.data("A", 1, 2, 0).data("A", 4, 7, 0);
        complete(11, 0, 0);
        refresh.ticks(100, 400, 100);
        assertEquals(1, refresh.channel(ChannelCounter.ARBITRATED_GAPS));
        assertEquals(0, check.get(RefreshCounter.UNUSABLE_SNAPSHOTS));
        // 12..21 + 203 at 22: whole
        refresh.data("A", 12, 10, 1_000);
        complete(22, 0, 1_000);
        // 23..32 + 203 at 33: 25 and 30 lost; the 203 comes before the losses are declared
        refresh.data("A", 23, 2, 2_000).data("A", 26, 4, 2_000).data("A", 31, 2, 2_010);
        complete(33, 0, 2_010);
        refresh.ticks(2_100, 2_400, 100);
        assertEquals(3, refresh.channel(ChannelCounter.ARBITRATED_GAPS));
        assertEquals(1, check.get(RefreshCounter.UNUSABLE_SNAPSHOTS));
        // 34..43 + 203 at 44: whole again
        refresh.data("A", 34, 10, 3_000);
        complete(44, 0, 3_000);
        // 45.. : 47..48 lost in the snapshot in progress, then 203 at 56
        refresh.data("A", 45, 2, 4_000).data("A", 49, 6, 4_000);
        refresh.ticks(4_100, 4_300, 100);
        assertEquals(2, check.get(RefreshCounter.UNUSABLE_SNAPSHOTS));
        refresh.data("A", 55, 1, 4_400);
        complete(56, 0, 4_400);
        assertEquals(2, check.get(RefreshCounter.UNUSABLE_SNAPSHOTS));
        assertEquals(5, check.get(RefreshCounter.COMPLETES));
        assertEquals(List.of("refreshUnusable 25..25 snapshots=1 @2300", "refreshUnusable 47..48 snapshots=1 @4300"), refresh.events.ofKind("refreshUnusable"));
    }

    @Test
    void aLostRefreshCompleteMakesTheMergedSnapshotUnusable() {
        complete(1, 0, 0);
        refresh.data("A", 2, 10, 1_000);
        complete(12, 0, 1_000);
        // 13..22 + 203 at 23 lost, then 24..33 + 203 at 34
        refresh.data("A", 13, 9, 2_000).data("A", 24, 10, 3_000);
        complete(34, 0, 3_000);
        refresh.ticks(3_100, 3_500, 100);
        assertEquals(1, check.get(RefreshCounter.UNUSABLE_SNAPSHOTS));
        assertEquals(List.of("refreshUnusable 22..23 snapshots=1 @3300"), refresh.events.ofKind("refreshUnusable"));
    }

    @Test
    void aRealtimeChannelHasNoRefreshCheck() {
        assertNull(realtime.tracker.refreshCheck());
        assertSame(check, refresh.tracker.refreshCheck());
        assertSame(realtime.tracker, check.realtime());
    }

    private static long countAtMost(Histogram h, long boundNanos) {
        long n = 0;
        for (int i = 0; i < h.bucketCount() && h.upperBoundNanos(i) <= boundNanos; i++) {
            n += h.countInBucket(i);
        }
        return n;
    }
}
