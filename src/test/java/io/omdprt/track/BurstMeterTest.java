package io.omdprt.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Microbursts over a sliding span, per-second peaks, and readers that each see the peak since their own last read. */
class BurstMeterTest {
    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_704_502_800L * S;

    @Test
    void aBurstStraddlingAMillisecondBoundaryIsSeenWhole() {
        BurstMeter m = new BurstMeter(MS);
        // quiet traffic, one packet every 10 ms
        for (int i = 0; i < 50; i++) {
            m.arrived(T0 + i * 10 * MS, 100);
        }
        // 37 packets of 200 bytes within 0.9 ms, from 0.5 ms before a millisecond boundary
        long start = T0 + 555 * MS - MS / 2;
        for (int i = 0; i < 37; i++) {
            m.arrived(start + i * 25_000L, 200);
        }
        m.publish();
        BurstMeter.Peaks p = m.read(m.journalCursor(), Long.MAX_VALUE);
        assertEquals(37, p.burstPackets(), "aligned 1 ms bins would have split it");
        assertEquals(37 * 200, p.burstBytes());
        assertEquals(50 + 37, p.secondPackets());
        assertEquals(50 * 100 + 37 * 200, p.secondBytes());
    }

    @Test
    void packetsAResolutionApartAreNotInTheSameSpan() {
        BurstMeter m = new BurstMeter(MS);
        for (int i = 0; i < 10; i++) {
            m.arrived(T0 + i * MS, 50);
        }
        m.publish();
        assertEquals(1, m.read(m.journalCursor(), Long.MAX_VALUE).burstPackets());
        BurstMeter wide = new BurstMeter(5 * MS + 1);
        for (int i = 0; i < 10; i++) {
            wide.arrived(T0 + i * MS, 50);
        }
        wide.publish();
        assertEquals(6, wide.read(wide.journalCursor(), Long.MAX_VALUE).burstPackets(), "a configurable resolution");
    }

    @Test
    void eachReaderGetsThePeakSinceItsOwnLastReadOfSecondsThatEnded() {
        BurstMeter m = new BurstMeter(MS);
        for (int i = 0; i < 5; i++) {
            m.arrived(T0 + 100 * MS + i, 10); // second 0: a burst of 5
        }
        m.arrived(T0 + S + 100 * MS, 10); // second 1: 1 packet
        m.publish();
        // the scrape at 1.5 s sees second 0 only (second 1 has not ended)
        assertEquals(5, m.read(m.scrapeCursor(), T0 + S + S / 2).burstPackets());
        // and at 2.5 s only what came after: second 1
        assertEquals(1, m.read(m.scrapeCursor(), T0 + 2 * S + S / 2).burstPackets());
        assertEquals(0, m.read(m.scrapeCursor(), T0 + 2 * S + S / 2).burstPackets(), "reset by the read");
        // the journal's cursor is untouched by the scrapes
        BurstMeter.Peaks journal = m.read(m.journalCursor(), T0 + 3 * S);
        assertEquals(5, journal.burstPackets());
        assertEquals(5, journal.secondPackets());
    }
}
