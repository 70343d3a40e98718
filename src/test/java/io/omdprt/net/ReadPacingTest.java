package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReadPacingTest {
    private static final long MS = 1_000_000L;

    @Test
    void aQuietLineIsReadOneDatagramAnEvent() {
        ReadPacing pacing = new ReadPacing();
        assertEquals(1, pacing.limit(), "a line starts quiet");
        for (int i = 0; i < 5; i++) {
            pacing.read(i * 10 * MS); // 100 datagrams a second
            assertEquals(1, pacing.limit(), "datagram " + i);
        }
        pacing.drained(0); // a readiness event that found nothing
        assertEquals(1, pacing.limit());
    }

    @Test
    void twoDatagramsWithinTheGapMakeItBusyUntilADrainFindsOne() {
        ReadPacing pacing = new ReadPacing();
        pacing.read(100 * MS);
        pacing.read(100 * MS + ReadPacing.BUSY_GAP_NANOS - 1);
        assertEquals(ReadPacing.READS_PER_EVENT, pacing.limit(), "busy: drained");
        pacing.drained(2);
        assertEquals(ReadPacing.READS_PER_EVENT, pacing.limit(), "a drain that found two is still a busy line");
        pacing.drained(1);
        assertEquals(1, pacing.limit(), "a drain that found one: quiet again");
    }

    @Test
    void datagramsExactlyTheGapApartKeepItQuiet() {
        ReadPacing pacing = new ReadPacing();
        pacing.read(5 * MS);
        pacing.read(5 * MS + ReadPacing.BUSY_GAP_NANOS);
        assertEquals(1, pacing.limit(), "quiet: one a read");
    }

    @Test
    void aClockSteppedBackMakesItBusyWhichIsTheSafeSide() {
        ReadPacing pacing = new ReadPacing();
        pacing.read(50 * MS);
        pacing.read(10 * MS);
        assertEquals(ReadPacing.READS_PER_EVENT, pacing.limit(), "draining is never wrong, only dearer");
    }
}
