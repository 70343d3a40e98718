package io.omdprt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void anOptionTakesABareNumberAsSeconds() {
        assertEquals(Duration.ofSeconds(30), Durations.parseOption("30"));
        assertEquals(Duration.ofMillis(1_500), Durations.parseOption(" 1.5 "));
        assertEquals(Duration.ofSeconds(30), Durations.parseOption("30s"));
        assertEquals(Duration.ofMinutes(2), Durations.parseOption("2m"));
        assertEquals(Duration.ofMillis(250), Durations.parseOption("250ms"));
        assertNull(Durations.parseOption("soon"));
        assertNull(Durations.parseOption("-5"));
    }

    @Test
    void configDurationsStayExplicit() {
        // In a config file "stale-after: 5" could mean anything: the unit is required there.
        assertNull(Durations.parse("5"));
        assertEquals(Duration.ofSeconds(5), Durations.parse("5s"));
    }
}
