package io.omdprt.report;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.FeedConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.config.WindowConfig;
import io.omdprt.event.EventType;
import io.omdprt.event.MonitorEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a window's report from journalled events: per channel the verdict, totals, every gap,
 * outage, reset and DR event, and the monitor's own downtime. Pure: events in, report out.
 */
public final class ReportBuilder {
    /** How far before a window to read, to know what was already down when it started. */
    public static final Duration LOOKBACK = Duration.ofDays(1);

    /** A monitored line, as the inventory lists it. */
    public record LineRef(String feed, String channel, String line, String site) {
        /** Every line of a config, in config order. */
        public static List<LineRef> allOf(MonitorConfig config) {
            List<LineRef> out = new ArrayList<>();
            for (FeedConfig f : config.feeds()) {
                for (ChannelConfig c : f.channels()) {
                    for (LineConfig l : c.lines()) {
                        out.add(new LineRef(f.name(), c.label(), l.name(), l.site()));
                    }
                }
            }
            return out;
        }
    }

    /** The window reported on. */
    public record WindowSpec(String name, Instant start, Instant end, String description, String zone) {
        public static WindowSpec of(WindowConfig w) {
            return new WindowSpec(w.name(), w.startInstant(), w.endInstant(), w.description(), w.zone().getId());
        }
    }

    private ReportBuilder() {
    }

    /**
     * @param inventory every monitored line, in display order (channels with no event still get a PASS)
     * @param events    events from at least {@link #LOOKBACK} before the window to its end, in time order
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
            if (e.feed() != null && e.channel() != null) {
                byFeed.computeIfAbsent(e.feed(), f -> new LinkedHashMap<>()).computeIfAbsent(e.channel(), c -> new ArrayList<>());
            }
        }
        List<Instant> restarts = new ArrayList<>();
        for (MonitorEvent e : events) {
            if (e.type() == EventType.MONITOR_START) {
                restarts.add(e.time());
            }
        }
        List<ReportModel.Feed> feeds = new ArrayList<>();
        Verdict overall = Verdict.PASS;
        for (Map.Entry<String, Map<String, List<LineRef>>> f : byFeed.entrySet()) {
            List<ReportModel.Channel> channels = new ArrayList<>();
            Verdict feedVerdict = Verdict.PASS;
            for (Map.Entry<String, List<LineRef>> c : f.getValue().entrySet()) {
                ReportModel.Channel channel = channel(f.getKey(), c.getKey(), c.getValue(), events, window.start(), until, restarts);
                feedVerdict = Verdict.worst(feedVerdict, channel.verdict());
                channels.add(channel);
            }
            overall = Verdict.worst(overall, feedVerdict);
            feeds.add(new ReportModel.Feed(f.getKey(), feedVerdict, channels));
        }
        ReportModel.Window w = new ReportModel.Window(window.name(), window.start().toString(), window.end().toString(),
                window.description(), window.zone(), now.toString(), !now.isBefore(window.end()), until.toString());
        return new ReportModel(w, monitor(events, window.start(), until, skippedLines), overall, feeds);
    }

    private static ReportModel.Channel channel(String feed, String channel, List<LineRef> lineRefs, List<MonitorEvent> all,
                                               Instant start, Instant until, List<Instant> restarts) {
        List<MonitorEvent> events = all.stream().filter(e -> feed.equals(e.feed()) && channel.equals(e.channel())).toList();
        Set<String> lineNames = new LinkedHashSet<>();
        Map<String, String> sites = new LinkedHashMap<>();
        for (LineRef l : lineRefs) {
            lineNames.add(l.line());
            sites.put(l.line(), l.site());
        }
        for (MonitorEvent e : events) {
            if (e.line() != null && lineNames.add(e.line())) {
                sites.put(e.line(), e.site());
            }
        }
        List<ReportModel.Gap> gaps = new ArrayList<>();
        List<ReportModel.Reset> resets = new ArrayList<>();
        List<ReportModel.Dr> dr = new ArrayList<>();
        Map<String, Long> drops = new LinkedHashMap<>();
        for (MonitorEvent e : events) {
            if (e.time().isBefore(start) || !e.time().isBefore(until)) {
                continue;
            }
            switch (e.type()) {
                case LINE_GAP, ARBITRATED_GAP -> gaps.add(new ReportModel.Gap(e.time().toString(),
                        e.type() == EventType.LINE_GAP ? e.line() : null, e.fromSeq(), e.toSeq(), e.messages()));
                case SEQUENCE_RESET -> resets.add(new ReportModel.Reset(e.time().toString(), e.line(), e.value() == null ? 0 : e.value()));
                case DR_STATUS -> dr.add(new ReportModel.Dr(e.time().toString(), e.previous() == null ? 0 : e.previous(),
                        e.value() == null ? 0 : e.value()));
                case SOCKET_DROPS -> drops.merge(e.line(), e.value() - (e.previous() == null ? 0 : e.previous()), Long::sum);
                default -> { }
            }
        }
        List<ReportModel.Outage> outages = new ArrayList<>();
        outages.addAll(outages(events, null, EventType.CHANNEL_DOWN, EventType.CHANNEL_UP, start, until, restarts));
        for (String line : lineNames) {
            outages.addAll(outages(events, line, EventType.LINE_DOWN, EventType.LINE_UP, start, until, restarts));
        }
        List<ReportModel.Line> lines = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long totalDrops = 0;
        for (String line : lineNames) {
            long lineGaps = gaps.stream().filter(g -> line.equals(g.line())).count();
            long missing = gaps.stream().filter(g -> line.equals(g.line())).mapToLong(ReportModel.Gap::messages).sum();
            List<ReportModel.Outage> lineOutages = outages.stream().filter(o -> line.equals(o.line())).toList();
            double down = lineOutages.stream().mapToDouble(ReportModel.Outage::seconds).sum();
            long lineDrops = drops.getOrDefault(line, 0L);
            totalDrops += lineDrops;
            lines.add(new ReportModel.Line(line, sites.get(line), lineGaps, missing, lineOutages.size(), round(down), lineDrops));
            if (lineGaps > 0) {
                warnings.add(String.format(Locale.ROOT, "line %s: %d gap%s (%d messages), covered by another line", line, lineGaps,
                        lineGaps == 1 ? "" : "s", missing));
            }
            if (!lineOutages.isEmpty()) {
                warnings.add(String.format(Locale.ROOT, "line %s down %d time%s (%.1f s)", line, lineOutages.size(),
                        lineOutages.size() == 1 ? "" : "s", down));
            }
        }
        long arbGaps = gaps.stream().filter(g -> g.line() == null).count();
        long arbMissing = gaps.stream().filter(g -> g.line() == null).mapToLong(ReportModel.Gap::messages).sum();
        List<ReportModel.Outage> channelOutages = outages.stream().filter(o -> o.line() == null).toList();
        double channelDown = channelOutages.stream().mapToDouble(ReportModel.Outage::seconds).sum();
        List<String> failures = new ArrayList<>();
        if (arbGaps > 0) {
            failures.add(String.format(Locale.ROOT, "%d messages lost on every line (%d arbitrated gap%s)", arbMissing, arbGaps,
                    arbGaps == 1 ? "" : "s"));
        }
        if (!channelOutages.isEmpty()) {
            failures.add(String.format(Locale.ROOT, "channel down %d time%s (%.1f s, every line at once)", channelOutages.size(),
                    channelOutages.size() == 1 ? "" : "s", channelDown));
        }
        if (totalDrops > 0) {
            failures.add(totalDrops + " datagrams dropped by this host's kernel (local socket drops: the loss may be ours)");
        }
        Verdict verdict = !failures.isEmpty() ? Verdict.FAIL : !warnings.isEmpty() ? Verdict.WARN : Verdict.PASS;
        List<String> reasons = new ArrayList<>(failures);
        reasons.addAll(warnings);
        return new ReportModel.Channel(channel, verdict, reasons, arbGaps, arbMissing, channelOutages.size(), round(channelDown),
                totalDrops, lines, gaps, outages, resets, dr);
    }

    /**
     * Outage intervals of one line (or of the channel, line == null) that overlap [start, until). An
     * outage still open when the monitor restarted ends at the restart's last sign of life.
     */
    private static List<ReportModel.Outage> outages(List<MonitorEvent> events, String line, EventType down, EventType up,
                                                    Instant start, Instant until, List<Instant> restarts) {
        List<ReportModel.Outage> out = new ArrayList<>();
        Instant openSince = null;
        Instant lastSeen = null;
        for (MonitorEvent e : events) {
            if (!Objects.equals(line, e.line()) && e.type() != EventType.MONITOR_START) {
                lastSeen = e.time();
                continue;
            }
            if (openSince != null && restartBetween(restarts, lastSeen, e.time())) {
                add(out, line, openSince, lastSeen, false, start, until);
                openSince = null;
            }
            if (e.type() == down) {
                openSince = e.since() != null ? e.since() : e.time();
            } else if (e.type() == up) {
                Instant from = e.since() != null ? e.since() : openSince;
                if (from != null) {
                    add(out, line, from, e.time(), false, start, until);
                }
                openSince = null;
            }
            lastSeen = e.time();
        }
        if (openSince != null) {
            boolean restarted = lastSeen != null && restartBetween(restarts, lastSeen, until);
            add(out, line, openSince, restarted ? lastSeen : until, !restarted, start, until);
        }
        return out;
    }

    private static boolean restartBetween(List<Instant> restarts, Instant after, Instant before) {
        if (after == null) {
            return false;
        }
        for (Instant r : restarts) {
            if (r.isAfter(after) && !r.isAfter(before)) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<ReportModel.Outage> out, String line, Instant from, Instant to, boolean ongoing, Instant start,
                            Instant until) {
        Instant a = from.isBefore(start) ? start : from;
        Instant b = to.isAfter(until) ? until : to;
        if (!a.isBefore(b)) {
            return;
        }
        out.add(new ReportModel.Outage(line, from.toString(), ongoing ? null : to.toString(),
                round(Duration.between(a, b).toNanos() / 1e9), ongoing));
    }

    /** When the monitor was not running during [start, until), and which instances ran in it. */
    private static ReportModel.Monitor monitor(List<MonitorEvent> events, Instant start, Instant until, long skipped) {
        Set<String> instances = new LinkedHashSet<>();
        List<ReportModel.Downtime> downtime = new ArrayList<>();
        boolean running = false;
        String instance = null;
        Instant lastSeen = null;
        Instant downSince = start;
        String reason = "not-running";
        for (MonitorEvent e : events) {
            if (!e.time().isBefore(until)) {
                break;
            }
            if (running && instance != null && !e.time().isBefore(start)) {
                instances.add(instance);
            }
            if (e.type() == EventType.MONITOR_START) {
                if (running && lastSeen != null) {
                    downSince = lastSeen;
                    reason = "crashed";
                }
                if (downSince != null) {
                    addDowntime(downtime, downSince, e.time(), reason, start, until);
                }
                running = true;
                downSince = null;
                instance = e.detail() == null ? "unknown" : instanceOf(e.detail());
                if (!e.time().isBefore(start)) {
                    instances.add(instance);
                }
            } else if (e.type() == EventType.MONITOR_STOP) {
                running = false;
                downSince = e.time();
                reason = "stopped";
            }
            if (e.type() != EventType.MONITOR_STOP) {
                lastSeen = e.time();
            }
        }
        if (running && instance != null) {
            instances.add(instance);
        }
        if (!running && downSince != null) {
            addDowntime(downtime, downSince, until, reason, start, until);
        } else if (running && lastSeen != null && Duration.between(lastSeen, until).compareTo(Duration.ofSeconds(30)) > 0) {
            addDowntime(downtime, lastSeen, until, "crashed", start, until);
        }
        double total = downtime.stream().mapToDouble(ReportModel.Downtime::seconds).sum();
        return new ReportModel.Monitor(new ArrayList<>(instances), downtime, round(total), skipped);
    }

    private static void addDowntime(List<ReportModel.Downtime> out, Instant from, Instant to, String reason, Instant start,
                                    Instant until) {
        Instant a = from.isBefore(start) ? start : from;
        Instant b = to.isAfter(until) ? until : to;
        if (a.isBefore(b)) {
            out.add(new ReportModel.Downtime(a.toString(), b.toString(), round(Duration.between(a, b).toNanos() / 1e9), reason));
        }
    }

    private static String instanceOf(String detail) {
        int i = detail.indexOf("instance=");
        if (i < 0) {
            return detail;
        }
        int end = detail.indexOf(';', i);
        return detail.substring(i + 9, end < 0 ? detail.length() : end);
    }

    static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
