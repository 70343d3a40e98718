package io.omdprt.report;

import io.omdprt.text.Counts;
import io.omdprt.time.DisplayTime;
import io.omdprt.verdict.VerdictPolicy;
import java.util.Locale;

/** The report as Markdown, for e-mail and tickets. Times in the report's display zone. */
public final class MarkdownReport {
    /** The verdict policy in one sentence (the README has the full table). */
    static final String LEGEND = "Verdicts (README, \"Verdict policy\"): FAIL — messages no line delivered (real loss), or the whole "
            + "channel down; WARN — a line gapped or went down (covered by another line), this host dropped datagrams (local), "
            + "malformed or stray datagrams, a DR signal, a sequence jump or restart, or the monitor was not running for part of "
            + "the window; PASS — none of these. Counts are from the window's start.";

    private MarkdownReport() {
    }

    public static String render(ReportModel r) {
        StringBuilder m = new StringBuilder(8 * 1024);
        ReportModel.Window w = r.window();
        DisplayTime t = DisplayTime.of(w.zone());
        m.append("# PRT report: ").append(w.name()).append(" — ").append(r.verdict()).append("\n\n");
        m.append("| | |\n|---|---|\n");
        m.append("| window | ").append(t.dateTime(w.start())).append(" to ").append(t.dateTime(w.end())).append(" (").append(w.zone())
                .append(") |\n");
        if (!w.description().isEmpty()) {
            m.append("| description | ").append(esc(w.description())).append(" |\n");
        }
        String incomplete = incompleteNote(r);
        m.append("| generated | ").append(t.dateTime(w.generatedAt())).append(incomplete == null ? "" : " — **" + incomplete + "**")
                .append(" |\n");
        m.append("| monitor | ").append(String.join(", ", r.monitor().instances())).append(" |\n");
        m.append("| ").append(downtimeLabel(r)).append(" | ").append(Counts.seconds(r.monitor().downtimeSeconds())).append(" |\n\n");
        for (ReportModel.DrEvent d : r.dr()) {
            m.append("**DR signal** ").append(t.dateTime(d.time())).append(" on ").append(d.feed()).append('/').append(d.channel())
                    .append(": ").append(VerdictPolicy.drName(d.status())).append("\n\n");
        }
        for (String reason : r.reasons()) {
            m.append("- ").append(esc(reason)).append('\n');
        }
        if (!r.reasons().isEmpty()) {
            m.append('\n');
        }
        m.append(LEGEND).append("\n\n");
        m.append("## Summary\n\n| feed | channel | verdict | real loss (messages) | channel outages | line gaps | line outages | local drops |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (ReportModel.Feed f : r.feeds()) {
            for (ReportModel.Channel c : f.channels()) {
                long lineGaps = c.lines().stream().mapToLong(ReportModel.Line::gaps).sum();
                long lineOutages = c.lines().stream().mapToLong(ReportModel.Line::outages).sum();
                m.append("| ").append(f.name()).append(" | ").append(c.channel()).append(" | **").append(c.verdict()).append("** | ")
                        .append(n(c.arbitratedMissingMessages())).append(" | ").append(n(c.outages())).append(" | ").append(n(lineGaps))
                        .append(" | ").append(n(lineOutages)).append(" | ").append(n(c.socketDrops())).append(" |\n");
            }
        }
        if (r.capture() != null) {
            capture(m, r.capture());
        }
        if (!r.monitor().downtime().isEmpty()) {
            m.append("\n## ").append(r.capture() != null ? "Not captured" : "Monitor downtime")
                    .append("\n\n| from | to | length | why |\n|---|---|---|---|\n");
            for (ReportModel.Downtime d : r.monitor().downtime()) {
                m.append("| ").append(t.dateTime(d.from())).append(" | ").append(t.dateTime(d.to())).append(" | ").append(Counts.seconds(d.seconds()))
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
                m.append("\n").append(n(c.messages())).append(" distinct messages · A/B skew ").append(timing(c.skew())).append("\n");
                m.append("\n| line | site | packets | messages | gaps | missing messages | late | duplicates | outages | time down "
                        + "| local drops | malformed | strays | feed latency |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
                for (ReportModel.Line l : c.lines()) {
                    m.append("| ").append(l.line()).append(" | ").append(l.site() == null ? "" : l.site()).append(" | ")
                            .append(n(l.packets())).append(" | ").append(n(l.messages())).append(" | ")
                            .append(n(l.gaps())).append(" | ").append(n(l.missingMessages())).append(" | ").append(n(l.lateMessages()))
                            .append(" | ").append(n(l.duplicates())).append(" | ").append(n(l.outages()))
                            .append(" | ").append(Counts.seconds(l.outageSeconds())).append(" | ").append(n(l.socketDrops())).append(" | ")
                            .append(n(l.malformed())).append(" | ").append(n(l.strays())).append(" | ").append(timing(l.latency()))
                            .append(" |\n");
                }
                m.append("\n| line | endpoint | 1 ms peak | packets/s mean / peak | jitter |\n|---|---|---|---|---|\n");
                for (ReportModel.Line l : c.lines()) {
                    m.append("| ").append(l.line()).append(" | ").append(l.endpoint() == null ? "" : l.endpoint()).append(" | ")
                            .append(burst(l.traffic())).append(" | ").append(rates(l.traffic())).append(" | ").append(timing(l.jitter()))
                            .append(" |\n");
                }
                if (!c.gaps().isEmpty()) {
                    m.append("\n| gap at | line | sequence numbers | messages |\n|---|---|---|---|\n");
                    for (ReportModel.Gap g : c.gaps()) {
                        m.append("| ").append(t.dateTime(g.time())).append(" | ").append(g.line() == null ? "**every line (real loss)**" : g.line())
                                .append(" | ").append(g.fromSeq()).append("–").append(g.toSeq()).append(" | ").append(n(g.messages())).append(" |\n");
                    }
                }
                if (!c.outageList().isEmpty()) {
                    m.append("\n| outage of | from | to | length in window | monitor not running |\n|---|---|---|---|---|\n");
                    for (ReportModel.Outage o : c.outageList()) {
                        m.append("| ").append(o.line() == null ? "**channel**" : "line " + o.line()).append(" | ").append(t.dateTime(o.start()))
                                .append(" | ").append(o.end() == null ? (o.ongoing() ? "ongoing" : "window end") : t.dateTime(o.end()))
                                .append(" | ").append(Counts.seconds(o.seconds())).append(" | ")
                                .append(o.unobservedSeconds() > 0 ? Counts.seconds(o.unobservedSeconds()) + " unobserved" : "").append(" |\n");
                    }
                }
                if (c.refresh() != null) {
                    m.append("\n**Refresh:** ").append(RefreshSection.line(c.refresh())).append("\n");
                }
                if (c.recovery() != null) {
                    ReportModel.Recovery rc = c.recovery();
                    m.append("\n**Recoverable from RTS: ").append(rc.recoverable()).append("** — ").append(rc.why()).append("\n\n");
                    m.append("| RTS at | check | sequence numbers | status | result |\n|---|---|---|---|---|\n");
                    for (ReportModel.RtsCheck k : rc.checks()) {
                        m.append("| ").append(t.dateTime(k.time())).append(" | ").append(k.purpose()).append(k.asked() ? "" : " (not asked)")
                                .append(" | ").append(k.fromSeq() == null ? "" : k.fromSeq() + "–" + k.toSeq()).append(" | ")
                                .append(k.status() == null ? "" : k.status()).append(" | ").append(k.detail()).append(" |\n");
                    }
                }
                if (!c.resets().isEmpty() || !c.drEvents().isEmpty()) {
                    m.append('\n');
                    for (ReportModel.Reset s : c.resets()) {
                        m.append("- ").append(t.dateTime(s.time())).append(" sequence reset on line ").append(s.line()).append('\n');
                    }
                    for (ReportModel.Dr d : c.drEvents()) {
                        m.append("- ").append(t.dateTime(d.time())).append(" DR status ").append(d.previous()).append(" → ").append(d.status())
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
        m.append("| packets read | ").append(n(c.packetsRead())).append(" |\n");
        m.append("| datagrams analysed | ").append(n(c.datagramsAnalysed())).append(" |\n");
        m.append("| skipped | ").append(n(c.skipped().values().stream().mapToLong(Long::longValue).sum())).append(" |\n");
        m.append("| to unknown destinations | ").append(n(c.unknownDatagrams())).append(" datagrams, ").append(n(c.unknownDestinations()))
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

    static String n(long v) {
        return Counts.number(v);
    }

    /** "p50 ≤ 0.25 ms, p99 ≤ 1 ms, max ≤ 2.5 ms (1,234 samples)", or "no samples". */
    static String timing(ReportModel.Timing t) {
        if (t == null || t.samples() == 0 || t.p50Ms() == null) {
            return "no samples";
        }
        if (t.p999Ms() != null) { // HdrHistogram: each within 1 %
            return String.format(Locale.ROOT, "p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms (%s)", ms3(t.p50Ms()), ms3(t.p99Ms()),
                    ms3(t.p999Ms()), ms3(t.maxMs()), Counts.of(t.samples(), "sample"));
        }
        return String.format(Locale.ROOT, "p50 ≤ %s ms, p99 ≤ %s ms, max ≤ %s ms (%s)", ms(t.p50Ms()), ms(t.p99Ms()),
                ms(t.maxMs()), Counts.of(t.samples(), "sample"));
    }

    /** The most packets and bytes within the burst resolution. */
    static String burst(ReportModel.Traffic t) {
        if (t == null || t.burstPackets() == 0) {
            return "none";
        }
        return String.format(Locale.ROOT, "%,d packets, %,d bytes in %s ms", t.burstPackets(), t.burstBytes(),
                t.burstResolutionMs() == null ? "?" : ms(t.burstResolutionMs()));
    }

    static String rates(ReportModel.Traffic t) {
        return t == null ? "" : String.format(Locale.ROOT, "%,.1f / %,d", t.meanPacketsPerSecond(), t.peakPacketsPerSecond());
    }

    private static String ms3(Double v) {
        return v == null ? "?" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String ms(Double v) {
        return v == null ? "?" : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String orNone(String text) {
        return text == null ? "none" : text;
    }

    private static String esc(String text) {
        return text.replace("|", "\\|");
    }
}
