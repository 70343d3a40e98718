package io.omdprt.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The monitor's one clock. Each composition root (the monitor, each command) makes one and hands it
 * to everything that tells the time; nothing outside this package reads the host's clocks itself.
 * The same clock stamps a datagram's arrival, the event it causes, the journal's record of it and the
 * window boundary it is compared with, so they can never disagree.
 *
 * <p>{@link #epochNanos()} is the time: nanoseconds since the epoch (UTC), read on every datagram and
 * allocation-free. {@link #now()} is the same reading as an {@link Instant}.
 *
 * <p>The one exception is {@link #monotonicNanos()}: the elapsed time of local work (timeouts and
 * deadlines, retry and reconnect pauses, cache ages, the duration of a logon or a scrape), which must
 * neither jump nor run backwards when the host's clock is stepped. Only the difference of two readings
 * means anything; it is never recorded as a time of day.
 *
 * <p>{@link #system()} is the host's clock. A {@link ManualClock} stands still until moved: for tests
 * and for the simulator's simulated time.
 */
public interface MonitorClock {
    /** Now, in nanoseconds since the epoch (UTC). */
    long epochNanos();

    /** Elapsed time for local deadlines and durations, in nanoseconds from an arbitrary origin. */
    long monotonicNanos();

    /** Lets {@code nanos} pass: the host's clock parks the thread (an interrupt ends it early), a manual clock moves on. */
    void sleep(long nanos);

    /** Now, as an instant. */
    default Instant now() {
        return Instant.ofEpochSecond(0, epochNanos());
    }

    /** Now, in milliseconds since the epoch. */
    default long epochMillis() {
        return Math.floorDiv(epochNanos(), 1_000_000L);
    }

    /** Today's date in {@code zone}. */
    default LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(now(), zone);
    }

    /** The host's clock. */
    static MonitorClock system() {
        return SystemClock.INSTANCE;
    }
}
