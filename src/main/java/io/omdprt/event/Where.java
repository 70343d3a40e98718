package io.omdprt.event;

import java.util.Objects;

/** The channel, or the line of a channel, an event is about. */
public sealed interface Where {
    /** The feed's name. */
    String feed();

    /** The channel label: the ChannelID, or "dr" for the DR channel. */
    String channel();

    /** A channel of a feed. */
    record Channel(String feed, String channel) implements Where {
        public Channel {
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** A line of a channel, and the site it comes from (primary, dr). */
    record Line(String feed, String channel, String line, String site) implements Where {
        public Line {
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(site, "site");
        }
    }
}
