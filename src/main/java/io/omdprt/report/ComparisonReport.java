package io.omdprt.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A comparison as comparison.json, comparison.md and comparison.html (the two windows' plots overlaid, each from its start). */
public final class ComparisonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonReport() {
    }

    public static List<Path> write(Comparison.Result result, ReportModel baseline, ReportModel current, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("comparison.json");
        Path md = dir.resolve("comparison.md");
        Path html = dir.resolve("comparison.html");
        Files.write(json, JSON.writeValueAsBytes(result));
        Files.writeString(md, markdown(result), StandardCharsets.UTF_8);
        Files.writeString(html, html(result, baseline, current), StandardCharsets.UTF_8);
        return List.of(json, md, html);
    }

    public static String markdown(Comparison.Result r) {
        StringBuilder m = new StringBuilder();
        m.append("# Comparison: ").append(r.regressed() ? "REGRESSED" : "no regression").append("\n\n")
                .append("- baseline: ").append(r.baseline()).append(" (").append(r.baselineWindow()).append(")\n")
                .append("- current: ").append(r.current()).append(" (").append(r.currentWindow()).append(")\n\n");
        for (String s : r.regressions()) {
            m.append("- **").append(s).append("**\n");
        }
        for (Comparison.ChannelComparison c : r.channels()) {
            m.append("\n## ").append(c.feed()).append(" / ").append(c.channel()).append(c.regressed() ? " — REGRESSED" : "").append("\n\n");
            if (c.note() != null) {
                m.append(c.note()).append("\n");
                continue;
            }
            table(m, "channel", c.values());
            for (Comparison.LineComparison l : c.lines()) {
                table(m, "line " + l.line() + " (" + l.baselineEndpoint() + " / " + l.currentEndpoint() + ")", l.values());
            }
        }
        return m.toString();
    }

    private static void table(StringBuilder m, String title, List<Comparison.Value> values) {
        m.append("\n| ").append(title).append(" | baseline | current | change | |\n|---|---|---|---|---|\n");
        for (Comparison.Value v : values) {
            m.append("| ").append(v.label()).append(" (").append(v.unit()).append(") | ").append(num(v.baseline())).append(" | ")
                    .append(num(v.current())).append(" | ").append(change(v)).append(" | ").append(v.regressed() ? "**regressed**" : "")
                    .append(" |\n");
        }
    }

    static String html(Comparison.Result r, ReportModel baseline, ReportModel current) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Comparison — ")
                .append(r.regressed() ? "REGRESSED" : "no regression").append("</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#222;max-width:70em}")
                .append("table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left}")
                .append("th{background:#f2f2f2}.regressed{background:#ffc9c9;font-weight:700}svg text{font:11px system-ui,sans-serif}")
                .append(".legend span{margin-right:1.2em}")
                .append(".tick{stroke:#ddd}").append(ChannelPlots.STYLE).append("</style></head><body>\n");
        h.append("<h1>Comparison: ").append(r.regressed() ? "REGRESSED" : "no regression").append("</h1>\n<table>")
                .append("<tr><th>baseline (dashed)</th><td>").append(HtmlReport.esc(r.baseline())).append(" — ")
                .append(HtmlReport.esc(r.baselineWindow())).append("</td></tr><tr><th>current (solid)</th><td>")
                .append(HtmlReport.esc(r.current())).append(" — ").append(HtmlReport.esc(r.currentWindow())).append("</td></tr></table>\n");
        h.append("<p class=\"legend\">Plots: each window from its own start; the baseline's lines and marks dashed, the current's ")
                .append("solid. <span style=\"color:#f29900\">| line gap</span> <span style=\"color:#a50e0e\">| real loss</span> ")
                .append("<span style=\"color:#d93025\">▮ outage</span></p>\n");
        if (!r.regressions().isEmpty()) {
            h.append("<ul class=\"regressions\">");
            r.regressions().forEach(s -> h.append("<li class=\"regressed\">").append(HtmlReport.esc(s)).append("</li>"));
            h.append("</ul>\n");
        }
        Instant bStart = Instant.parse(baseline.window().start());
        Instant cStart = Instant.parse(current.window().start());
        double span = Math.max(ChannelPlots.seconds(bStart, Instant.parse(baseline.window().coveredUntil())),
                ChannelPlots.seconds(cStart, Instant.parse(current.window().coveredUntil())));
        for (Comparison.ChannelComparison c : r.channels()) {
            h.append("<h2>").append(HtmlReport.esc(c.feed() + " / " + c.channel())).append(c.regressed() ? " — REGRESSED" : "")
                    .append("</h2>\n");
            if (c.note() != null) {
                h.append("<p>").append(HtmlReport.esc(c.note())).append("</p>\n");
                continue;
            }
            htmlTable(h, "channel", c.values());
            for (Comparison.LineComparison l : c.lines()) {
                htmlTable(h, "line " + l.line(), l.values());
            }
            List<ChannelPlots.Source> sources = new ArrayList<>();
            sources.add(new ChannelPlots.Source("baseline", true, channel(baseline, c), bStart));
            sources.add(new ChannelPlots.Source("current", false, channel(current, c), cStart));
            ChannelPlots.render(h, c.feed() + "/" + c.channel(), sources, span, ComparisonReport::elapsed);
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void htmlTable(StringBuilder h, String title, List<Comparison.Value> values) {
        h.append("<table><tr><th>").append(HtmlReport.esc(title)).append("</th><th>baseline</th><th>current</th><th>change</th></tr>");
        for (Comparison.Value v : values) {
            h.append("<tr").append(v.regressed() ? " class=\"regressed\"" : "").append("><td>").append(HtmlReport.esc(v.label()))
                    .append(" (").append(HtmlReport.esc(v.unit())).append(")</td><td>").append(num(v.baseline())).append("</td><td>")
                    .append(num(v.current())).append("</td><td>").append(HtmlReport.esc(change(v))).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static ReportModel.Channel channel(ReportModel r, Comparison.ChannelComparison c) {
        return r.feeds().stream().filter(f -> f.name().equals(c.feed())).flatMap(f -> f.channels().stream())
                .filter(x -> x.channel().equals(c.channel())).findFirst().orElseThrow();
    }

    /** Time from the window's start, +h:mm:ss. */
    private static String elapsed(double seconds) {
        long s = (long) seconds;
        return String.format(java.util.Locale.ROOT, "+%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String num(Double v) {
        return v == null ? "–" : Plots.number(v);
    }

    private static String change(Comparison.Value v) {
        if (v.change() == null) {
            return "";
        }
        return (v.change() > 0 ? "+" : "") + Plots.number(v.change()) + (v.percent() == null ? ""
                : String.format(java.util.Locale.ROOT, " (%+.0f %%)", v.percent()));
    }

    /** The thresholds as given on the command line, over the defaults. */
    public static Map<String, Comparison.Threshold> thresholds(List<String> overrides) {
        Map<String, Comparison.Threshold> m = Comparison.defaults();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            String key = eq < 0 ? o : o.substring(0, eq);
            if (eq < 0 || Comparison.Figure.of(key) == null) {
                throw new IllegalArgumentException("--threshold: expected FIGURE=PERCENT%,ABSOLUTE with FIGURE one of "
                        + java.util.Arrays.stream(Comparison.Figure.values()).map(Comparison.Figure::key).toList() + ", got " + o);
            }
            String value = o.substring(eq + 1).trim();
            if (value.equals("off")) {
                m.remove(key);
            } else {
                try {
                    m.put(key, Comparison.Threshold.parse(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--threshold " + key + ": expected PERCENT%,ABSOLUTE such as 50%,1 or off, got " + value);
                }
            }
        }
        return m;
    }
}
