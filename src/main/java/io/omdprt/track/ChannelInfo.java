package io.omdprt.track;

import io.omdprt.protocol.Protocol;

/**
 * What a channel is, for events, metrics and reports.
 *
 * @param channel the value of the {@code channel} label: the ChannelID, or "dr" for the DR channel
 */
public record ChannelInfo(String feed, String channel, Protocol protocol) {
    @Override
    public String toString() {
        return feed + "/" + channel;
    }
}
