package io.omdprt.config;

/** What a channel carries. */
public enum ChannelKind {
    /** Real-time market data, arbitrated across its lines. */
    REALTIME("realtime"),
    /** Refresh snapshots cycling, each ending with Refresh Complete. */
    REFRESH("refresh"),
    /** The dedicated DR channel: heartbeats, and the DR Signal during a site failover. */
    DR("dr");

    private final String configName;

    ChannelKind(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
