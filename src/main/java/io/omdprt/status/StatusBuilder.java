package io.omdprt.status;

import io.omdprt.config.FeedConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.metrics.SocketStats;
import io.omdprt.monitor.ChannelSet;
import io.omdprt.monitor.MonitoredChannel;
import io.omdprt.protocol.Malformed;
import io.omdprt.track.ChannelCounter;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.LineCounter;
import io.omdprt.track.LineTracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Reads the trackers (from any thread) into a {@link Status}. */
public final class StatusBuilder {
    private final MonitorConfig config;
    private final ChannelSet channels;
    private final SocketStats sockets;
    private final LongSupplier epochNanos;
    private final String transport;
    private final String version;
    private final long startNanos;
    private final Supplier<List<Status.Window>> windows;

    public StatusBuilder(MonitorConfig config, ChannelSet channels, SocketStats sockets, LongSupplier epochNanos,
                         String transport, String version, Supplier<List<Status.Window>> windows) {
        this.config = config;
        this.channels = channels;
        this.sockets = sockets;
        this.epochNanos = epochNanos;
        this.transport = transport;
        this.version = version;
        this.startNanos = epochNanos.getAsLong();
        this.windows = windows;
    }

    public Status build() {
        long now = epochNanos.getAsLong();
        List<Status.Feed> feeds = new ArrayList<>();
        Health overall = Health.GREEN;
        for (FeedConfig feed : config.feeds()) {
            List<Status.Channel> list = new ArrayList<>();
            Health feedHealth = Health.GREEN;
            for (MonitoredChannel c : channels.channels()) {
                if (c.feed() == feed) {
                    Status.Channel ch = channel(c, now);
                    feedHealth = Health.worst(feedHealth, ch.health());
                    list.add(ch);
                }
            }
            overall = Health.worst(overall, feedHealth);
            feeds.add(new Status.Feed(feed.name(), feed.protocol().configName(), feedHealth, list));
        }
        return new Status(config.instance(), config.site(), version, transport, Instant.ofEpochSecond(0, now).toString(),
                (now - startNanos) / 1e9, overall, windows.get(), feeds);
    }

    private Status.Channel channel(MonitoredChannel c, long now) {
        ChannelTracker t = c.tracker();
        List<Status.Line> lines = new ArrayList<>();
        Health lineWorst = Health.GREEN;
        for (LineTracker l : t.lines()) {
            Status.Line line = line(c, l, now);
            lineWorst = Health.worst(lineWorst, line.health());
            lines.add(line);
        }
        boolean up = t.isUp();
        long arbGaps = t.get(ChannelCounter.ARBITRATED_GAPS);
        Health health;
        if (!up || arbGaps > 0) {
            health = Health.RED;
        } else if (lineWorst != Health.GREEN || t.get(ChannelCounter.OUTAGES) > 0) {
            health = Health.AMBER;
        } else {
            health = Health.GREEN;
        }
        return new Status.Channel(c.label(), c.config().kind().configName(), up, health, arbGaps,
                t.get(ChannelCounter.ARBITRATED_MISSING_MESSAGES), t.get(ChannelCounter.OUTAGES),
                t.outageNanos(now) / 1e9,
                t.get(ChannelCounter.SEQUENCE_RESETS), t.get(ChannelCounter.DR_STATUS), t.uniqueMessages(), lines);
    }

    private Status.Line line(MonitoredChannel c, LineTracker l, long now) {
        LineConfig cfg = c.line(l.index());
        long last = l.get(LineCounter.LAST_ARRIVAL_NANOS);
        double age = last == 0 ? -1 : Math.max(0, (now - last) / 1e9);
        long malformed = 0;
        for (Malformed r : Malformed.REASONS) {
            malformed += l.malformed(r);
        }
        boolean up = l.isUp();
        long gaps = l.get(LineCounter.GAPS);
        long outages = l.get(LineCounter.OUTAGES);
        long drops = sockets.kernelDrops(c.feedName(), c.label(), l.name());
        Health health = !up ? Health.RED : gaps > 0 || outages > 0 || malformed > 0 || drops > 0 ? Health.AMBER : Health.GREEN;
        return new Status.Line(l.name(), l.info().site(), cfg.endpoint(), up, health, age, l.get(LineCounter.PACKETS), gaps,
                l.get(LineCounter.MISSING_MESSAGES), outages,
                l.outageNanos(now) / 1e9, malformed, drops,
                sockets.receiveBufferBytes(c.feedName(), c.label(), l.name()));
    }
}
