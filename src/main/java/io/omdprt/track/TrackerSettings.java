package io.omdprt.track;

import java.time.Duration;

/**
 * Timing rules of the trackers.
 *
 * @param staleAfterNanos       silence after which a line is down
 * @param arbitrationWaitNanos  how long a hole stays open for another line to fill it
 * @param maxOpenRanges         bound on holes held per line and per channel; beyond it the oldest is settled
 */
public record TrackerSettings(long staleAfterNanos, long arbitrationWaitNanos, int maxOpenRanges) {
    public static final TrackerSettings DEFAULTS =
            new TrackerSettings(Duration.ofSeconds(5).toNanos(), Duration.ofMillis(250).toNanos(), 256);

    public TrackerSettings {
        if (staleAfterNanos <= 0 || arbitrationWaitNanos < 0 || maxOpenRanges < 2) {
            throw new IllegalArgumentException("invalid tracker settings");
        }
    }

    public static TrackerSettings of(Duration staleAfter, Duration arbitrationWait) {
        return new TrackerSettings(staleAfter.toNanos(), arbitrationWait.toNanos(), DEFAULTS.maxOpenRanges());
    }
}
