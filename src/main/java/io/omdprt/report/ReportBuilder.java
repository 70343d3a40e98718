package io.omdprt.report;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.FeedConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.config.WindowConfig;
import io.omdprt.event.CounterKeys;
import io.omdprt.event.ChannelCounts;
import io.omdprt.event.DrStatus;
import io.omdprt.event.Gap;
import io.omdprt.event.Host;
import io.omdprt.event.Lifecycle;
import io.omdprt.event.Located;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Outage;
import io.omdprt.event.Sequence;
import io.omdprt.event.Where;
import io.omdprt.verdict.ChannelFacts;
import io.omdprt.verdict.Verdict;
import io.omdprt.verdict.VerdictPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a window's report from journalled events: per channel the verdict (by the one
 * {@link VerdictPolicy}), totals, every gap, outage, reset and DR event, and the monitor's own
 * downtime. Everything counts from the window's start: nothing before it enters its verdict. Pure:
 * events in, report out.
 */
public final class ReportBuilder {
    /** How far before a window to read, to know what was already down when it started. */
    public static final Duration LOOKBACK = Duration.ofDays(1);

    /**
     * A monitored line, as the inventory lists it.
     *
     * @param iface    its receiving interface by name (what interface events name), or null when not known
     * @param endpoint its group:port, or null when not known
     */
    public record LineRef(String feed, String channel, String line, String site, String iface, String endpoint) {
        public LineRef(String feed, String channel, String line, String site) {
            this(feed, channel, line, site, null, null);
        }

        /** Every line of a config, in config order (interfaces as the config names them). */
        public static List<LineRef> allOf(MonitorConfig config) {
            return allOf(config, java.util.function.UnaryOperator.identity());
        }

        /** Every line of a config, in config order, with {@code interfaceName} naming its interface (one given by address). */
        public static List<LineRef> allOf(MonitorConfig config, java.util.function.UnaryOperator<String> interfaceName) {
            List<LineRef> out = new ArrayList<>();
            for (FeedConfig f : config.feeds()) {
                for (ChannelConfig c : f.channels()) {
                    for (LineConfig l : c.lines()) {
                        out.add(new LineRef(f.name(), c.label(), l.name(), l.site(), interfaceName.apply(l.interfaceName()), l.endpoint()));
                    }
                }
            }
            return out;
        }
    }

    /**
     * The window instance reported on.
     *
     * @param end        its end (for an open-ended window: when it was closed, or the monitor's last record)
     * @param zone       the display zone for the Markdown and HTML
     * @param staleAfter how long a line may be silent before it is down (the window's not-received-yet grace)
     */
    public record WindowSpec(String name, Instant start, Instant end, String description, String zone, Duration staleAfter) {
        public static WindowSpec of(WindowConfig w, MonitorConfig config) {
            return new WindowSpec(w.name(), w.startInstant(), w.endInstant(), w.description(), config.displayZone().getId(),
                    config.liveness().staleAfter());
        }
    }

    private ReportBuilder() {
    }

    /**
     * @param inventory every monitored line, in display order (channels with no event still get a verdict)
     * @param events    events from at least {@link #LOOKBACK} before the window to a little after its end, in time order
     * @param now       when the report is written; before the window's end the report is partial
     */
    public static ReportModel build(WindowSpec window, List<LineRef> inventory, List<MonitorEvent> events, Instant now,
                                    long skippedLines) {
        Instant until = now.isBefore(window.end()) ? now : window.end();
        Map<String, Map<String, List<LineRef>>> byFeed = new LinkedHashMap<>();
        for (LineRef l : inventory) {
            byFeed.computeIfAbsent(l.feed(), f -> new LinkedHashMap<>()).computeIfAbsent(l.channel(), c -> new ArrayList<>()).add(l);
        }
        for (MonitorEvent e : events) {
            if (e instanceof Located l) {
                byFeed.computeIfAbsent(l.where().feed(), f -> new LinkedHashMap<>())
                        .computeIfAbsent(l.where().channel(), c -> new ArrayList<>());
            }
        }
        List<MonitorRuns.Run> runs = MonitorRuns.of(events);
        List<ReportModel.Downtime> downtime = MonitorRuns.downtime(runs, window.start(), until, now);
        boolean runningAtEnd = downtime.isEmpty() || !downtime.get(downtime.size() - 1).to().equals(until.toString());
        List<ReportModel.Feed> feeds = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        List<ReportModel.DrEvent> dr = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<LineRef>>> f : byFeed.entrySet()) {
            List<ReportModel.Channel> channels = new ArrayList<>();
            Verdict feedVerdict = Verdict.PASS;
            for (Map.Entry<String, List<LineRef>> c : f.getValue().entrySet()) {
                ReportModel.Channel channel = new ChannelReport(f.getKey(), c.getKey(), c.getValue(), events, runs, window, until,
                        runningAtEnd).build();
                feedVerdict = Verdict.worst(feedVerdict, channel.verdict());
                verdicts.add(channel.verdict());
                channels.add(channel);
                for (ReportModel.Dr d : channel.drEvents()) {
                    dr.add(new ReportModel.DrEvent(d.time(), f.getKey(), c.getKey(), d.previous(), d.status()));
                }
            }
            feeds.add(new ReportModel.Feed(f.getKey(), feedVerdict, channels));
        }
        double down = round(downtime.stream().mapToDouble(ReportModel.Downtime::seconds).sum());
        VerdictPolicy.Judgement overall = VerdictPolicy.window(verdicts, down, "the monitor was not running");
        ReportModel.Window w = new ReportModel.Window(window.name(), window.start().toString(), window.end().toString(),
                window.description(), window.zone(), now.toString(), !now.isBefore(window.end()), until.toString(),
                window.staleAfter().toMillis() / 1e3);
        Set<String> instances = new LinkedHashSet<>();
        for (MonitorRuns.Run r : runs) {
            if (r.instance() != null && r.lastRecord().isAfter(window.start()) && r.start().isBefore(until)) {
                instances.add(r.instance());
            }
        }
        return new ReportModel(w, new ReportModel.Monitor(new ArrayList<>(instances), downtime, down, skippedLines), overall.verdict(),
                overall.reasons(), dr, feeds);
    }

    /** One channel's part of the report. */
    private record ChannelReport(String feed, String channel, List<LineRef> lineRefs, List<MonitorEvent> all,
                                 List<MonitorRuns.Run> runs, WindowSpec window, Instant until, boolean runningAtEnd) {

        ReportModel.Channel build() {
            Instant start = window.start();
            Map<String, String> interfaces = new LinkedHashMap<>();
            for (LineRef l : lineRefs) {
                interfaces.put(l.line(), l.iface());
            }
            List<MonitorEvent> events = all.stream().filter(e -> e instanceof Lifecycle.Start
                    || e instanceof Located l && feed.equals(l.where().feed()) && channel.equals(l.where().channel())
                    || e instanceof Host.RpFilterDrops || e instanceof Host.OfInterface i && interfaces.containsValue(i.iface()))
                    .toList();
            Set<String> lineNames = new LinkedHashSet<>();
            Map<String, String> sites = new LinkedHashMap<>();
            Map<String, String> endpoints = new LinkedHashMap<>();
            for (LineRef l : lineRefs) {
                lineNames.add(l.line());
                sites.put(l.line(), l.site());
                endpoints.put(l.line(), l.endpoint());
            }
            for (MonitorEvent e : events) {
                if (e instanceof Located l && l.where() instanceof Where.Line w && lineNames.add(w.line())) {
                    sites.put(w.line(), w.site());
                }
            }
            List<ReportModel.Gap> gaps = new ArrayList<>();
            List<ReportModel.Reset> resets = new ArrayList<>();
            List<ReportModel.Dr> dr = new ArrayList<>();
            Map<String, Long> drops = new LinkedHashMap<>();
            Map<String, Long> strays = new LinkedHashMap<>();
            long jumps = 0;
            long restarts = 0;
            long drAtEnd = 0;
            for (MonitorEvent e : events) {
                if (!e.time().isBefore(until)) {
                    break;
                }
                if (e instanceof DrStatus d) {
                    drAtEnd = d.status();
                }
                if (e.time().isBefore(start)) {
                    continue;
                }
                if (e instanceof Gap.OnLine g) {
                    gaps.add(new ReportModel.Gap(e.time().toString(), g.where().line(), g.missing().first(), g.missing().last(),
                            g.missing().messages()));
                } else if (e instanceof Gap.Arbitrated g) {
                    gaps.add(new ReportModel.Gap(e.time().toString(), null, g.missing().first(), g.missing().last(),
                            g.missing().messages()));
                } else if (e instanceof Sequence.Reset r) {
                    resets.add(new ReportModel.Reset(e.time().toString(), r.where().line(), r.newSeqNo()));
                } else if (e instanceof DrStatus d) {
                    dr.add(new ReportModel.Dr(e.time().toString(), d.previous(), d.status()));
                } else if (e instanceof Host.SocketDrops d) {
                    drops.merge(d.where().line(), d.rise(), Long::sum);
                } else if (e instanceof Sequence.Stray s) {
                    strays.merge(s.where().line(), 1L, Long::sum);
                } else if (e instanceof Sequence.Jump) {
                    jumps++;
                } else if (e instanceof Sequence.Restart) {
                    restarts++;
                }
            }
            Duration stale = window.staleAfter();
            for (String line : lineNames) {
                interfaces.putIfAbsent(line, null);
            }
            LocalFaults local = new LocalFaults(events, interfaces, until);
            List<ReportModel.Outage> outages = new ArrayList<>();
            for (ReportModel.Outage o : OutageHistory.of(events, runs, null, start, until, stale, runningAtEnd)) {
                Instant[] span = inWindow(o, start, until);
                double s = local.everyLineSeconds(span[0], span[1]);
                outages.add(s > 0 ? o.local(s, local.everyLineCause(span[0], span[1])) : o);
            }
            for (String line : lineNames) {
                for (ReportModel.Outage o : OutageHistory.of(events, runs, line, start, until, stale, runningAtEnd)) {
                    Instant[] span = inWindow(o, start, until);
                    double s = local.seconds(line, span[0], span[1]);
                    outages.add(s > 0 ? o.local(s, local.cause(line, span[0], span[1])) : o);
                }
            }
            gaps.replaceAll(g -> {
                Instant at = Instant.parse(g.time());
                String cause = g.line() != null ? local.gapCause(g.line(), at) : everyLine(local, lineNames, at);
                return cause == null ? g : new ReportModel.Gap(g.time(), g.line(), g.fromSeq(), g.toSeq(), g.messages(), cause);
            });
            List<ChannelCounts> snapshots = events.stream().filter(ChannelCounts.class::isInstance).map(ChannelCounts.class::cast).toList();
            List<WindowCounts.Interval> intervals = WindowCounts.intervals(snapshots, runs, start, until);
            Map<String, Long> counts = WindowCounts.withPeaks(WindowCounts.of(snapshots, runs, start, until), intervals);
            double countedSeconds = WindowCounts.coveredSeconds(intervals, start);
            long resolution = CounterKeys.get(counts, CounterKeys.BURST_RESOLUTION);
            boolean spanLongEnough = Duration.between(start, until).compareTo(stale) >= 0;
            boolean counted = !snapshots.isEmpty();
            Set<String> heard = new LinkedHashSet<>();
            for (MonitorEvent e : events) {
                if (!e.time().isBefore(start) && e.time().isBefore(until) && heardFrom(e) != null) {
                    heard.add(heardFrom(e));
                }
            }
            List<ReportModel.Line> lines = new ArrayList<>();
            List<ChannelFacts.LineFacts> lineFacts = new ArrayList<>();
            long totalDrops = 0;
            for (String line : lineNames) {
                List<ReportModel.Gap> own = gaps.stream().filter(g -> line.equals(g.line())).toList();
                long missing = own.stream().mapToLong(ReportModel.Gap::messages).sum();
                List<ReportModel.Outage> lineOutages = outages.stream().filter(o -> line.equals(o.line())).toList();
                double downSeconds = round(lineOutages.stream().mapToDouble(ReportModel.Outage::seconds).sum());
                boolean downNow = lineOutages.stream().anyMatch(o -> o.end() == null);
                long lineDrops = drops.getOrDefault(line, 0L);
                totalDrops += lineDrops;
                long packets = CounterKeys.get(counts, CounterKeys.line(line, CounterKeys.PACKETS));
                boolean received = counted ? packets > 0 || heard.contains(line) : lineOutages.isEmpty();
                long malformed = CounterKeys.get(counts, CounterKeys.line(line, CounterKeys.MALFORMED));
                long lineStrays = strays.getOrDefault(line, CounterKeys.get(counts, CounterKeys.line(line, CounterKeys.STRAYS)));
                lines.add(new ReportModel.Line(line, sites.get(line), own.size(), missing, lineOutages.size(), downSeconds, lineDrops,
                        packets, CounterKeys.get(counts, CounterKeys.line(line, CounterKeys.LINE_MESSAGES)),
                        CounterKeys.get(counts, CounterKeys.line(line, CounterKeys.DUPLICATES)), CounterKeys.get(counts, CounterKeys.line(line, CounterKeys.LATE)),
                        malformed, lineStrays, received,
                        WindowCounts.timing(intervals, counts, CounterKeys.hist(line, CounterKeys.LATENCY)), endpoints.get(line),
                        new ReportModel.Traffic(CounterKeys.get(counts, CounterKeys.line(line, CounterKeys.BYTES)),
                                countedSeconds <= 0 ? 0 : Math.round(packets / countedSeconds * 10) / 10.0,
                                CounterKeys.get(counts, CounterKeys.line(line, CounterKeys.SECOND_PACKETS)),
                                CounterKeys.get(counts, CounterKeys.line(line, CounterKeys.SECOND_BYTES)),
                                CounterKeys.get(counts, CounterKeys.line(line, CounterKeys.BURST_PACKETS)),
                                CounterKeys.get(counts, CounterKeys.line(line, CounterKeys.BURST_BYTES)),
                                resolution == 0 ? null : resolution / 1e6),
                        WindowCounts.timing(intervals, Map.of(), CounterKeys.hist(line, CounterKeys.JITTER))));
                double localDown = round(lineOutages.stream().mapToDouble(ReportModel.Outage::localSeconds).sum());
                List<ReportModel.Gap> localGaps = own.stream().filter(g -> g.local() != null).toList();
                lineFacts.add(new ChannelFacts.LineFacts(line, own.size(), missing, lineOutages.size(), downSeconds, downNow, received,
                        spanLongEnough, malformed, lineDrops, lineStrays, localDown, localGaps.size(),
                        firstCause(lineOutages.stream().map(ReportModel.Outage::local), localGaps.stream().map(ReportModel.Gap::local))));
            }
            List<ReportModel.Gap> arbitrated = gaps.stream().filter(g -> g.line() == null).toList();
            long arbMissing = arbitrated.stream().mapToLong(ReportModel.Gap::messages).sum();
            List<ReportModel.Outage> channelOutages = outages.stream().filter(o -> o.line() == null).toList();
            double channelDown = round(channelOutages.stream().mapToDouble(ReportModel.Outage::seconds).sum());
            boolean channelDownNow = channelOutages.stream().anyMatch(o -> o.end() == null);
            List<ReportModel.Gap> localArbitrated = arbitrated.stream().filter(g -> g.local() != null).toList();
            ChannelFacts facts = new ChannelFacts(channel, arbitrated.size(), arbMissing, channelOutages.size(), channelDown,
                    channelDownNow, dr.stream().map(ReportModel.Dr::status).toList(), drAtEnd, jumps, restarts, lineFacts,
                    round(channelOutages.stream().mapToDouble(ReportModel.Outage::localSeconds).sum()), localArbitrated.size(),
                    firstCause(channelOutages.stream().map(ReportModel.Outage::local), localArbitrated.stream().map(ReportModel.Gap::local)));
            VerdictPolicy.Judgement j = VerdictPolicy.channel(facts);
            ReportModel.Refresh refresh = RefreshSection.of(events, counts, start, until);
            if (refresh != null) {
                j = VerdictPolicy.refresh(j, refresh.unusableSnapshots(), refresh.ahead(), refresh.decreases(), refresh.stalls(),
                        refresh.stalledAtEnd());
            }
            return new ReportModel.Channel(channel, j.verdict(), j.reasons(), arbitrated.size(), arbMissing, channelOutages.size(),
                    channelDown, totalDrops, CounterKeys.get(counts, CounterKeys.MESSAGES),
                    WindowCounts.timing(intervals, counts, CounterKeys.hist(null, CounterKeys.SKEW)), lines, gaps, outages, resets, dr,
                    RecoverySection.of(events, start, until, arbMissing), WindowCounts.timeline(intervals, start, new ArrayList<>(lineNames)),
                    refresh);
        }
    }

    /** The line an event shows was received (a gap seen, its first datagram, its outage's end), or null. */
    private static String heardFrom(MonitorEvent e) {
        if (e instanceof Gap.OnLine g) {
            return g.where().line();
        } else if (e instanceof Outage.Receiving r) {
            return r.where().line();
        } else if (e instanceof Outage.Up u && u.where() instanceof Where.Line l) {
            return l.line();
        }
        return null;
    }

    /** The part of an outage inside [start, until]. */
    private static Instant[] inWindow(ReportModel.Outage o, Instant start, Instant until) {
        Instant from = Instant.parse(o.start());
        Instant to = o.end() == null ? until : Instant.parse(o.end());
        return new Instant[] {from.isBefore(start) ? start : from, to.isAfter(until) ? until : to};
    }

    /** An arbitrated gap is local when a local fault explains it on every line. */
    private static String everyLine(LocalFaults local, Set<String> lines, Instant at) {
        List<String> causes = new ArrayList<>();
        for (String line : lines) {
            String c = local.gapCause(line, at);
            if (c == null) {
                return null;
            }
            if (!causes.contains(c)) {
                causes.add(c);
            }
        }
        return causes.isEmpty() ? null : String.join("; ", causes);
    }

    /** The first local cause named, outages first, or null. */
    @SafeVarargs
    private static String firstCause(java.util.stream.Stream<String>... causes) {
        for (java.util.stream.Stream<String> c : causes) {
            String found = c.filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static double seconds(Instant from, Instant to) {
        return round(Duration.between(from, to).toNanos() / 1e9);
    }

    static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
