package io.omdprt.track;

import io.omdprt.protocol.Protocol;

/** What a channel is, for events, metrics and reports. */
public record ChannelInfo(String feed, int channelId, Protocol protocol) {
    @Override
    public String toString() {
        return feed + "/" + channelId;
    }
}
