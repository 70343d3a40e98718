package io.omdprt.rts;

import io.omdprt.time.MonitorClock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The day's request budget of one feed's RTS user: never more than {@code daily} requests per
 * business day (Hong Kong date), and none at all after the server said 101 (daily limit) until the
 * next day. Single-threaded (the recovery thread).
 */
public final class RtsBudget {
    private final int daily;
    private final MonitorClock clock;
    private final ZoneId zone;
    private LocalDate day;
    private int used;
    private boolean stopped;

    public RtsBudget(int daily, MonitorClock clock, ZoneId zone) {
        this.daily = daily;
        this.clock = clock;
        this.zone = zone;
        this.day = clock.today(zone);
    }

    private void roll() {
        LocalDate today = clock.today(zone);
        if (!today.equals(day)) {
            day = today;
            used = 0;
            stopped = false;
        }
    }

    /** Takes one request from today's budget. @return false when none is left (nothing is taken) */
    public boolean take() {
        roll();
        if (stopped || used >= daily) {
            return false;
        }
        used++;
        return true;
    }

    /** The server answered 101: no more requests today. */
    public void stopForTheDay() {
        roll();
        stopped = true;
    }

    public boolean stoppedForTheDay() {
        roll();
        return stopped;
    }

    public int used() {
        roll();
        return used;
    }

    public int left() {
        roll();
        return stopped ? 0 : daily - used;
    }
}
