package io.omdprt.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sequences the spec does not announce (issue 14): stray packets with wild SeqNums, jumps and
 * restarts without a Sequence Reset, against a plausibility bound of 50,000 messages, a wait of
 * 250 ms and confirmation by 3 packets (the defaults). Times in ms.
 */
class TrackerUnannouncedSequenceTest {

    /** Packets of {@code size} messages, one a ms from {@code startMs} on each line given, a tick every 100 ms. @return the next seq */
    private static long feed(Harness h, long seq, int packets, int size, long startMs, String... lines) {
        long s = seq;
        for (int i = 0; i < packets; i++) {
            long t = startMs + i;
            for (String line : lines) {
                h.data(line, s, size, t);
            }
            if (t % 100 == 0) {
                h.tick(t);
            }
            s += size;
        }
        return s;
    }

    private static void assertNothingUnannounced(Harness h) {
        assertEquals(List.of(0L, 0L, 0L, 0L), List.of(h.line("A", LineCounter.STRAY_PACKETS), h.line("B", LineCounter.STRAY_PACKETS),
                h.channel(ChannelCounter.SEQUENCE_JUMPS), h.channel(ChannelCounter.SEQUENCE_RESTARTS)), "[strays A, B, jumps, restarts]");
    }

    private static void assertArbitrated(Harness h, long gaps, long missing) {
        assertEquals(List.of(gaps, missing), List.of(h.channel(ChannelCounter.ARBITRATED_GAPS),
                h.channel(ChannelCounter.ARBITRATED_MISSING_MESSAGES)), "arbitrated [gaps, missing]");
    }

    private static void assertLine(Harness h, String line, long gaps, long missing, long duplicates) {
        assertEquals(List.of(gaps, missing, duplicates), List.of(h.line(line, LineCounter.GAPS),
                h.line(line, LineCounter.MISSING_MESSAGES), h.line(line, LineCounter.DUPLICATE_MESSAGES)),
                "line " + line + " [gaps, missing, duplicates]");
    }

    // ---- ordinary gaps stay ordinary ----

    @Test
    void longLineOutageOnABusyChannelIsAnOrdinaryGapHoweverLarge() {
        Harness h = new Harness();
        long seq = feed(h, 1, 1_000, 100, 0, "A", "B");        // 100,000 messages a second on both lines
        seq = feed(h, seq, 6_000, 100, 1_000, "B");              // A dark for 6 s: B delivers 600,000 alone
        feed(h, seq, 100, 100, 7_000, "A", "B");
        h.tick(8_000);
        assertLine(h, "A", 1, 600_000, 0);
        assertLine(h, "B", 0, 0, 0);
        assertEquals(List.of("lineGap A 100001..700000 @7000"), h.events.ofKind("lineGap"));
        assertArbitrated(h, 0, 0);
        assertNothingUnannounced(h);
        assertEquals(710_000, h.tracker.uniqueMessages());
    }

    @Test
    void everyLineSilentOnABusyChannelThenFarAheadIsRealLossAtTheRecentRate() {
        Harness h = new Harness();
        long seq = feed(h, 1, 3_000, 100, 0, "A", "B");        // 100,000 messages a second for 3 s
        h.ticks(3_000, 4_900, 100);                              // both lines dark for 2 s
        seq += 200_000;                                          // what was published meanwhile: 4x the bound
        feed(h, seq, 100, 100, 5_000, "A", "B");
        h.tick(6_000);
        assertLine(h, "A", 1, 200_000, 0);
        assertLine(h, "B", 1, 200_000, 0);
        assertArbitrated(h, 1, 200_000);
        assertNothingUnannounced(h);
    }

    // ---- strays ----

    @Test
    void singleStrayOnOneLineIsCountedAndNothingElse() {
        Harness h = new Harness();
        h.both(1, 10, 0).both(11, 10, 10);
        h.data("A", 3_000_000_000L, 3, 15);
        h.both(21, 10, 20).both(31, 10, 30);
        h.tick(2_000);
        assertEquals(List.of("stray A 3000000000x3 @15"), h.events.ofKind("stray"));
        assertEquals(1, h.line("A", LineCounter.STRAY_PACKETS));
        assertLine(h, "A", 0, 0, 0);
        assertLine(h, "B", 0, 0, 0);
        assertArbitrated(h, 0, 0);
        assertEquals(41, h.channel(ChannelCounter.NEXT_EXPECTED_SEQ), "the stray never moved the channel");
        assertEquals(40, h.tracker.uniqueMessages());
        assertEquals(4, h.tracker.line(0).latency().count(), "no latency sample from the stray");
        assertEquals(4, h.tracker.skew().count(), "nor a skew sample");
    }

    @Test
    void burstOfStraysOnOneLineIsCountedAndNothingElse() {
        Harness h = new Harness();
        h.both(1, 10, 0);
        h.data("A", 3_000_000_000L, 3, 5).data("A", 1_500_000_000L, 2, 6).heartbeat("A", 4_000_000_000L, 7);
        // another sender on A's group with its own running sequence: four packets that continue each other
        h.data("A", 2_000_000_000L, 4, 8).data("A", 2_000_000_004L, 4, 8).data("A", 2_000_000_008L, 4, 9).data("A", 2_000_000_012L, 4, 9);
        h.both(11, 10, 10).both(21, 10, 20);
        h.tick(2_000);
        assertEquals(7, h.line("A", LineCounter.STRAY_PACKETS));
        assertEquals("stray A 4000000000x0 @7", h.events.ofKind("stray").get(2), "a heartbeat stray: its SeqNum, MsgCount 0");
        assertLine(h, "A", 0, 0, 0);
        assertArbitrated(h, 0, 0);
        assertEquals(0, h.channel(ChannelCounter.SEQUENCE_JUMPS));
        assertEquals(30, h.tracker.uniqueMessages());
    }

    @Test
    void strayIsDecidedWhenTheOtherLineGoesOnAndItsOwnLineSaysNoMore() {
        Harness h = new Harness();
        h.both(1, 10, 0);
        h.data("A", 3_000_000_000L, 1, 5);
        h.data("B", 11, 10, 10).data("B", 21, 10, 20);
        h.tick(200);
        assertEquals(0, h.line("A", LineCounter.STRAY_PACKETS), "still held within the wait");
        h.tick(300);
        assertEquals(1, h.line("A", LineCounter.STRAY_PACKETS));
        h.data("A", 31, 10, 400).data("B", 31, 10, 401);
        h.tick(1_000);
        assertLine(h, "A", 1, 20, 0);
        assertArbitrated(h, 0, 0);
    }

    @Test
    void strayNearTheTopOfTheSequenceRange() {
        Harness h = new Harness();
        h.both(1, 10, 0);
        h.data("A", 4_294_967_295L, 5, 5);                       // the last u32 SeqNum; its messages would pass 2^32
        h.both(11, 10, 10);
        long top = 4_294_967_200L;
        Harness high = new Harness();
        high.both(top, 10, 0);
        high.data("B", 3, 2, 5);                                  // billions below the channel near 2^32
        high.both(top + 10, 10, 10);
        h.tick(2_000);
        high.tick(2_000);
        assertEquals(1, h.line("A", LineCounter.STRAY_PACKETS));
        assertLine(h, "A", 0, 0, 0);
        assertArbitrated(h, 0, 0);
        assertEquals(1, high.line("B", LineCounter.STRAY_PACKETS));
        assertLine(high, "B", 0, 0, 0);
        assertArbitrated(high, 0, 0);
        assertEquals(top + 20, high.channel(ChannelCounter.NEXT_EXPECTED_SEQ));
    }

    @Test
    void strayAsTheFirstPacketOfALineDoesNotSeedIt() {
        Harness h = new Harness();
        h.data("A", 1_000_000, 10, 0);
        h.data("B", 7, 3, 1);                                     // far below the channel, on a line with no history yet
        h.data("B", 999_995, 15, 2);                              // a lagging first packet within the bound is ordinary
        h.both(1_000_010, 10, 10);
        h.tick(1_000);
        assertEquals(List.of("stray B 7x3 @1"), h.events.ofKind("stray"));
        assertLine(h, "B", 0, 0, 0);
        assertArbitrated(h, 0, 0);
    }

    @Test
    void heartbeatWithAnImplausibleSeqNumRevealsNoLoss() {
        Harness h = new Harness();
        h.both(1, 10, 0);
        h.heartbeat("A", 3_000_000_000L, 2_000).heartbeat("B", 10, 2_001);
        h.heartbeat("A", 10, 4_000).heartbeat("B", 10, 4_001);
        h.tick(5_000);
        assertEquals(1, h.line("A", LineCounter.STRAY_PACKETS));
        assertLine(h, "A", 0, 0, 0);
        assertArbitrated(h, 0, 0);
    }

    // ---- real jumps ----

    @Test
    void realForwardJumpOnBothLinesIsOneJumpAndLossAfterItIsExact() {
        Harness h = new Harness();
        feed(h, 1, 10, 100, 0, "A", "B");                        // 1..1000
        long j = 10_000_000;
        h.data("A", j, 10, 100);
        h.data("B", 991, 10, 100);                               // B lags: its last old packet after A jumped
        h.data("B", j, 10, 101);
        h.both(j + 10, 10, 110);
        h.data("A", j + 30, 10, 120).data("B", j + 30, 10, 121); // j+20..j+29 lost on both
        h.tick(1_000);
        assertEquals(List.of("sequenceJump 1001->10000000 seen@100 confirmed@101"), h.events.ofKind("sequenceJump"));
        assertEquals(1, h.channel(ChannelCounter.SEQUENCE_JUMPS));
        assertLine(h, "A", 1, 10, 0);
        assertLine(h, "B", 1, 10, 10);                           // 991..1000 twice on B
        assertEquals(List.of("arbitratedGap 10000020..10000029 opened@120 declared@1000"), h.events.ofKind("arbitratedGap"));
        assertArbitrated(h, 1, 10);
        assertEquals(0, h.line("A", LineCounter.STRAY_PACKETS) + h.line("B", LineCounter.STRAY_PACKETS));
        assertEquals(1_000 + 30, h.tracker.uniqueMessages());
    }

    @Test
    void jumpSeenOnlyInHeartbeatsOnBothLines() {
        Harness h = new Harness();
        h.both(1, 10, 0);
        h.heartbeat("A", 2_000_000, 2_000).heartbeat("B", 2_000_000, 2_001);
        h.both(2_000_001, 10, 2_100);
        h.tick(3_000);
        assertEquals(List.of("sequenceJump 11->2000001 seen@2000 confirmed@2001"), h.events.ofKind("sequenceJump"));
        assertLine(h, "A", 0, 0, 0);
        assertArbitrated(h, 0, 0);
    }

    @Test
    void oneLineChannelConfirmsAJumpWithItsOwnPackets() {
        Harness h = new Harness(5_000, 250, "A");
        h.data("A", 1, 10, 0);
        h.data("A", 1_000_000, 10, 10).data("A", 1_000_010, 10, 11);
        assertEquals(0, h.channel(ChannelCounter.SEQUENCE_JUMPS), "two packets are not yet a jump");
        h.data("A", 1_000_020, 10, 12);
        h.data("A", 1_000_040, 10, 13);                           // 1,000,030..39 lost
        h.tick(1_000);
        assertEquals(List.of("sequenceJump 11->1000000 seen@10 confirmed@12"), h.events.ofKind("sequenceJump"));
        assertEquals(List.of("lineGap A 1000030..1000039 @13"), h.events.ofKind("lineGap"));
        assertArbitrated(h, 1, 10);
    }

    // ---- restarts without a reset ----

    @Test
    void backwardRestartOnBothLinesThenRealLossOnBothIsExact() {
        Harness h = new Harness();
        feed(h, 1, 500, 100, 0, "A", "B");                       // 1..50,000
        h.data("A", 1, 10, 1_000).data("B", 1, 10, 1_001);        // the publisher starts again at 1, no reset
        h.both(11, 10, 1_010);
        h.both(31, 10, 1_020);                                    // 21..30 lost on both
        h.tick(2_000);
        assertEquals(List.of("sequenceRestart 50001->1 seen@1000 confirmed@1001"), h.events.ofKind("sequenceRestart"));
        assertEquals(1, h.channel(ChannelCounter.SEQUENCE_RESTARTS));
        assertEquals(0, h.channel(ChannelCounter.SEQUENCE_RESETS), "no reset was received");
        assertLine(h, "A", 1, 10, 0);
        assertLine(h, "B", 1, 10, 0);
        assertEquals(List.of("arbitratedGap 21..30 opened@1020 declared@2000"), h.events.ofKind("arbitratedGap"));
        assertArbitrated(h, 1, 10);
        assertEquals(50_000 + 30, h.tracker.uniqueMessages());
        assertEquals(41, h.channel(ChannelCounter.NEXT_EXPECTED_SEQ));
    }

    @Test
    void aPacketOrTwoFarBelowThatGoNowhereAreNotARestart() {
        Harness h = new Harness();
        feed(h, 1, 500, 100, 0, "A", "B");
        h.data("A", 1, 10, 1_000).data("A", 11, 10, 1_001);       // two packets, then A goes on as before
        h.both(50_001, 10, 1_010);
        h.tick(2_000);
        assertEquals(0, h.channel(ChannelCounter.SEQUENCE_RESTARTS));
        assertEquals(2, h.line("A", LineCounter.STRAY_PACKETS));
        assertArbitrated(h, 0, 0);
    }

    @Test
    void restartOnOneLineThatTheOtherJoinsWithinTheWait() {
        Harness h = new Harness();
        feed(h, 1, 500, 100, 0, "A", "B");
        h.data("A", 1, 10, 1_000).data("A", 11, 10, 1_010).data("A", 21, 10, 1_020);
        assertEquals(0, h.channel(ChannelCounter.SEQUENCE_RESTARTS), "held: B has not agreed and the wait has not passed");
        h.data("B", 1, 30, 1_100);                                // B, with its own framing, agrees
        h.both(31, 10, 1_110);
        h.tick(2_000);
        assertEquals(List.of("sequenceRestart 50001->1 seen@1000 confirmed@1100"), h.events.ofKind("sequenceRestart"));
        assertLine(h, "A", 0, 0, 0);
        assertLine(h, "B", 0, 0, 0);
        assertArbitrated(h, 0, 0);
        assertEquals(50_000 + 40, h.tracker.uniqueMessages());
    }

    @Test
    void restartOnOneLineOnlyIsTakenWhenTheWaitPassesAndTheOtherLineFollowsLater() {
        Harness h = new Harness();
        long old = feed(h, 1, 500, 100, 0, "A", "B");            // 1..50,000
        long fresh = 1;
        for (long t = 1_000; t < 2_000; t += 10) {                // A restarted; B goes on in the old sequence
            h.data("A", fresh, 10, t).data("B", old, 10, t + 1);
            fresh += 10;
            old += 10;
            h.tick(t + 5);
        }
        assertEquals(List.of("sequenceRestart 50251->1 seen@1000 confirmed@1250"), h.events.ofKind("sequenceRestart"));
        for (long s = 1; s < fresh; s += 100) {                    // B restarts too, later: joins A's new sequence
            h.data("B", s, 100, 2_100);
        }
        h.both(fresh, 10, 2_200);
        h.tick(3_000);
        assertEquals(1, h.channel(ChannelCounter.SEQUENCE_RESTARTS));
        assertLine(h, "A", 0, 0, 0);
        assertLine(h, "B", 0, 0, 0);                              // B's copy of the new sequence is new to B
        assertArbitrated(h, 0, 0);
        assertEquals((old - 1) + (fresh - 1) + 10, h.tracker.uniqueMessages());
    }

    /** After a site failover the sequence may start again without a reset (omd-protocol.md). */
    @Test
    void drSignalThenTheSequenceRestartsWithoutAReset() {
        Harness dr = new Harness();                               // the DR channel: heartbeats and DR signals only
        Harness data = new Harness();                             // a real-time channel
        long seq = feed(data, 1, 200, 100, 0, "A", "B");          // 1..20,000
        dr.heartbeat("A", 0, 0).heartbeat("B", 0, 1);
        dr.dr("A", 1, 1, 3_000).dr("B", 1, 1, 3_001);             // failover in progress
        data.ticks(3_000, 5_900, 100);                            // the data channel is silent during the switch
        dr.dr("A", 1, 2, 6_000).dr("B", 1, 2, 6_001);             // completed; the DR site numbers from 1 again
        data.heartbeat("A", 0, 6_000).heartbeat("B", 0, 6_001);   // so does the data channel, without a reset
        data.both(1, 10, 6_100);
        data.both(21, 10, 6_200);                                 // 11..20 lost on both
        data.tick(7_000);
        assertEquals(List.of("drStatus 0->1 via A @3000", "drStatus 1->2 via A @6000"), dr.events.ofKind("drStatus"));
        assertEquals(List.of("sequenceRestart 20001->1 seen@6000 confirmed@6001"), data.events.ofKind("sequenceRestart"));
        assertEquals(0, data.channel(ChannelCounter.SEQUENCE_RESETS));
        assertLine(data, "A", 1, 10, 0);
        assertArbitrated(data, 1, 10);
        assertEquals(seq - 1 + 20, data.tracker.uniqueMessages());
    }

    // ---- latency ----

    @Test
    void sendTimeFarFromTheReceiveTimeIsCountedNotSampled() {
        Harness h = new Harness();
        int length = h.wire.data(1, 1, Harness.at(0));
        h.tracker.onDatagram(0, h.wire.buffer, 0, length, Harness.at(2), Harness.at(2));
        length = h.wire.data(2, 1, Harness.at(0) - 3_600_000L * Harness.MS); // an hour old
        h.tracker.onDatagram(0, h.wire.buffer, 0, length, Harness.at(3), Harness.at(3));
        length = h.wire.data(3, 1, Harness.at(0) + 3_600_000L * Harness.MS); // an hour ahead
        h.tracker.onDatagram(0, h.wire.buffer, 0, length, Harness.at(4), Harness.at(4));
        assertEquals(1, h.tracker.line(0).latency().count());
        assertEquals(2, h.line("A", LineCounter.IMPLAUSIBLE_SEND_TIMES));
        assertEquals(0, h.line("A", LineCounter.GAPS), "the packets themselves are tracked as usual");
    }
}
