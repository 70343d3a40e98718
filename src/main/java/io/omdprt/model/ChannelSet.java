package io.omdprt.model;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.ChannelKind;
import io.omdprt.config.FeedConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.track.ChannelInfo;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.LineInfo;
import io.omdprt.track.TrackerListener;
import io.omdprt.track.TrackerSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * One tracker per configured channel, in config order. Shared by the live monitor and the capture
 * analyzer; knows nothing of sockets or metrics.
 */
public final class ChannelSet {
    /**
     * On top of two liveness ticks and the arbitration wait (how stale a real-time channel's published
     * high-water mark can be): the refresh and real-time groups may arrive a little apart.
     */
    static final long REFRESH_GRACE_SLACK_NANOS = 100_000_000L;
    private final List<MonitoredChannel> channels;

    private ChannelSet(List<MonitoredChannel> channels) {
        this.channels = List.copyOf(channels);
    }

    public static ChannelSet create(MonitorConfig config, TrackerListener listener, long startNanos) {
        TrackerSettings settings = TrackerSettings.of(config.liveness().staleAfter(), config.arbitrationWait())
                .withPlausibility(config.tracking().plausibleJump(), config.tracking().confirmPackets(), config.tracking().restartDrop(),
                        config.tracking().latencyLimit())
                .withBurstResolution(config.tracking().burstResolution());
        List<MonitoredChannel> channels = new ArrayList<>();
        for (FeedConfig feed : config.feeds()) {
            for (ChannelConfig channel : feed.channels()) {
                List<LineInfo> lines = new ArrayList<>();
                for (LineConfig line : channel.lines()) {
                    lines.add(new LineInfo(line.name(), line.site()));
                }
                ChannelInfo info = new ChannelInfo(feed.name(), channel.label(), feed.protocol());
                ChannelTracker tracker = new ChannelTracker(info, lines, settings, listener, startNanos);
                channels.add(new MonitoredChannel(feed, channel, tracker));
            }
        }
        long grace = 2 * config.liveness().checkInterval().toNanos() + config.arbitrationWait().toNanos() + REFRESH_GRACE_SLACK_NANOS;
        for (MonitoredChannel refresh : channels) {
            if (refresh.config().kind() != ChannelKind.REFRESH || refresh.config().realtimeId() == ChannelConfig.NO_ID) {
                continue;
            }
            for (MonitoredChannel realtime : channels) {
                if (realtime.feed() == refresh.feed() && realtime.config().kind() == ChannelKind.REALTIME
                        && realtime.config().id() == refresh.config().realtimeId()) {
                    refresh.tracker().checkRefreshAgainst(realtime.tracker(), grace);
                }
            }
        }
        return new ChannelSet(channels);
    }

    public List<MonitoredChannel> channels() {
        return channels;
    }

    /** @return the channel tracked by this tracker, or null */
    public MonitoredChannel of(ChannelTracker tracker) {
        for (MonitoredChannel c : channels) {
            if (c.tracker() == tracker) {
                return c;
            }
        }
        return null;
    }
}
