package io.omdprt.config;

import io.omdprt.protocol.Protocol;
import java.util.List;

/**
 * One feed (OMD-C or OMD-CC product) and its channels, the DR-signal channel among them.
 *
 * @param rts its use of the Retransmission Server, or null (the default: off)
 */
public record FeedConfig(String name, Protocol protocol, List<ChannelConfig> channels, RtsConfig rts) {
    public FeedConfig {
        channels = List.copyOf(channels);
    }

    /** A feed that does not use the Retransmission Server. */
    public FeedConfig(String name, Protocol protocol, List<ChannelConfig> channels) {
        this(name, protocol, channels, null);
    }

    /** The channel with this ChannelID, or null. */
    public ChannelConfig channel(int id) {
        for (ChannelConfig c : channels) {
            if (c.id() == id && c.kind() != ChannelKind.DR) {
                return c;
            }
        }
        return null;
    }
}
