package io.omdprt.report;

import java.util.Locale;

/** The report as Markdown, for e-mail and tickets. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(ReportModel r) {
        StringBuilder m = new StringBuilder(8 * 1024);
        ReportModel.Window w = r.window();
        m.append("# PRT report: ").append(w.name()).append(" — ").append(r.verdict()).append("\n\n");
        m.append("| | |\n|---|---|\n");
        m.append("| window | ").append(w.start()).append(" to ").append(w.end()).append(" (").append(w.zone()).append(") |\n");
        if (!w.description().isEmpty()) {
            m.append("| description | ").append(esc(w.description())).append(" |\n");
        }
        String incomplete = incompleteNote(r);
        m.append("| generated | ").append(w.generatedAt()).append(incomplete == null ? "" : " — **" + incomplete + "**")
                .append(" |\n");
        m.append("| monitor | ").append(String.join(", ", r.monitor().instances())).append(" |\n");
        m.append("| ").append(downtimeLabel(r)).append(" | ").append(seconds(r.monitor().downtimeSeconds())).append(" |\n\n");
        m.append("Verdicts: **PASS** no real loss and no channel outage; **WARN** only single-line loss or outages ")
                .append("(covered by another line); **FAIL** real loss (no line delivered), a channel outage, or local socket drops.\n\n");
        m.append("## Summary\n\n| feed | channel | verdict | real loss (messages) | channel outages | line gaps | line outages | local drops |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (ReportModel.Feed f : r.feeds()) {
            for (ReportModel.Channel c : f.channels()) {
                long lineGaps = c.lines().stream().mapToLong(ReportModel.Line::gaps).sum();
                long lineOutages = c.lines().stream().mapToLong(ReportModel.Line::outages).sum();
                m.append("| ").append(f.name()).append(" | ").append(c.channel()).append(" | **").append(c.verdict()).append("** | ")
                        .append(c.arbitratedMissingMessages()).append(" | ").append(c.outages()).append(" | ").append(lineGaps)
                        .append(" | ").append(lineOutages).append(" | ").append(c.socketDrops()).append(" |\n");
            }
        }
        if (r.capture() != null) {
            capture(m, r.capture());
        }
        if (!r.monitor().downtime().isEmpty()) {
            m.append("\n## ").append(r.capture() != null ? "Not captured" : "Monitor downtime")
                    .append("\n\n| from | to | length | why |\n|---|---|---|---|\n");
            for (ReportModel.Downtime d : r.monitor().downtime()) {
                m.append("| ").append(d.from()).append(" | ").append(d.to()).append(" | ").append(seconds(d.seconds()))
                        .append(" | ").append(d.reason()).append(" |\n");
            }
        }
        for (ReportModel.Feed f : r.feeds()) {
            for (ReportModel.Channel c : f.channels()) {
                m.append("\n## ").append(f.name()).append(" / ").append(c.channel()).append(" — ").append(c.verdict()).append("\n\n");
                for (String reason : c.reasons()) {
                    m.append("- ").append(esc(reason)).append('\n');
                }
                if (c.reasons().isEmpty()) {
                    m.append("- nothing to report\n");
                }
                m.append("\n| line | site | gaps | missing messages | outages | time down | local drops |\n|---|---|---|---|---|---|---|\n");
                for (ReportModel.Line l : c.lines()) {
                    m.append("| ").append(l.line()).append(" | ").append(l.site() == null ? "" : l.site()).append(" | ")
                            .append(l.gaps()).append(" | ").append(l.missingMessages()).append(" | ").append(l.outages())
                            .append(" | ").append(seconds(l.outageSeconds())).append(" | ").append(l.socketDrops()).append(" |\n");
                }
                if (!c.gaps().isEmpty()) {
                    m.append("\n| gap at | line | sequence numbers | messages |\n|---|---|---|---|\n");
                    for (ReportModel.Gap g : c.gaps()) {
                        m.append("| ").append(g.time()).append(" | ").append(g.line() == null ? "**every line (real loss)**" : g.line())
                                .append(" | ").append(g.fromSeq()).append("–").append(g.toSeq()).append(" | ").append(g.messages()).append(" |\n");
                    }
                }
                if (!c.outageList().isEmpty()) {
                    m.append("\n| outage of | from | to | length in window |\n|---|---|---|---|\n");
                    for (ReportModel.Outage o : c.outageList()) {
                        m.append("| ").append(o.line() == null ? "**channel**" : "line " + o.line()).append(" | ").append(o.start())
                                .append(" | ").append(o.ongoing() ? "ongoing" : o.end()).append(" | ").append(seconds(o.seconds())).append(" |\n");
                    }
                }
                if (!c.resets().isEmpty() || !c.drEvents().isEmpty()) {
                    m.append('\n');
                    for (ReportModel.Reset s : c.resets()) {
                        m.append("- ").append(s.time()).append(" sequence reset on line ").append(s.line()).append('\n');
                    }
                    for (ReportModel.Dr d : c.drEvents()) {
                        m.append("- ").append(d.time()).append(" DR status ").append(d.previous()).append(" → ").append(d.status())
                                .append(d.status() == 1 ? " (site failover in progress)" : d.status() == 2 ? " (failover completed)" : "")
                                .append('\n');
                    }
                }
            }
        }
        if (r.monitor().journalLinesSkipped() > 0) {
            m.append("\n_").append(r.monitor().journalLinesSkipped()).append(" unreadable journal lines were skipped._\n");
        }
        return m.toString();
    }

    /** Why the report does not cover everything, or null when it does. */
    static String incompleteNote(ReportModel r) {
        if (r.capture() != null) {
            return r.capture().complete() ? null : "incomplete: reading the capture ended in an error (see Capture)";
        }
        return r.window().complete() ? null : "partial: the window had not ended";
    }

    static String downtimeLabel(ReportModel r) {
        return r.capture() != null ? "not captured" : "monitor downtime";
    }

    private static void capture(StringBuilder m, ReportModel.Capture c) {
        m.append("\n## Capture\n\n");
        if (!c.complete()) {
            m.append("**Incomplete:** ").append(esc(c.error())).append(". This report covers what was read before it.\n\n");
        }
        m.append("| | |\n|---|---|\n");
        m.append("| first datagram | ").append(orNone(c.first())).append(" |\n");
        m.append("| last datagram | ").append(orNone(c.last())).append(" |\n");
        m.append("| packets read | ").append(c.packetsRead()).append(" |\n");
        m.append("| datagrams analysed | ").append(c.datagramsAnalysed()).append(" |\n");
        m.append("| skipped | ").append(c.skipped().values().stream().mapToLong(Long::longValue).sum()).append(" |\n");
        m.append("| to unknown destinations | ").append(c.unknownDatagrams()).append(" datagrams, ").append(c.unknownDestinations())
                .append(" destinations |\n");
        m.append("\n| file | format | link type | bytes | packets | first | last |\n|---|---|---|---|---|---|---|\n");
        for (ReportModel.CaptureFile f : c.files()) {
            m.append("| ").append(esc(f.path())).append(" | ").append(f.format()).append(" | ").append(f.linkType()).append(" | ")
                    .append(f.bytes()).append(" | ").append(f.packets()).append(" | ").append(orNone(f.first())).append(" | ")
                    .append(orNone(f.last())).append(" |\n");
        }
        m.append("\n| skipped because | packets |\n|---|---|\n");
        c.skipped().forEach((reason, n) -> m.append("| ").append(reason).append(" | ").append(n).append(" |\n"));
        if (!c.topUnknownDestinations().isEmpty()) {
            m.append("\n| unknown destination | datagrams |\n|---|---|\n");
            for (ReportModel.Destination d : c.topUnknownDestinations()) {
                m.append("| ").append(d.destination()).append(" | ").append(d.datagrams()).append(" |\n");
            }
        }
    }

    static String orNone(String text) {
        return text == null ? "none" : text;
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String esc(String text) {
        return text.replace("|", "\\|");
    }
}
