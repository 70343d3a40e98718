package io.omdprt.http;

import io.omdprt.status.Status;
import io.omdprt.text.Counts;
import java.util.Locale;

/**
 * The status page: one self-contained HTML document (no scripts, fonts or images from elsewhere),
 * refreshing itself every two seconds, green / amber / red per channel and line.
 */
public final class StatusPage {
    private StatusPage() {
    }

    public static String render(Status s) {
        StringBuilder h = new StringBuilder(16 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"2\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(s.verdict().name())).append(" · OMD PRT monitor · ").append(esc(s.monitor()))
                .append("</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:1.2em;background:#fafafa;color:#222}")
                .append("h1{font-size:1.3em;margin:0 0 .2em}h2{font-size:1.1em;margin:1.2em 0 .3em}")
                .append(".meta{color:#666;margin-bottom:.8em}")
                .append("table{border-collapse:collapse;background:#fff;min-width:60em}")
                .append("th,td{border:1px solid #ddd;padding:.25em .6em;text-align:right}th{background:#f0f0f0}")
                .append("td.l,th.l{text-align:left}td.v{min-width:24em}")
                .append(".green{background:#d8f5d8}.amber{background:#ffe9b3}.red{background:#ffc9c9;font-weight:600}")
                .append(".badge{display:inline-block;padding:.1em .6em;border-radius:.8em;font-weight:600}")
                .append(".win{margin:.4em 0;padding:.4em .8em;background:#e8f0ff;border:1px solid #b8ccf5;display:inline-block}")
                .append(".dr{margin:.4em 0;padding:.6em 1em;background:#c62828;color:#fff;font-weight:700;font-size:1.1em}")
                .append(".dr.done{background:#ef6c00}")
                .append("</style></head><body>\n");
        h.append("<h1>OMD PRT monitor <span class=\"badge ").append(s.health().css()).append("\">")
                .append(s.verdict().name()).append("</span></h1>\n");
        h.append("<div class=\"meta\">").append(esc(s.monitor())).append(" at the ").append(esc(s.receiverSite()))
                .append(" site · ").append(esc(s.timeDisplay())).append(" · up ").append(duration(s.uptimeSeconds()))
                .append(" · ").append(esc(s.transport())).append(" · v").append(esc(s.version()))
                .append(" · <a href=\"/reports/\">window reports</a> · <a href=\"/metrics\">metrics</a> · <a href=\"/api/status\">status JSON</a></div>\n");
        if (s.drStatus() == 1) {
            h.append("<div class=\"dr\">DR: HKEX site failover in progress (DR Signal status 1)</div>\n");
        } else if (s.drStatus() == 2) {
            h.append("<div class=\"dr done\">DR: HKEX site failover completed (DR Signal status 2)</div>\n");
        }
        for (Status.Window w : s.windows()) {
            if (w.active()) {
                h.append("<div class=\"win\">Window <b>").append(esc(w.name())).append("</b> active: ")
                        .append(esc(w.start())).append(" to ").append(esc(w.end())).append(w.description().isEmpty() ? "" : " · ")
                        .append(esc(w.description())).append("</div>\n");
            }
        }
        if (s.nextWindow() != null) {
            h.append("<div class=\"win next\">No window active. Next: <b>").append(esc(s.nextWindow().name())).append("</b> ")
                    .append(esc(s.nextWindow().start())).append(" to ").append(esc(s.nextWindow().end())).append("</div>\n");
        }
        Status.Storage st = s.storage();
        h.append("<div class=\"meta storage\">Storage: journal ").append(Counts.bytes(st.journalBytes())).append(" (kept ")
                .append(Counts.of(st.journalRetentionDays(), "day")).append(") in ").append(esc(st.journalDir())).append(" · reports ")
                .append(Counts.bytes(st.reportsBytes())).append(" (kept ").append(Counts.of(st.reportsRetentionDays(), "day"))
                .append(") in ").append(esc(st.reportsDir())).append("</div>\n");
        h.append("<div class=\"meta\">Counting ").append(esc(s.countingFrom())).append(", from ").append(esc(s.countingSinceDisplay()))
                .append("</div>\n");
        for (Status.Feed f : s.feeds()) {
            h.append("<h2>").append(esc(f.name())).append(" <small>(").append(esc(f.protocol())).append(")</small></h2>\n")
                    .append("<table><tr><th class=\"l\">channel</th><th class=\"l\">line</th><th class=\"l\">site</th>")
                    .append("<th class=\"l\">group:port</th><th>state</th><th>last packet</th><th>packets</th><th>messages</th>")
                    .append("<th>gaps</th><th>missing</th><th>outages</th><th>down for</th><th>resets</th><th>DR</th>")
                    .append("<th>malformed</th><th>kernel drops</th><th class=\"l\">verdict</th></tr>\n");
            for (Status.Channel c : f.channels()) {
                h.append("<tr class=\"").append(c.health().css()).append("\"><td class=\"l\"><b>").append(esc(c.channel()))
                        .append("</b> ").append(c.kind().equals(c.channel()) ? "" : esc(c.kind())).append("</td><td class=\"l\" colspan=\"3\">")
                        .append("every line (arbitrated)</td><td>").append(c.up() ? "up" : "DOWN").append("</td><td></td><td></td><td>")
                        .append(n(c.messages())).append("</td><td title=\"arbitrated: lost on every line\">").append(n(c.arbitratedGaps()))
                        .append("</td><td>").append(n(c.arbitratedMissingMessages())).append("</td><td>").append(n(c.outages()))
                        .append("</td><td>").append(duration(c.outageSeconds())).append("</td><td>").append(n(c.sequenceResets()))
                        .append("</td><td>").append(drText(c.drStatus())).append("</td><td></td><td></td><td class=\"l v\"><b>")
                        .append(c.verdict()).append("</b>").append(c.reasons().isEmpty() ? "" : ": " + esc(String.join("; ", c.reasons())))
                        .append("</td></tr>\n");
                for (Status.Line l : c.lines()) {
                    h.append("<tr class=\"").append(l.health().css()).append("\"><td></td><td class=\"l\">")
                            .append(esc(l.name())).append("</td><td class=\"l\">").append(esc(l.site()))
                            .append("</td><td class=\"l\">").append(esc(l.endpoint())).append("</td><td>")
                            .append(esc(l.state())).append(l.local() == null ? "" : " (local: " + esc(l.local()) + ")").append("</td><td>")
                            .append(l.lastPacketAgeSeconds() < 0 ? "never" : duration(l.lastPacketAgeSeconds()) + " ago")
                            .append("</td><td>").append(n(l.packets())).append("</td><td></td><td>").append(n(l.gaps())).append("</td><td>")
                            .append(n(l.missingMessages())).append("</td><td>").append(n(l.outages())).append("</td><td>")
                            .append(duration(l.outageSeconds())).append("</td><td></td><td></td><td>").append(n(l.malformedPackets()))
                            .append("</td><td>").append(l.kernelDrops() < 0 ? "n/a" : n(l.kernelDrops()))
                            .append("</td><td></td></tr>\n");
                }
            }
            h.append("</table>\n");
        }
        h.append("<p class=\"meta\">Channel rows count arbitrated gaps (lost on every line: real loss); line rows count ")
                .append("that line's own gaps. Colours follow the verdict policy (README): green PASS, amber WARN (covered, local ")
                .append("or unproven trouble), red FAIL (real loss, or the whole channel down).</p>\n</body></html>\n");
        return h.toString();
    }

    private static String n(long v) {
        return io.omdprt.text.Counts.number(v);
    }

    private static String drText(long status) {
        return status == 1 ? "failover in progress" : status == 2 ? "failover completed" : "";
    }

    static String duration(double seconds) {
        return seconds < 0 ? "" : Counts.seconds(seconds);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
