package io.omdprt.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two receivers of the same window (the primary-site and the DR-site monitor) in one view: for every
 * loss either saw, whether the other site received those messages. Lost at both sites points at
 * HKEX (upstream of both); lost at one site only, at that site's network. Sequence ranges are
 * compared channel by channel, real loss with real loss and a line's gaps with the same line's.
 * Pure: two reports in, the merge out.
 */
public final class SiteMerge {
    public static final String BOTH = "both sites: upstream of both (HKEX)";

    /**
     * @param line     null for real loss (every line of the channel)
     * @param lostAt   the sites that lost these messages
     * @param unobservedAt sites that were not receiving the channel (or not running) then: they can say nothing
     * @param pointsAt "HKEX", a site's network, or "not known"
     */
    public record Loss(String feed, String channel, String line, long fromSeq, long toSeq, long messages, String time,
                       List<String> lostAt, List<String> unobservedAt, String pointsAt) {
    }

    /** @param counts losses by where they point */
    public record Result(List<String> sites, List<String> reports, String window, List<Loss> losses, Map<String, Long> counts) {
    }

    private SiteMerge() {
    }

    public static Result merge(String siteA, String nameA, ReportModel a, String siteB, String nameB, ReportModel b) {
        List<Loss> out = new ArrayList<>();
        Map<String, ReportModel.Channel> chA = Comparison.channels(a);
        Map<String, ReportModel.Channel> chB = Comparison.channels(b);
        for (Map.Entry<String, ReportModel.Channel> e : chA.entrySet()) {
            ReportModel.Channel ca = e.getValue();
            ReportModel.Channel cb = chB.get(e.getKey());
            String feed = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            one(out, feed, ca, a, siteA, cb, b, siteB, true);
        }
        for (Map.Entry<String, ReportModel.Channel> e : chB.entrySet()) {
            String feed = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            one(out, feed, e.getValue(), b, siteB, chA.get(e.getKey()), a, siteA, false);
        }
        out.sort((x, y) -> x.time().compareTo(y.time()));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Loss l : out) {
            counts.merge(l.pointsAt(), l.messages(), Long::sum);
        }
        return new Result(List.of(siteA, siteB), List.of(nameA, nameB), a.window().name() + " " + a.window().start(), out, counts);
    }

    /** The losses of {@code here}'s channel: shared ones only when {@code withShared} (so each is listed once). */
    private static void one(List<Loss> out, String feed, ReportModel.Channel here, ReportModel hereReport, String hereSite,
                            ReportModel.Channel there, ReportModel thereReport, String thereSite, boolean withShared) {
        for (ReportModel.Gap g : here.gaps()) {
            List<long[]> shared = new ArrayList<>();
            if (there != null) {
                for (ReportModel.Gap o : there.gaps()) {
                    if (java.util.Objects.equals(g.line(), o.line()) && o.fromSeq() <= g.toSeq() && o.toSeq() >= g.fromSeq()) {
                        shared.add(new long[] {Math.max(g.fromSeq(), o.fromSeq()), Math.min(g.toSeq(), o.toSeq())});
                    }
                }
            }
            shared.sort((x, y) -> Long.compare(x[0], y[0]));
            long next = g.fromSeq();
            for (long[] s : shared) {
                if (s[0] > next) {
                    out.add(alone(feed, here, g, next, s[0] - 1, hereSite, there, thereReport, thereSite));
                }
                if (withShared) {
                    out.add(new Loss(feed, here.channel(), g.line(), s[0], s[1], s[1] - s[0] + 1, g.time(), List.of(hereSite, thereSite),
                            List.of(), "HKEX"));
                }
                next = Math.max(next, s[1] + 1);
            }
            if (next <= g.toSeq()) {
                out.add(alone(feed, here, g, next, g.toSeq(), hereSite, there, thereReport, thereSite));
            }
        }
    }

    private static Loss alone(String feed, ReportModel.Channel here, ReportModel.Gap g, long from, long to, String hereSite,
                              ReportModel.Channel there, ReportModel thereReport, String thereSite) {
        boolean observed = there != null && observed(there, thereReport, g.line(), Instant.parse(g.time()));
        return new Loss(feed, here.channel(), g.line(), from, to, to - from + 1, g.time(), List.of(hereSite),
                observed ? List.of() : List.of(thereSite), observed ? hereSite + " site network" : "not known");
    }

    /** Whether the other site was receiving the channel (the line, for a line gap) at that time. */
    private static boolean observed(ReportModel.Channel c, ReportModel r, String line, Instant at) {
        if (at.isBefore(Instant.parse(r.window().start())) || at.isAfter(Instant.parse(r.window().coveredUntil()))) {
            return false;
        }
        for (ReportModel.Downtime d : r.monitor().downtime()) {
            if (!at.isBefore(Instant.parse(d.from())) && at.isBefore(Instant.parse(d.to()))) {
                return false;
            }
        }
        for (ReportModel.Outage o : c.outageList()) {
            boolean applies = o.line() == null || o.line().equals(line);
            Instant end = o.end() == null ? Instant.MAX : Instant.parse(o.end());
            if (applies && !at.isBefore(Instant.parse(o.start())) && at.isBefore(end)) {
                return false;
            }
        }
        return true;
    }

    public static String markdown(Result r) {
        StringBuilder m = new StringBuilder("# Sites: ").append(r.sites().get(0)).append(" and ").append(r.sites().get(1)).append("\n\n")
                .append("- ").append(r.sites().get(0)).append(": ").append(r.reports().get(0)).append("\n- ").append(r.sites().get(1))
                .append(": ").append(r.reports().get(1)).append("\n- window: ").append(r.window()).append("\n\n");
        if (r.losses().isEmpty()) {
            return m.append("No loss at either site.\n").toString();
        }
        r.counts().forEach((k, v) -> m.append("- ").append(k).append(": ").append(v).append(" messages\n"));
        m.append("\n| time | feed / channel | line | sequence numbers | messages | lost at | points at |\n|---|---|---|---|---|---|---|\n");
        for (Loss l : r.losses()) {
            m.append("| ").append(l.time()).append(" | ").append(l.feed()).append(" / ").append(l.channel()).append(" | ")
                    .append(l.line() == null ? "every line (real loss)" : l.line()).append(" | ").append(l.fromSeq()).append("–")
                    .append(l.toSeq()).append(" | ").append(l.messages()).append(" | ").append(String.join(", ", l.lostAt()))
                    .append(l.unobservedAt().isEmpty() ? "" : " (" + String.join(", ", l.unobservedAt()) + " not receiving)")
                    .append(" | ").append(l.pointsAt()).append(" |\n");
        }
        return m.toString();
    }

    public static String html(Result r) {
        String md = markdown(r);
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sites</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}")
                .append("th,td{border:1px solid #ccc;padding:.2em .6em}.HKEX{background:#ffc9c9}</style></head><body>\n<pre>")
                .append(HtmlReport.esc(md.substring(0, md.indexOf("\n|") < 0 ? md.length() : md.indexOf("\n|")))).append("</pre>\n");
        if (!r.losses().isEmpty()) {
            h.append("<table><tr><th>time</th><th>feed / channel</th><th>line</th><th>sequence numbers</th><th>messages</th>")
                    .append("<th>lost at</th><th>points at</th></tr>");
            for (Loss l : r.losses()) {
                h.append("<tr class=\"").append(l.pointsAt().equals("HKEX") ? "HKEX" : "").append("\"><td>").append(HtmlReport.esc(l.time()))
                        .append("</td><td>").append(HtmlReport.esc(l.feed() + " / " + l.channel())).append("</td><td>")
                        .append(l.line() == null ? "every line" : HtmlReport.esc(l.line())).append("</td><td>").append(l.fromSeq())
                        .append("–").append(l.toSeq()).append("</td><td>").append(l.messages()).append("</td><td>")
                        .append(HtmlReport.esc(String.join(", ", l.lostAt()))).append("</td><td>").append(HtmlReport.esc(l.pointsAt()))
                        .append("</td></tr>");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }
}
