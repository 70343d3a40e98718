package io.omdprt.model;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.FeedConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.track.ChannelTracker;

/** A configured channel and the tracker that follows it. */
public record MonitoredChannel(FeedConfig feed, ChannelConfig config, ChannelTracker tracker) {
    public String feedName() {
        return feed.name();
    }

    public String label() {
        return config.label();
    }

    public LineConfig line(int index) {
        return config.lines().get(index);
    }

    @Override
    public String toString() {
        return feed.name() + "/" + config.label();
    }
}
