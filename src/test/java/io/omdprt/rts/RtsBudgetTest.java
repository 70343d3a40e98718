package io.omdprt.rts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.time.DisplayTime;
import io.omdprt.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The day's budget turns over at midnight of the business day's zone (Hong Kong), not at UTC midnight. */
class RtsBudgetTest {
    @Test
    void spentAndStoppedUntilHongKongMidnight() {
        ManualClock clock = ManualClock.at(Instant.parse("2024-01-06T15:59:00Z")); // 23:59 HKT
        RtsBudget budget = new RtsBudget(2, clock, DisplayTime.HONG_KONG);
        assertTrue(budget.take());
        budget.stopForTheDay();
        assertFalse(budget.take(), "no request after a 101");
        assertEquals(0, budget.left());
        clock.advance(Duration.ofSeconds(59));
        assertTrue(budget.stoppedForTheDay(), "23:59:59 HKT is still the same day");
        clock.advance(Duration.ofSeconds(1));
        assertFalse(budget.stoppedForTheDay(), "00:00 HKT: a new day");
        assertEquals(2, budget.left());
        assertTrue(budget.take());
        assertTrue(budget.take());
        assertFalse(budget.take(), "two a day");
        assertEquals(2, budget.used());
        clock.advance(Duration.ofHours(8));
        assertEquals(0, budget.left(), "UTC midnight is no new day");
    }
}
