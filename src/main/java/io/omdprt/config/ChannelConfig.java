package io.omdprt.config;

import java.util.List;

/**
 * One channel and its lines.
 *
 * @param feed the feed's name
 * @param id   the ChannelID; the DR channel has none (-1) and is labelled "dr"
 */
public record ChannelConfig(String feed, int id, ChannelKind kind, List<LineConfig> lines) {
    public static final int NO_ID = -1;

    public ChannelConfig {
        lines = List.copyOf(lines);
    }

    /** The value of the {@code channel} label. */
    public String label() {
        return kind == ChannelKind.DR ? "dr" : Integer.toString(id);
    }
}
