package io.omdprt.testing;

/** Fault scripts shared by tests that check the same faults live and in a capture. */
public final class FaultScripts {
    /** On refresh channel 101 of {@code TestConfigs.loopback(.., refresh = true)}: a gap in a snapshot, a LastSeqNum ahead, a stall. */
    public static final String REFRESH_FAULTS = String.join("\n",
            "name: refresh faults",
            "duration: 22s",
            "rate: 200",
            "faults:",
            "  - { at: 1s, type: refresh-gap, feed: f, channel: 101, messages: 5 }",
            "  - { at: 6s, type: refresh-ahead, feed: f, channel: 101, completes: 1 }",
            "  - { at: 11s, type: refresh-stall, feed: f, channel: 101, for: 7s }",
            "");

    private FaultScripts() {
    }
}
