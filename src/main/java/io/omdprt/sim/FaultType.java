package io.omdprt.sim;

/** What a scripted fault does. The config name is how scenario files spell it. */
public enum FaultType {
    /** Drop the next N messages on one line, or on every line of the channel (real loss). */
    DROP("drop"),
    /** One line sends nothing (no data, no heartbeats) for a while; the publisher goes on. */
    LINE_DOWN("line-down"),
    /** The whole channel is silent for a while: the publisher pauses, nothing is lost. */
    CHANNEL_SILENT("channel-silent"),
    /** Send each of the next N packets twice on one line. */
    DUPLICATE("duplicate"),
    /** Swap the next N packets pairwise on one line (each pair arrives second-first). */
    REORDER("reorder"),
    /** Hold one line's packets back by a fixed delay for a while (A/B skew). */
    DELAY("delay"),
    /** A Sequence Reset on every line; numbering restarts at 1. */
    SEQUENCE_RESET("sequence-reset"),
    /** A Disaster Recovery Signal with a status on the feed's DR channel, repeated until changed. */
    DR_SIGNAL("dr-signal"),
    /**
     * A microburst on one line: N more messages, one a packet, their send times spread evenly over a
     * given time (the other lines carry the same messages, framed as usual). Nothing is lost.
     */
    BURST("burst"),
    /** A refresh channel sends no Refresh Complete for a while (its snapshots never complete). */
    REFRESH_STALL("refresh-stall"),
    /** A refresh channel loses N messages on every line inside the next snapshot: it is unusable. */
    REFRESH_GAP("refresh-gap"),
    /** A refresh channel's next N Refresh Completes carry a LastSeqNum above its real-time channel's last sequence number. */
    REFRESH_AHEAD("refresh-ahead");

    /** Whether the fault only applies to a refresh channel. */
    public boolean refreshOnly() {
        return this == REFRESH_STALL || this == REFRESH_GAP || this == REFRESH_AHEAD;
    }

    private final String configName;

    FaultType(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static FaultType fromConfigName(String name) {
        for (FaultType t : values()) {
            if (t.configName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
