package io.omdprt.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ManualClockTest {
    private static final Instant T = Instant.parse("2024-01-06T15:59:59.999999999Z");

    @Test
    void standsStillUntilMovedAndThenMovesBothReadings() {
        ManualClock c = ManualClock.at(T);
        long monotonic = c.monotonicNanos();
        assertEquals(T, c.now());
        assertEquals(T, c.now(), "nothing moves by itself");
        c.advance(Duration.ofNanos(1));
        c.sleep(1_000);
        c.sleep(-5);
        assertEquals(T.plusNanos(1_001), c.now());
        assertEquals(monotonic + 1_001, c.monotonicNanos());
        assertEquals(T.toEpochMilli() + 1, c.epochMillis());
    }

    @Test
    void settingTheWallTimeLeavesTheMonotonicTimeAlone() {
        ManualClock c = ManualClock.at(T);
        long monotonic = c.monotonicNanos();
        c.set(T.minusSeconds(3_600));
        assertEquals(T.minusSeconds(3_600), c.now(), "a step back, as a host's clock can be stepped");
        assertEquals(monotonic, c.monotonicNanos());
        assertThrows(IllegalArgumentException.class, () -> c.advanceNanos(-1));
    }

    @Test
    void todayIsTheDateInTheZoneAsked() {
        ManualClock c = ManualClock.at(T);
        assertEquals(LocalDate.parse("2024-01-06"), c.today(ZoneId.of("UTC")));
        assertEquals(LocalDate.parse("2024-01-06"), c.today(DisplayTime.HONG_KONG), "23:59:59.999999999 in Hong Kong");
        c.advanceNanos(1);
        assertEquals(LocalDate.parse("2024-01-07"), c.today(DisplayTime.HONG_KONG));
        assertEquals(LocalDate.parse("2024-01-06"), c.today(ZoneId.of("UTC")));
    }
}
