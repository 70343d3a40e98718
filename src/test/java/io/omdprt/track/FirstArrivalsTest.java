package io.omdprt.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FirstArrivalsTest {
    @Test
    void findsTheRangeHoldingASequenceNumberRecentOrOld() {
        FirstArrivals f = new FirstArrivals();
        for (int i = 0; i < 3_000; i++) {
            f.add(10L * i, 10L * i + 4, i % 2, 1_000L + i);   // ranges 0..4, 10..14, …; 5..9 never arrived
        }
        assertEquals(1_000L + 2_999, f.firstArrivalOnOtherLine(29_992, 0), "newest, first delivered by line 1");
        assertEquals(-1, f.firstArrivalOnOtherLine(29_992, 1), "same line: no skew");
        assertEquals(1_000L + 2_990, f.firstArrivalOnOtherLine(29_900, 1), "a few packets back");
        assertEquals(1_000L + 2_100, f.firstArrivalOnOtherLine(21_003, 1), "older than the probes: binary search");
        assertEquals(-1, f.firstArrivalOnOtherLine(21_007, 0), "in no range");
        assertEquals(-1, f.firstArrivalOnOtherLine(100, 1), "overwritten: older than the capacity");
        assertEquals(-1, f.firstArrivalOnOtherLine(40_000, 1), "beyond the newest");
        f.clear();
        assertEquals(-1, f.firstArrivalOnOtherLine(29_992, 0));
    }
}
