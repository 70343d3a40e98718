package io.omdprt.config;

import io.omdprt.protocol.Protocol;
import java.util.List;

/** One feed (OMD-C or OMD-CC product) and its channels, the DR-signal channel among them. */
public record FeedConfig(String name, Protocol protocol, List<ChannelConfig> channels) {
    public FeedConfig {
        channels = List.copyOf(channels);
    }
}
