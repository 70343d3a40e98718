package io.omdprt.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountsTest {
    @Test
    void thousandsSeparators() {
        assertEquals("0", Counts.number(0));
        assertEquals("999", Counts.number(999));
        assertEquals("1,000", Counts.number(1_000));
        assertEquals("12,345,678", Counts.number(12_345_678));
        assertEquals("-1,500", Counts.number(-1_500));
    }

    @Test
    void singularOnlyForOne() {
        assertEquals("0 messages", Counts.of(0, "message"));
        assertEquals("1 message", Counts.of(1, "message"));
        assertEquals("2 messages", Counts.of(2, "message"));
        assertEquals("1,001 messages", Counts.of(1_001, "message"));
        assertEquals("1 channel outage", Counts.of(1, "channel outage"));
        assertEquals("3 boxes", Counts.of(3, "box", "boxes"));
        assertEquals("1 box", Counts.of(1, "box", "boxes"));
    }
}
