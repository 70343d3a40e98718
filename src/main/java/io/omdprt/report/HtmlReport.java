package io.omdprt.report;

import io.omdprt.text.Counts;
import io.omdprt.time.DisplayTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML file (no scripts, fonts or images from elsewhere), with a
 * timeline per channel drawn in inline SVG: a band per line (green up, red down, grey while the
 * monitor itself was down) and a marker per gap.
 */
public final class HtmlReport {
    static final int WIDTH = 960;
    static final int LABEL = 90;
    static final int ROW = 22;

    private HtmlReport() {
    }

    public static String render(ReportModel r) {
        ReportModel.Window w = r.window();
        DisplayTime t = DisplayTime.of(w.zone());
        StringBuilder h = new StringBuilder(32 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>PRT report ").append(esc(w.name()))
                .append(" — ").append(r.verdict()).append("</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#222;max-width:70em}")
                .append("h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}table{border-collapse:collapse;margin:.5em 0}")
                .append("th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left}th{background:#f2f2f2}")
                .append(".PASS{background:#d8f5d8}.WARN{background:#ffe9b3}.FAIL{background:#ffc9c9}")
                .append(".verdict{font-weight:700;padding:.1em .6em;border-radius:.6em}")
                .append("svg text{font:11px system-ui,sans-serif}.up{fill:#3aa655}.down{fill:#d93025}.monitor-down{fill:#9e9e9e}")
                .append(".dr{background:#c62828;color:#fff;padding:.4em .8em}.dr.done{background:#ef6c00}.tick{stroke:#bbb}")
                .append(".gap-marker{fill:#f29900}.gap-marker.arbitrated{fill:#a50e0e}.legend span{margin-right:1.2em}")
                .append(ChannelPlots.STYLE)
                .append("</style></head><body>\n");
        h.append("<h1>PRT report: ").append(esc(w.name())).append(" <span class=\"verdict ").append(r.verdict()).append("\">")
                .append(r.verdict()).append("</span></h1>\n<table>");
        row(h, "window", esc(t.dateTime(w.start())) + " to " + esc(t.dateTime(w.end())) + " (" + esc(w.zone()) + ")");
        if (!w.description().isEmpty()) {
            row(h, "description", esc(w.description()));
        }
        String incomplete = MarkdownReport.incompleteNote(r);
        row(h, "generated", esc(t.dateTime(w.generatedAt())) + (incomplete == null ? "" : " — <b>" + esc(incomplete) + "</b>"));
        row(h, "monitor", esc(String.join(", ", r.monitor().instances())));
        row(h, MarkdownReport.downtimeLabel(r), Counts.seconds(r.monitor().downtimeSeconds()));
        h.append("</table>\n");
        for (ReportModel.DrEvent d : r.dr()) {
            h.append("<p class=\"dr").append(d.status() == 1 ? "" : " done").append("\"><b>DR signal</b> ").append(esc(t.dateTime(d.time()))).append(" on ").append(esc(d.feed())).append('/')
                    .append(esc(d.channel())).append(": ").append(esc(io.omdprt.verdict.VerdictPolicy.drName(d.status()))).append("</p>\n");
        }
        if (!r.reasons().isEmpty()) {
            h.append("<ul class=\"window-reasons\">");
            for (String reason : r.reasons()) {
                h.append("<li>").append(esc(reason)).append("</li>");
            }
            h.append("</ul>\n");
        }
        h.append("<p>").append(MarkdownReport.LEGEND).append("</p>\n");
        h.append("<table><tr><th>feed</th><th>channel</th><th>verdict</th><th>real loss (messages)</th><th>channel outages</th>")
                .append("<th>line gaps</th><th>line outages</th><th>local drops (kernel)</th></tr>\n");
        for (ReportModel.Feed f : r.feeds()) {
            for (ReportModel.Channel c : f.channels()) {
                h.append("<tr class=\"").append(c.verdict()).append("\"><td>").append(esc(f.name())).append("</td><td>")
                        .append(esc(c.channel())).append("</td><td>").append(c.verdict()).append("</td><td>")
                        .append(n(c.arbitratedMissingMessages())).append("</td><td>").append(n(c.outages())).append("</td><td>")
                        .append(n(c.lines().stream().mapToLong(ReportModel.Line::gaps).sum())).append("</td><td>")
                        .append(n(c.lines().stream().mapToLong(ReportModel.Line::outages).sum())).append("</td><td>")
                        .append(n(c.socketDrops())).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        if (r.capture() != null) {
            capture(h, r.capture());
        }
        h.append("<p class=\"legend\"><span style=\"color:#3aa655\">■ up</span><span style=\"color:#d93025\">■ down</span>")
                .append("<span style=\"color:#9e9e9e\">■ ").append(r.capture() != null ? "not captured" : "monitor not running")
                .append("</span><span style=\"color:#f29900\">▲ line gap</span>")
                .append("<span style=\"color:#a50e0e\">▲ real loss</span></p>\n");
        Instant start = Instant.parse(w.start());
        Instant until = Instant.parse(w.coveredUntil());
        for (ReportModel.Feed f : r.feeds()) {
            for (ReportModel.Channel c : f.channels()) {
                h.append("<h2>").append(esc(f.name())).append(" / ").append(esc(c.channel())).append(" <span class=\"verdict ")
                        .append(c.verdict()).append("\">").append(c.verdict()).append("</span></h2>\n<ul>");
                for (String reason : c.reasons()) {
                    h.append("<li>").append(esc(reason)).append("</li>");
                }
                if (c.reasons().isEmpty()) {
                    h.append("<li>nothing to report</li>");
                }
                h.append("</ul>\n");
                timeline(h, f.name(), c, r.monitor(), start, until, t);
                ChannelPlots.render(h, f.name() + "/" + c.channel(), List.of(new ChannelPlots.Source("", false, c, start)),
                        ChannelPlots.seconds(start, until), s -> t.clock(start.plusMillis((long) (s * 1000))));
                details(h, c, t);
            }
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void timeline(StringBuilder h, String feed, ReportModel.Channel c, ReportModel.Monitor monitor, Instant start,
                                 Instant until, DisplayTime t) {
        List<String> rows = new ArrayList<>();
        rows.add(null);
        for (ReportModel.Line l : c.lines()) {
            rows.add(l.line());
        }
        int height = rows.size() * ROW + 18;
        double span = Math.max(1, Duration.between(start, until).toMillis());
        h.append("<svg class=\"timeline\" data-channel=\"").append(esc(feed)).append('/').append(esc(c.channel()))
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">\n");
        int plot = WIDTH - LABEL - 10;
        for (int i = 0; i < rows.size(); i++) {
            String line = rows.get(i);
            int y = i * ROW + 2;
            h.append("<text x=\"2\" y=\"").append(y + 14).append("\">").append(line == null ? "channel" : "line " + esc(line))
                    .append("</text>");
            h.append("<rect class=\"band up\" data-line=\"").append(line == null ? "channel" : esc(line)).append("\" x=\"")
                    .append(LABEL).append("\" y=\"").append(y).append("\" width=\"").append(plot).append("\" height=\"")
                    .append(ROW - 6).append("\"/>");
            for (ReportModel.Outage o : c.outageList()) {
                if ((line == null && o.line() == null) || (line != null && line.equals(o.line()))) {
                    Instant from = Instant.parse(o.start());
                    Instant to = o.end() == null ? until : Instant.parse(o.end());
                    band(h, "band down", line, from, to, start, until, span, plot, y, t);
                }
            }
            for (ReportModel.Downtime d : monitor.downtime()) {
                band(h, "band monitor-down", line, Instant.parse(d.from()), Instant.parse(d.to()), start, until, span, plot, y, t);
            }
            for (ReportModel.Gap g : c.gaps()) {
                boolean here = (line == null && g.line() == null) || (line != null && line.equals(g.line()));
                if (here) {
                    double x = LABEL + plot * Math.min(1, Math.max(0, Duration.between(start, Instant.parse(g.time())).toMillis() / span));
                    h.append("<path class=\"gap-marker").append(g.line() == null ? " arbitrated" : "").append("\" d=\"M")
                            .append(fmt(x)).append(' ').append(y + ROW - 6).append(" l-5 8 l10 0 z\"><title>")
                            .append(g.line() == null ? "real loss " : "line gap ").append(g.fromSeq()).append("–").append(g.toSeq())
                            .append(" at ").append(esc(t.dateTime(g.time()))).append("</title></path>");
                }
            }
            h.append('\n');
        }
        int axis = rows.size() * ROW + 14;
        long step = tickStep(Duration.between(start, until));
        long first = (start.toEpochMilli() / step + 1) * step;
        for (long ms = first; ms < until.toEpochMilli(); ms += step) {
            double x = LABEL + plot * (ms - start.toEpochMilli()) / span;
            h.append("<line class=\"tick\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"0\" y2=\"")
                    .append(axis - 10).append("\"/><text class=\"tick-label\" x=\"").append(fmt(x)).append("\" y=\"").append(axis)
                    .append("\" text-anchor=\"middle\">").append(t.clock(Instant.ofEpochMilli(ms))).append("</text>");
        }
        h.append("<text x=\"2\" y=\"").append(axis).append("\">").append(esc(t.label(start).split(",")[0])).append("</text>\n</svg>\n");
    }

    /** A round tick interval giving about 4 to 10 ticks over the span. */
    static long tickStep(Duration span) {
        long[] steps = {1_000, 5_000, 10_000, 30_000, 60_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000};
        long ms = Math.max(1, span.toMillis());
        for (long s : steps) {
            if (ms / s <= 10) {
                return s;
            }
        }
        return 86_400_000L;
    }

    private static void band(StringBuilder h, String css, String line, Instant from, Instant to, Instant start, Instant until,
                             double span, int plot, int y, DisplayTime t) {
        Instant a = from.isBefore(start) ? start : from;
        Instant b = to.isAfter(until) ? until : to;
        if (!a.isBefore(b)) {
            return;
        }
        double x0 = LABEL + plot * Duration.between(start, a).toMillis() / span;
        double x1 = LABEL + plot * Duration.between(start, b).toMillis() / span;
        h.append("<rect class=\"").append(css).append("\" data-line=\"").append(line == null ? "channel" : esc(line))
                .append("\" x=\"").append(fmt(x0)).append("\" y=\"").append(y).append("\" width=\"").append(fmt(Math.max(2, x1 - x0)))
                .append("\" height=\"").append(ROW - 6).append("\"><title>").append(esc(t.dateTime(from))).append(" to ")
                .append(esc(t.dateTime(to))).append("</title></rect>");
    }

    private static void details(StringBuilder h, ReportModel.Channel c, DisplayTime t) {
        h.append("<p>").append(n(c.messages())).append(" distinct messages · A/B skew ").append(esc(MarkdownReport.timing(c.skew())))
                .append("</p>\n");
        h.append("<table><tr><th>line</th><th>site</th><th>packets</th><th>messages</th><th>gaps</th><th>missing messages</th>")
                .append("<th>late</th><th>duplicates</th><th>outages</th><th>time down</th><th>local drops</th><th>malformed</th>")
                .append("<th>strays</th><th>feed latency</th><th>endpoint</th><th>1 ms peak</th><th>packets/s mean / peak</th>")
                .append("<th>jitter</th></tr>");
        for (ReportModel.Line l : c.lines()) {
            h.append("<tr><td>").append(esc(l.line())).append("</td><td>").append(esc(l.site())).append("</td><td>").append(n(l.packets()))
                    .append("</td><td>").append(n(l.messages())).append("</td><td>").append(n(l.gaps())).append("</td><td>")
                    .append(n(l.missingMessages())).append("</td><td>").append(n(l.lateMessages())).append("</td><td>")
                    .append(n(l.duplicates())).append("</td><td>").append(n(l.outages())).append("</td><td>")
                    .append(Counts.seconds(l.outageSeconds())).append("</td><td>").append(n(l.socketDrops())).append("</td><td>")
                    .append(n(l.malformed())).append("</td><td>").append(n(l.strays())).append("</td><td>")
                    .append(esc(MarkdownReport.timing(l.latency()))).append("</td><td>").append(esc(String.valueOf(l.endpoint())))
                    .append("</td><td>").append(esc(MarkdownReport.burst(l.traffic()))).append("</td><td>")
                    .append(esc(MarkdownReport.rates(l.traffic()))).append("</td><td>").append(esc(MarkdownReport.timing(l.jitter())))
                    .append("</td></tr>");
        }
        h.append("</table>\n");
        if (!c.gaps().isEmpty()) {
            h.append("<table><tr><th>gap at</th><th>line</th><th>sequence numbers</th><th>messages</th></tr>");
            for (ReportModel.Gap g : c.gaps()) {
                h.append("<tr").append(g.line() == null ? " class=\"FAIL\"" : "").append("><td>").append(esc(t.dateTime(g.time())))
                        .append("</td><td>").append(g.line() == null ? "every line (real loss)" : esc(g.line())).append("</td><td>")
                        .append(g.fromSeq()).append("–").append(g.toSeq()).append("</td><td>").append(n(g.messages())).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        if (!c.outageList().isEmpty()) {
            h.append("<table><tr><th>outage of</th><th>from</th><th>to</th><th>length in window</th><th>monitor not running</th></tr>");
            for (ReportModel.Outage o : c.outageList()) {
                h.append("<tr><td>").append(o.line() == null ? "<b>channel</b>" : "line " + esc(o.line())).append("</td><td>")
                        .append(esc(t.dateTime(o.start()))).append("</td><td>").append(o.end() == null ? (o.ongoing() ? "ongoing" : "window end")
                        : esc(t.dateTime(o.end()))).append("</td><td>").append(Counts.seconds(o.seconds())).append("</td><td>")
                        .append(o.unobservedSeconds() > 0 ? Counts.seconds(o.unobservedSeconds()) + " unobserved" : "")
                        .append("</td></tr>");
            }
            h.append("</table>\n");
        }
        if (c.refresh() != null) {
            h.append("<p class=\"refresh\"><b>Refresh:</b> ").append(esc(RefreshSection.line(c.refresh()))).append("</p>\n");
        }
        if (c.recovery() != null) {
            ReportModel.Recovery rc = c.recovery();
            h.append("<p class=\"rts\"><b>Recoverable from RTS: ").append(esc(rc.recoverable())).append("</b> — ").append(esc(rc.why()))
                    .append("</p>\n<table><tr><th>RTS at</th><th>check</th><th>sequence numbers</th><th>status</th><th>result</th></tr>");
            for (ReportModel.RtsCheck k : rc.checks()) {
                h.append("<tr><td>").append(esc(t.dateTime(k.time()))).append("</td><td>").append(esc(k.purpose()))
                        .append(k.asked() ? "" : " (not asked)").append("</td><td>")
                        .append(k.fromSeq() == null ? "" : k.fromSeq() + "–" + k.toSeq()).append("</td><td>")
                        .append(k.status() == null ? "" : k.status()).append("</td><td>").append(esc(k.detail())).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        for (ReportModel.Reset s : c.resets()) {
            h.append("<div>").append(esc(t.dateTime(s.time()))).append(" sequence reset on line ").append(esc(s.line())).append("</div>");
        }
        for (ReportModel.Dr d : c.drEvents()) {
            h.append("<div>").append(esc(t.dateTime(d.time()))).append(" DR status ").append(d.previous()).append(" → ").append(d.status())
                    .append(" (").append(esc(io.omdprt.verdict.VerdictPolicy.drName(d.status()))).append(")</div>");
        }
    }

    private static void capture(StringBuilder h, ReportModel.Capture c) {
        h.append("<h2 id=\"capture\">Capture</h2>\n");
        if (!c.complete()) {
            h.append("<p class=\"FAIL\"><b>Incomplete:</b> ").append(esc(c.error()))
                    .append(". This report covers what was read before it.</p>\n");
        }
        h.append("<table>");
        row(h, "first datagram", esc(MarkdownReport.orNone(c.first())));
        row(h, "last datagram", esc(MarkdownReport.orNone(c.last())));
        row(h, "packets read", n(c.packetsRead()));
        row(h, "datagrams analysed", n(c.datagramsAnalysed()));
        row(h, "skipped", n(c.skipped().values().stream().mapToLong(Long::longValue).sum()));
        row(h, "to unknown destinations", n(c.unknownDatagrams()) + " datagrams, " + n(c.unknownDestinations()) + " destinations");
        h.append("</table>\n<table><tr><th>file</th><th>format</th><th>link type</th><th>bytes</th><th>packets</th><th>first</th>")
                .append("<th>last</th></tr>");
        for (ReportModel.CaptureFile f : c.files()) {
            h.append("<tr><td>").append(esc(f.path())).append("</td><td>").append(esc(f.format())).append("</td><td>")
                    .append(esc(f.linkType())).append("</td><td>").append(n(f.bytes())).append("</td><td>").append(n(f.packets()))
                    .append("</td><td>").append(esc(MarkdownReport.orNone(f.first()))).append("</td><td>")
                    .append(esc(MarkdownReport.orNone(f.last()))).append("</td></tr>");
        }
        h.append("</table>\n<table class=\"skipped\"><tr><th>skipped because</th><th>packets</th></tr>");
        c.skipped().forEach((reason, n) -> h.append("<tr><td>").append(esc(reason)).append("</td><td>").append(n(n)).append("</td></tr>"));
        h.append("</table>\n");
        if (!c.topUnknownDestinations().isEmpty()) {
            h.append("<table class=\"unknown\"><tr><th>unknown destination</th><th>datagrams</th></tr>");
            for (ReportModel.Destination d : c.topUnknownDestinations()) {
                h.append("<tr><td>").append(esc(d.destination())).append("</td><td>").append(n(d.datagrams())).append("</td></tr>");
            }
            h.append("</table>\n");
        }
    }

    private static void row(StringBuilder h, String key, String valueHtml) {
        h.append("<tr><th>").append(key).append("</th><td>").append(valueHtml).append("</td></tr>");
    }

    /** A count with thousands separators. */
    private static String n(long count) {
        return Counts.number(count);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
