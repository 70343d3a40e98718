package io.omdprt.track;

import java.time.Duration;

/**
 * Timing and plausibility rules of the trackers.
 *
 * @param staleAfterNanos       silence after which a line is down
 * @param arbitrationWaitNanos  how long a hole stays open for another line to fill it; also how long
 *                              a sequence jump or restart seen on one line only is held for the others
 * @param maxOpenRanges         bound on holes held per line and per channel; beyond it the oldest is settled
 * @param plausibleJump         how far (in messages) a packet may start beyond the channel's highest
 *                              sequence number and still be believed, on top of what the channel's recent
 *                              rate could have sent since its last packet (default: the RTS window)
 * @param confirmPackets        packets of one line that continue a held sequence and confirm it for that line
 * @param restartDrop           how far (in messages) below a line's next expected number a packet must lie,
 *                              filling no hole, to be held as a possible restart instead of counted a duplicate
 * @param latencyLimitNanos     a SendTime further than this from the receive time, either way, is not a
 *                              latency sample (it is counted as implausible)
 * @param burstResolutionNanos  the span within which microbursts are counted (default 1 ms)
 */
public record TrackerSettings(long staleAfterNanos, long arbitrationWaitNanos, int maxOpenRanges,
                              long plausibleJump, int confirmPackets, long restartDrop, long latencyLimitNanos,
                              long burstResolutionNanos) {
    public static final long DEFAULT_PLAUSIBLE_JUMP = 50_000;
    public static final int DEFAULT_CONFIRM_PACKETS = 3;
    public static final long DEFAULT_RESTART_DROP = 1_000;
    public static final long DEFAULT_LATENCY_LIMIT_NANOS = Duration.ofMinutes(1).toNanos();

    public static final TrackerSettings DEFAULTS =
            new TrackerSettings(Duration.ofSeconds(5).toNanos(), Duration.ofMillis(250).toNanos(), 256);

    public TrackerSettings {
        if (staleAfterNanos <= 0 || arbitrationWaitNanos < 0 || maxOpenRanges < 2
                || plausibleJump < 1 || confirmPackets < 1 || confirmPackets > Suspect.CAPACITY
                || restartDrop < 1 || latencyLimitNanos <= 0 || burstResolutionNanos <= 0) {
            throw new IllegalArgumentException("invalid tracker settings");
        }
    }

    public TrackerSettings(long staleAfterNanos, long arbitrationWaitNanos, int maxOpenRanges,
                           long plausibleJump, int confirmPackets, long restartDrop, long latencyLimitNanos) {
        this(staleAfterNanos, arbitrationWaitNanos, maxOpenRanges, plausibleJump, confirmPackets, restartDrop, latencyLimitNanos,
                BurstMeter.DEFAULT_RESOLUTION_NANOS);
    }

    /** The default plausibility rules. */
    public TrackerSettings(long staleAfterNanos, long arbitrationWaitNanos, int maxOpenRanges) {
        this(staleAfterNanos, arbitrationWaitNanos, maxOpenRanges,
                DEFAULT_PLAUSIBLE_JUMP, DEFAULT_CONFIRM_PACKETS, DEFAULT_RESTART_DROP, DEFAULT_LATENCY_LIMIT_NANOS);
    }

    public static TrackerSettings of(Duration staleAfter, Duration arbitrationWait) {
        return new TrackerSettings(staleAfter.toNanos(), arbitrationWait.toNanos(), DEFAULTS.maxOpenRanges());
    }

    /** These settings with other plausibility rules. */
    public TrackerSettings withPlausibility(long plausibleJump, int confirmPackets, long restartDrop, Duration latencyLimit) {
        return new TrackerSettings(staleAfterNanos, arbitrationWaitNanos, maxOpenRanges,
                plausibleJump, confirmPackets, restartDrop, latencyLimit.toNanos(), burstResolutionNanos);
    }

    /** These settings with another microburst resolution. */
    public TrackerSettings withBurstResolution(Duration resolution) {
        return new TrackerSettings(staleAfterNanos, arbitrationWaitNanos, maxOpenRanges, plausibleJump, confirmPackets, restartDrop,
                latencyLimitNanos, resolution.toNanos());
    }
}
