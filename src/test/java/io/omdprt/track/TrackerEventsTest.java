package io.omdprt.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.protocol.Malformed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events with their sequence ranges and times; liveness; resets; DR; malformed input; skew. */
class TrackerEventsTest {

    @Test
    void arbitratedGapCarriesItsRangeAndTimes() {
        Harness h = new Harness();
        h.both(1, 4, 0);
        h.data("A", 9, 2, 10).data("B", 9, 2, 11);          // 5..8 lost on both
        h.data("A", 6, 1, 100);                             // 6 arrives within the wait: 5 and 7..8 remain
        h.tick(300);
        assertEquals(List.of("arbitratedGap 5..5 opened@10 declared@300", "arbitratedGap 7..8 opened@10 declared@300"),
                h.events.ofKind("arbitratedGap"));
        assertEquals(List.of("lineGap A 5..8 @10", "lineGap B 5..8 @11"), h.events.ofKind("lineGap"));
        assertEquals(2, h.channel(ChannelCounter.ARBITRATED_GAPS));
        assertEquals(3, h.channel(ChannelCounter.ARBITRATED_MISSING_MESSAGES));
        assertEquals(1, h.channel(ChannelCounter.RECOVERED_MESSAGES));
    }

    @Test
    void holeIsNotDeclaredBeforeTheWaitEnds() {
        Harness h = new Harness();
        h.both(1, 4, 0).data("A", 7, 1, 10);
        h.tick(259);
        assertEquals(0, h.channel(ChannelCounter.ARBITRATED_GAPS));
        assertEquals(2, h.channel(ChannelCounter.PENDING_MESSAGES));
        h.tick(260);
        assertEquals(1, h.channel(ChannelCounter.ARBITRATED_GAPS));
        assertEquals(0, h.channel(ChannelCounter.PENDING_MESSAGES));
    }

    @Test
    void lineSilentLongerThanStaleAfterIsOneOutageTimedToTheTick() {
        Harness h = new Harness(5_000, 250);
        long tickMs = 100;
        for (long t = 0; t <= 1_000; t += 100) {
            h.both(1 + t / 100, 1, t);                      // both lines up to t = 1000
            h.tick(t);
        }
        long seq = 12;
        for (long t = 1_100; t <= 9_000; t += tickMs) {     // A silent from 1000 to 9000, B keeps going
            h.data("B", seq++, 1, t);
            h.tick(t);
        }
        assertEquals(List.of("lineDown A last@1000 detected@6000"), h.events.ofKind("lineDown"));
        assertFalse(h.tracker.line(0).isUp());
        assertEquals(1, h.line("A", LineCounter.OUTAGES));
        h.data("A", seq, 1, 9_050);
        assertEquals(List.of("lineUp A 1000..9050"), h.events.ofKind("lineUp"));
        assertEquals(8_050L * Harness.MS, h.line("A", LineCounter.OUTAGE_NANOS));
        assertEquals(1, h.line("A", LineCounter.OUTAGES));
        assertEquals(0, h.line("B", LineCounter.OUTAGES));
        assertEquals(0, h.channel(ChannelCounter.OUTAGES), "B was up all along");
        assertTrue(h.events.ofKind("channelDown").isEmpty());
    }

    @Test
    void lastArrivalIsZeroUntilADatagramCame() {
        Harness h = new Harness(5_000, 250);
        h.tick(100);
        assertEquals(0, h.line("A", LineCounter.LAST_ARRIVAL_NANOS), "the monitor's start is no arrival");
        h.data("A", 1, 1, 150);
        h.tick(200);
        assertEquals(Harness.at(150), h.line("A", LineCounter.LAST_ARRIVAL_NANOS));
        assertEquals(0, h.line("B", LineCounter.LAST_ARRIVAL_NANOS));
    }

    @Test
    void aClockSteppedBackNeverMakesOutageTimeFall() {
        Harness h = new Harness(5_000, 250);
        h.both(1, 1, 10_000);
        h.ticks(10_000, 16_000, 100);                       // both lines down, since 10000
        assertEquals(1, h.channel(ChannelCounter.OUTAGES));
        h.heartbeat("A", 1, 2_000);                         // the wall clock stepped back 14 s
        assertTrue(h.tracker.isUp());
        assertEquals(0, h.line("A", LineCounter.OUTAGE_NANOS));
        assertEquals(0, h.channel(ChannelCounter.OUTAGE_NANOS));
    }

    @Test
    void channelDownWhenEveryLineIsDown() {
        Harness h = new Harness(5_000, 250);
        h.both(1, 1, 0).data("B", 2, 1, 500);
        h.ticks(0, 12_000, 100);
        assertEquals(List.of("lineDown A last@0 detected@5000", "lineDown B last@500 detected@5500"),
                h.events.ofKind("lineDown"));
        assertEquals(List.of("channelDown last@500 detected@5500"), h.events.ofKind("channelDown"));
        assertFalse(h.tracker.isUp());
        h.heartbeat("A", 2, 12_050);
        assertTrue(h.tracker.isUp());
        assertEquals(List.of("channelUp 500..12050"), h.events.ofKind("channelUp"));
        assertEquals(11_550L * Harness.MS, h.channel(ChannelCounter.OUTAGE_NANOS));
        assertEquals(1, h.channel(ChannelCounter.OUTAGES));
        assertEquals(0, h.channel(ChannelCounter.ARBITRATED_GAPS), "silence with a heartbeat saying nothing was sent is no loss");
    }

    @Test
    void lineThatNeverDeliversGoesDownAfterStaleAfterFromStart() {
        Harness h = new Harness(5_000, 250);
        for (long t = 0; t <= 6_000; t += 100) {
            h.heartbeat("A", 0, t);
            h.tick(t);
        }
        assertEquals(List.of("lineDown B last@0 detected@5000"), h.events.ofKind("lineDown"));
    }

    /** The start-of-day reset: next message 1 (reset takes no number) or 2 (reset carried 1). */
    @Test
    void resetThenOneOrTwoIsNoGapInEitherReading() {
        for (long first : new long[] {1, 2}) {
            Harness h = new Harness();
            h.both(1, 50, 0).both(51, 50, 10);
            h.reset("A", 1, 20).reset("B", 1, 21);
            h.both(first, 5, 30).both(first + 5, 5, 40);
            h.tick(2_000);
            String reading = "next message " + first;
            assertEquals(0, h.line("A", LineCounter.GAPS), reading);
            assertEquals(0, h.line("B", LineCounter.GAPS), reading);
            assertEquals(0, h.line("A", LineCounter.DUPLICATE_MESSAGES), reading);
            assertEquals(0, h.channel(ChannelCounter.ARBITRATED_GAPS), reading);
            assertEquals(1, h.channel(ChannelCounter.SEQUENCE_RESETS), reading);
            assertEquals(1, h.line("A", LineCounter.SEQUENCE_RESETS), reading);
            assertEquals(1, h.line("B", LineCounter.SEQUENCE_RESETS), reading);
            assertEquals(first + 10, h.channel(ChannelCounter.NEXT_EXPECTED_SEQ), reading);
        }
    }

    @Test
    void resetHeartbeatAfterEitherReadingIsNoGap() {
        for (long hb : new long[] {0, 1}) {
            Harness h = new Harness();
            h.both(1, 10, 0).reset("A", 1, 10).reset("B", 1, 11);
            h.heartbeat("A", hb, 2_000).heartbeat("B", hb, 2_001);
            h.both(hb + 1, 3, 3_000);
            h.tick(5_000);
            assertEquals(0, h.line("A", LineCounter.GAPS), "heartbeat " + hb);
            assertEquals(0, h.channel(ChannelCounter.ARBITRATED_GAPS), "heartbeat " + hb);
        }
    }

    @Test
    void resetMidStreamWithOneLineStillDeliveringTheOldSequence() {
        Harness h = new Harness();
        h.data("A", 1, 100, 0).data("B", 1, 50, 1);
        h.reset("A", 1, 10).data("A", 2, 10, 20);           // A moved on: 2..11
        h.data("B", 51, 40, 30).data("B", 91, 10, 31);       // B still delivers the old 51..100, late
        h.reset("B", 1, 40).data("B", 2, 10, 41);
        h.data("A", 12, 5, 50).data("B", 12, 5, 51);
        h.tick(2_000);
        assertEquals(0, h.channel(ChannelCounter.ARBITRATED_GAPS));
        assertEquals(0, h.line("A", LineCounter.GAPS));
        assertEquals(0, h.line("B", LineCounter.GAPS));
        assertEquals(1, h.channel(ChannelCounter.SEQUENCE_RESETS), "the same reset on two lines is one reset");
        assertEquals(100 + 15, h.tracker.uniqueMessages());
    }

    @Test
    void lossAroundAResetIsStillFound() {
        Harness h = new Harness();
        h.both(1, 10, 0);
        h.data("A", 11, 5, 5);                               // 11..15 only on A, B loses them before the reset
        h.reset("A", 1, 10).reset("B", 1, 11);
        h.data("A", 2, 5, 20).data("B", 2, 5, 21);
        h.data("A", 12, 5, 30).data("B", 12, 5, 31);         // 7..11 of the new day lost on both
        h.tick(2_000);
        assertEquals(1, h.channel(ChannelCounter.ARBITRATED_GAPS));
        assertEquals(5, h.channel(ChannelCounter.ARBITRATED_MISSING_MESSAGES));
        assertEquals(List.of("arbitratedGap 7..11 opened@30 declared@2000"), h.events.ofKind("arbitratedGap"));
    }

    @Test
    void lineThatMissedTheResetFollowsTheOtherLine() {
        Harness h = new Harness();
        h.both(1, 100, 0);
        h.reset("A", 1, 10);                                  // B loses the reset packet
        h.data("A", 2, 10, 20).data("B", 2, 10, 21);
        h.data("A", 12, 10, 30).data("B", 12, 10, 31);
        h.tick(2_000);
        assertEquals(0, h.channel(ChannelCounter.ARBITRATED_GAPS));
        assertEquals(0, h.line("B", LineCounter.DUPLICATE_MESSAGES), "B's new numbers are not old duplicates");
        assertEquals(0, h.line("B", LineCounter.GAPS));
        assertEquals(1, h.line("B", LineCounter.SEQUENCE_RESETS));
    }

    @Test
    void lineThatMissedTheResetAndIsAheadOfTheOtherLineJoinsTheNewSpace() {
        Harness h = new Harness();
        for (long s = 1; s <= 50_000; s += 100) {
            h.both(s, 100, 0);
        }
        h.reset("A", 1, 10);                                  // B loses the reset packet, and is ahead of A after it
        h.data("B", 2, 10, 20).data("B", 12, 10, 21).data("B", 22, 10, 22).data("B", 32, 10, 23);
        h.data("A", 2, 10, 30).data("A", 12, 10, 31).data("A", 22, 10, 32).data("A", 32, 10, 33);
        h.tick(2_000);
        assertEquals(0, h.channel(ChannelCounter.SEQUENCE_RESTARTS), "the reset explains it: no restart");
        assertEquals(1, h.channel(ChannelCounter.SEQUENCE_RESETS));
        assertEquals(0, h.line("B", LineCounter.STRAY_PACKETS));
        assertEquals(0, h.line("B", LineCounter.DUPLICATE_MESSAGES));
        assertEquals(0, h.line("B", LineCounter.GAPS));
        assertEquals(0, h.channel(ChannelCounter.ARBITRATED_GAPS));
        assertEquals(50_000 + 40, h.tracker.uniqueMessages());
    }

    @Test
    void repeatedResetWithoutDataIsTheSameReset() {
        Harness h = new Harness();
        h.both(1, 10, 0);
        h.reset("A", 1, 10).reset("A", 1, 11).reset("B", 1, 12);
        h.both(2, 5, 20);
        h.tick(2_000);
        assertEquals(1, h.channel(ChannelCounter.SEQUENCE_RESETS));
        assertEquals(0, h.channel(ChannelCounter.ARBITRATED_GAPS));
        assertEquals(0, h.line("B", LineCounter.DUPLICATE_MESSAGES));
    }

    @Test
    void drStatusChangesAreReportedOncePerChange() {
        Harness h = new Harness();
        h.heartbeat("A", 0, 0).heartbeat("B", 0, 1);
        h.dr("A", 1, 1, 10).dr("B", 1, 1, 11);               // same message on both lines
        h.dr("A", 2, 1, 2_000).dr("B", 2, 1, 2_001);         // repeated periodically
        h.dr("A", 3, 2, 4_000).dr("B", 3, 2, 4_001);
        assertEquals(List.of("drStatus 0->1 via A @10", "drStatus 1->2 via A @4000"), h.events.ofKind("drStatus"));
        assertEquals(2, h.channel(ChannelCounter.DR_STATUS));
        assertEquals(3, h.channel(ChannelCounter.DR_SIGNALS));
        assertEquals(0, h.channel(ChannelCounter.ARBITRATED_GAPS));
    }

    /** Issue 13: the status is read from every DR Signal, also one whose SeqNum the channel has seen. */
    @Test
    void drStatusChangeWithARepeatedSeqNumIsRead() {
        Harness h = new Harness();
        h.heartbeat("A", 0, 0).heartbeat("B", 0, 1);
        h.dr("A", 1, 1, 10).dr("B", 1, 1, 11);
        h.dr("A", 1, 2, 2_000).dr("B", 1, 2, 2_001);        // the same SeqNum, a new status
        assertEquals(List.of("drStatus 0->1 via A @10", "drStatus 1->2 via A @2000"), h.events.ofKind("drStatus"));
        assertEquals(2, h.channel(ChannelCounter.DR_STATUS));
        assertEquals(2, h.channel(ChannelCounter.DR_SIGNALS), "a repeated SeqNum with a new status is a new signal");
        assertEquals(0, h.line("A", LineCounter.GAPS));
    }

    @Test
    void drSignalInAPacketWithASequenceResetIsRead() {
        Harness h = new Harness();
        h.both(1, 10, 0);
        int length = h.wire.encoderForTest().begin(h.wire.buffer, 0, 11, 0).drSignal(1).sequenceReset(1).finish();
        h.tracker.onDatagram(0, h.wire.buffer, 0, length, Harness.at(10), Harness.at(10));
        assertEquals(List.of("drStatus 0->1 via A @10"), h.events.ofKind("drStatus"));
        assertEquals(1, h.channel(ChannelCounter.SEQUENCE_RESETS));
    }

    @Test
    void malformedDatagramsAreCountedByReasonAndKeepTheLineAlive() {
        Harness h = new Harness();
        h.both(1, 4, 0);
        h.raw("A", new byte[5], 10);
        byte[] lying = new byte[40];
        lying[0] = 16;                                       // PktSize 16 in a 40-byte datagram
        h.raw("A", lying, 11);
        h.raw("A", lying, 12);
        assertEquals(1, h.tracker.line(0).malformed(Malformed.TOO_SHORT));
        assertEquals(2, h.tracker.line(0).malformed(Malformed.SIZE_MISMATCH));
        assertEquals(4, h.line("A", LineCounter.PACKETS), "malformed datagrams are packets too");
        h.both(5, 2, 20).tick(30);
        assertEquals(0, h.line("A", LineCounter.GAPS));
        assertEquals(7, h.channel(ChannelCounter.NEXT_EXPECTED_SEQ));
    }

    @Test
    void skewIsMeasuredAndTheFirstLineCredited() {
        Harness h = new Harness();
        for (int i = 0; i < 10; i++) {
            h.data("A", 1 + i * 3, 3, i * 100L);
            h.data("B", 1 + i * 3, 3, i * 100L + 2);         // B 2 ms behind
        }
        assertEquals(10, h.tracker.skew().count());
        assertEquals(20L * Harness.MS, h.tracker.skew().sumNanos());
        assertEquals(30, h.line("A", LineCounter.FIRST_DELIVERIES));
        assertEquals(0, h.line("B", LineCounter.FIRST_DELIVERIES));
    }

    @Test
    void threeLinesArbitrateAsTwo() {
        Harness h = new Harness(5_000, 250, "A", "B", "C");
        h.data("A", 1, 5, 0).data("B", 1, 5, 1).data("C", 1, 5, 2);
        h.data("A", 11, 5, 10).data("B", 11, 5, 11).data("C", 6, 5, 12).data("C", 11, 5, 13);
        h.tick(1_000);
        assertEquals(0, h.channel(ChannelCounter.ARBITRATED_GAPS), "C delivered 6..10");
        h.data("A", 21, 5, 1_010).data("B", 21, 5, 1_011).data("C", 21, 5, 1_012);
        h.tick(2_000);
        assertEquals(1, h.channel(ChannelCounter.ARBITRATED_GAPS));
        assertEquals(5, h.channel(ChannelCounter.ARBITRATED_MISSING_MESSAGES));
    }

    @Test
    void settleAtEndOfInputDeclaresWhatIsStillOpen() {
        Harness h = new Harness();
        h.both(1, 4, 0).both(7, 1, 10);
        assertEquals(0, h.channel(ChannelCounter.ARBITRATED_GAPS));
        h.tracker.settle(Harness.at(20));
        assertEquals(List.of("arbitratedGap 5..6 opened@10 declared@20"), h.events.ofKind("arbitratedGap"));
    }

    @Test
    void latencyFromSendTimeAndClocksBehindAreCounted() {
        Harness h = new Harness();
        int length = h.wire.data(1, 1, Harness.at(0));
        h.tracker.onDatagram(0, h.wire.buffer, 0, length, Harness.at(3), Harness.at(3));       // 3 ms after SendTime
        length = h.wire.data(2, 1, Harness.at(10));
        h.tracker.onDatagram(0, h.wire.buffer, 0, length, Harness.at(8), Harness.at(8));       // "before" it was sent
        Histogram latency = h.tracker.line(0).latency();
        assertEquals(2, latency.count());
        assertEquals(3L * Harness.MS, latency.sumNanos(), "the negative one counts as 0 in the sum");
        assertEquals(1, latency.negativeCount(), "and is counted apart: our clock is behind");
    }
}
