package io.omdprt.status;

import io.omdprt.config.FeedConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.event.CounterKeys;
import io.omdprt.model.SocketStats;
import io.omdprt.model.ChannelSet;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.model.WindowBaseline;
import io.omdprt.time.DisplayTime;
import io.omdprt.time.MonitorClock;
import io.omdprt.track.ChannelCounter;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.LineCounter;
import io.omdprt.track.LineTracker;
import io.omdprt.verdict.ChannelFacts;
import io.omdprt.verdict.Verdict;
import io.omdprt.verdict.VerdictPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the trackers (from any thread) into a {@link Status}: counts since the active window began
 * (the recorder's baseline) or since the monitor started, judged by the {@link VerdictPolicy}.
 */
public final class StatusBuilder {
    private final MonitorConfig config;
    private final ChannelSet channels;
    private final SocketStats sockets;
    private final MonitorClock clock;
    private final String transport;
    private final String version;
    private final long startNanos;
    private final Supplier<List<Status.Window>> windows;
    private final Supplier<WindowBaseline> baseline;
    private final Supplier<Status.Storage> storage;
    private final DisplayTime display;
    private final io.omdprt.model.LocalCauses local;

    public StatusBuilder(MonitorConfig config, ChannelSet channels, SocketStats sockets, MonitorClock clock,
                         String transport, String version, Supplier<List<Status.Window>> windows, Supplier<WindowBaseline> baseline,
                         Supplier<Status.Storage> storage) {
        this(config, channels, sockets, clock, transport, version, windows, baseline, storage, io.omdprt.model.LocalCauses.NONE);
    }

    /** @param local what on this host keeps a line from receiving now (the interface watcher) */
    public StatusBuilder(MonitorConfig config, ChannelSet channels, SocketStats sockets, MonitorClock clock,
                         String transport, String version, Supplier<List<Status.Window>> windows, Supplier<WindowBaseline> baseline,
                         Supplier<Status.Storage> storage, io.omdprt.model.LocalCauses local) {
        this.local = local;
        this.config = config;
        this.channels = channels;
        this.sockets = sockets;
        this.clock = clock;
        this.transport = transport;
        this.version = version;
        this.startNanos = clock.epochNanos();
        this.windows = windows;
        this.baseline = baseline;
        this.storage = storage;
        this.display = config.display();
    }

    public Status build() {
        long now = clock.epochNanos();
        WindowBaseline base = baseline.get();
        long sinceNanos = base == null ? startNanos : nanos(base.since());
        String from = base == null ? "since the monitor started"
                : "window " + base.window().name() + (base.since().isAfter(base.window().start()) ? " (since this monitor started inside it)"
                : " (since its start)");
        List<Status.Feed> feeds = new ArrayList<>();
        Health overall = Health.GREEN;
        Verdict verdict = Verdict.PASS;
        long dr = 0;
        for (FeedConfig feed : config.feeds()) {
            List<Status.Channel> list = new ArrayList<>();
            Health feedHealth = Health.GREEN;
            for (MonitoredChannel c : channels.channels()) {
                if (c.feed() == feed) {
                    Map<String, Long> start = base == null ? Map.of() : base.counts().getOrDefault(c, Map.of());
                    Status.Channel ch = channel(c, now, sinceNanos, start);
                    feedHealth = Health.worst(feedHealth, ch.health());
                    verdict = Verdict.worst(verdict, ch.verdict());
                    dr = Math.max(dr, ch.drStatus() == 1 ? 1 : ch.drStatus() == 2 && dr != 1 ? 2 : 0);
                    list.add(ch);
                }
            }
            overall = Health.worst(overall, feedHealth);
            feeds.add(new Status.Feed(feed.name(), feed.protocol().configName(), feedHealth, list));
        }
        List<Status.Window> all = windows.get();
        Instant nowInstant = Instant.ofEpochSecond(0, now);
        Instant since = Instant.ofEpochSecond(0, sinceNanos);
        return new Status(config.instance(), config.site(), version, transport, nowInstant.toString(), display.dateTime(nowInstant),
                (now - startNanos) / 1e9, overall, verdict, since.toString(), display.dateTime(since), from, all,
                next(all, nowInstant), dr, feeds, storage.get());
    }

    /** The next window to begin when none is active, or null. */
    private static Status.Window next(List<Status.Window> all, Instant now) {
        if (all.stream().anyMatch(Status.Window::active)) {
            return null;
        }
        return all.stream().filter(w -> Instant.parse(w.startInstant()).isAfter(now))
                .min(java.util.Comparator.comparing(Status.Window::startInstant)).orElse(null);
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private Status.Channel channel(MonitoredChannel c, long now, long sinceNanos, Map<String, Long> base) {
        ChannelTracker t = c.tracker();
        long staleNanos = config.liveness().staleAfter().toNanos();
        boolean young = now - sinceNanos < staleNanos;
        List<Status.Line> lines = new ArrayList<>();
        List<ChannelFacts.LineFacts> facts = new ArrayList<>();
        boolean anyHeard = false;
        boolean allLocal = true;
        boolean anyDrops = true;
        double minLocal = Double.MAX_VALUE;
        List<String> localCauses = new ArrayList<>();
        for (LineTracker l : t.lines()) {
            LineConfig cfg = c.line(l.index());
            String n = l.name();
            long last = l.get(LineCounter.LAST_ARRIVAL_NANOS);
            boolean heard = last != 0 && last >= sinceNanos;
            anyHeard |= heard;
            boolean notYet = !heard && young;
            long packets = l.get(LineCounter.PACKETS) - CounterKeys.get(base, CounterKeys.line(n, CounterKeys.PACKETS));
            long gaps = l.get(LineCounter.GAPS) - CounterKeys.get(base, CounterKeys.line(n, CounterKeys.GAPS));
            long missing = l.get(LineCounter.MISSING_MESSAGES) - CounterKeys.get(base, CounterKeys.line(n, CounterKeys.MISSING));
            boolean down = !l.isUp() && !notYet;
            long outages = l.get(LineCounter.OUTAGES) - CounterKeys.get(base, CounterKeys.line(n, CounterKeys.OUTAGES));
            double downSeconds = notYet ? 0 : Math.max(0, l.outageNanos(now) - CounterKeys.get(base, CounterKeys.line(n, CounterKeys.OUTAGE_NANOS))) / 1e9;
            long malformed = 0;
            for (io.omdprt.protocol.Malformed r : io.omdprt.protocol.Malformed.REASONS) {
                malformed += l.malformed(r);
            }
            malformed -= CounterKeys.get(base, CounterKeys.line(n, CounterKeys.MALFORMED));
            long kernel = sockets.kernelDrops(c.feedName(), c.label(), n);
            long drops = kernel < 0 ? -1 : kernel - CounterKeys.get(base, CounterKeys.line(n, CounterKeys.KERNEL_DROPS));
            long strays = l.get(LineCounter.STRAY_PACKETS) - CounterKeys.get(base, CounterKeys.line(n, CounterKeys.STRAYS));
            String cause = down ? local.cause(c.feedName(), c.label(), n) : null;
            double localDown = cause == null ? 0
                    : Math.min(downSeconds, Math.max(0, now - local.sinceNanos(c.feedName(), c.label(), n)) / 1e9);
            if (cause != null) {
                localCauses.add(cause);
            } else {
                allLocal = false;
            }
            minLocal = Math.min(minLocal, localDown);
            ChannelFacts.LineFacts f = new ChannelFacts.LineFacts(n, gaps, missing, outages, downSeconds, down, packets > 0 || heard,
                    !young, malformed, drops, strays, localDown, drops > 0 ? gaps : 0,
                    cause != null ? cause : drops > 0 ? "this host's kernel dropped " + drops + " datagrams" : null);
            anyDrops &= drops > 0;
            facts.add(f);
            Health health = Health.of(VerdictPolicy.channel(new ChannelFacts(c.label(), 0, 0, 0, 0, false, List.of(), 0, 0, 0,
                    List.of(f))).verdict());
            lines.add(new Status.Line(n, l.info().site(), cfg.endpoint(), l.isUp(), notYet ? "not received yet" : l.isUp() ? "up" : "DOWN",
                    health, last == 0 ? -1 : Math.max(0, (now - last) / 1e9), packets, gaps, missing, outages, downSeconds, malformed,
                    drops, sockets.receiveBufferBytes(c.feedName(), c.label(), n), cause));
        }
        boolean notYet = !anyHeard && young;
        boolean up = t.isUp();
        long arbGaps = t.get(ChannelCounter.ARBITRATED_GAPS) - CounterKeys.get(base, CounterKeys.ARBITRATED_GAPS);
        long arbMissing = t.get(ChannelCounter.ARBITRATED_MISSING_MESSAGES) - CounterKeys.get(base, CounterKeys.ARBITRATED_MISSING);
        long outages = t.get(ChannelCounter.OUTAGES) - CounterKeys.get(base, CounterKeys.OUTAGES);
        double downSeconds = notYet ? 0 : Math.max(0, t.outageNanos(now) - CounterKeys.get(base, CounterKeys.OUTAGE_NANOS)) / 1e9;
        long drSignals = t.get(ChannelCounter.DR_SIGNALS) - CounterKeys.get(base, CounterKeys.DR_SIGNALS);
        long drStatus = t.get(ChannelCounter.DR_STATUS);
        boolean channelLocal = !up && !notYet && allLocal && !localCauses.isEmpty();
        String channelCause = channelLocal ? String.join("; ", localCauses.stream().distinct().toList())
                : anyDrops && arbGaps > 0 ? "this host's kernel dropped datagrams on every line" : null;
        ChannelFacts cf = new ChannelFacts(c.label(), arbGaps, arbMissing, outages, downSeconds, !up && !notYet,
                drSignals > 0 ? List.of(drStatus) : List.of(), drStatus,
                t.get(ChannelCounter.SEQUENCE_JUMPS) - CounterKeys.get(base, CounterKeys.SEQUENCE_JUMPS),
                t.get(ChannelCounter.SEQUENCE_RESTARTS) - CounterKeys.get(base, CounterKeys.SEQUENCE_RESTARTS), facts,
                channelLocal ? Math.min(minLocal, downSeconds) : 0, anyDrops ? arbGaps : 0, channelCause);
        VerdictPolicy.Judgement j = VerdictPolicy.channel(cf);
        io.omdprt.track.RefreshCheck refresh = t.refreshCheck();
        if (refresh != null) {
            j = VerdictPolicy.refresh(j,
                    refresh.get(io.omdprt.track.RefreshCounter.UNUSABLE_SNAPSHOTS) - CounterKeys.get(base, CounterKeys.REFRESH_UNUSABLE),
                    refresh.get(io.omdprt.track.RefreshCounter.AHEAD) - CounterKeys.get(base, CounterKeys.REFRESH_AHEAD),
                    refresh.get(io.omdprt.track.RefreshCounter.DECREASES) - CounterKeys.get(base, CounterKeys.REFRESH_DECREASES),
                    refresh.get(io.omdprt.track.RefreshCounter.STALLS) - CounterKeys.get(base, CounterKeys.REFRESH_STALLS),
                    refresh.get(io.omdprt.track.RefreshCounter.STALLED) == 1);
        }
        return new Status.Channel(c.label(), c.config().kind().configName(), up, Health.of(j.verdict()), j.verdict(), j.reasons(),
                arbGaps, arbMissing, outages, downSeconds, t.get(ChannelCounter.SEQUENCE_RESETS) - CounterKeys.get(base, CounterKeys.RESETS),
                drStatus, t.uniqueMessages() - CounterKeys.get(base, CounterKeys.MESSAGES), lines);
    }
}
