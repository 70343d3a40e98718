package io.omdprt.config;

import java.time.Duration;

/**
 * How far the trackers trust a sequence number the spec did not announce ({@code tracking:}).
 *
 * @param plausibleJump  messages beyond what the channel could have reached before a SeqNum is held as suspect (the RTS window)
 * @param confirmPackets packets a line must continue with before a jump or restart it alone shows is taken as real
 * @param restartDrop    messages below a line's next expected number from which a packet may start a new sequence space
 * @param latencyLimit   a SendTime further than this from the receive time gives no latency sample (it is counted)
 * @param burstResolution the span within which microbursts (the most packets and bytes) are counted
 */
public record TrackingConfig(long plausibleJump, int confirmPackets, long restartDrop, Duration latencyLimit, Duration burstResolution) {
    public static final Duration DEFAULT_BURST_RESOLUTION = Duration.ofMillis(1);
    public static final TrackingConfig DEFAULTS = new TrackingConfig(50_000, 3, 1_000, Duration.ofMinutes(1));

    public TrackingConfig(long plausibleJump, int confirmPackets, long restartDrop, Duration latencyLimit) {
        this(plausibleJump, confirmPackets, restartDrop, latencyLimit, DEFAULT_BURST_RESOLUTION);
    }
}
