package io.omdprt.config;

import java.util.List;

/**
 * One channel and its lines.
 *
 * @param feed the feed's name
 * @param id   the ChannelID; the DR channel has none (-1) and is labelled "dr"
 * @param realtimeId for a refresh channel: the ChannelID of the real-time channel it refreshes ({@code realtime:}), else -1
 */
public record ChannelConfig(String feed, int id, ChannelKind kind, List<LineConfig> lines, int realtimeId) {
    public static final int NO_ID = -1;

    public ChannelConfig {
        lines = List.copyOf(lines);
    }

    /** A channel that is not a refresh channel mapped to a real-time one. */
    public ChannelConfig(String feed, int id, ChannelKind kind, List<LineConfig> lines) {
        this(feed, id, kind, lines, NO_ID);
    }

    /** The value of the {@code channel} label. */
    public String label() {
        return kind == ChannelKind.DR ? "dr" : Integer.toString(id);
    }
}
