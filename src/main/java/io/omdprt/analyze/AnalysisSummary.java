package io.omdprt.analyze;

import io.omdprt.model.MonitoredChannel;
import io.omdprt.report.ReportModel;
import io.omdprt.text.Counts;
import io.omdprt.track.LineCounter;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The console summary of an analysis: what was read and how fast, each channel's verdict and counts, what was passed over. */
public final class AnalysisSummary {
    private static final int UNKNOWN_SHOWN = 5;

    private AnalysisSummary() {
    }

    public static void print(PrintStream out, ReportModel report, Analysis analysis, long elapsedNanos) {
        ReportModel.Capture c = report.capture();
        long skipped = c.skipped().values().stream().mapToLong(Long::longValue).sum();
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        out.printf(Locale.ROOT, "capture: %s, %s, %s (%s analysed, %s skipped, %s to unknown destinations)%n",
                Counts.of(c.files().size(), "file"), Sizes.bytes(analysis.bytesRead()), Counts.of(c.packetsRead(), "packet"),
                Counts.of(c.datagramsAnalysed(), "datagram"), Counts.number(skipped), Counts.number(c.unknownDatagrams()));
        io.omdprt.time.DisplayTime t = io.omdprt.time.DisplayTime.of(report.window().zone());
        out.printf(Locale.ROOT, "  from %s to %s%n", orNone(t, c.first()), orNone(t, c.last()));
        out.printf(Locale.ROOT, "analysed in %.2f s: %,.0f packets/s, %,.1f MB/s%n", seconds, c.packetsRead() / seconds,
                analysis.bytesRead() / 1e6 / seconds);
        for (String warning : notConsecutive(c.files())) {
            out.println("warning: " + warning);
        }
        if (c.first() != null && outside(report.window(), c)) {
            out.println("warning: the capture does not overlap window " + report.window().name() + ": nothing in it is reported");
        }
        out.printf("%nwindow %s (%s to %s): %s%n", report.window().name(), t.dateTime(report.window().start()),
                t.dateTime(report.window().end()), report.verdict());
        for (String reason : report.reasons()) {
            out.println("  " + reason);
        }
        out.printf("%-14s %-8s %-7s %12s %10s %10s %16s %13s%n", "feed", "channel", "verdict", "packets", "real loss", "line gaps",
                "channel outages", "line outages");
        for (ReportModel.Feed f : report.feeds()) {
            for (ReportModel.Channel ch : f.channels()) {
                out.printf(Locale.ROOT, "%-14s %-8s %-7s %,12d %,10d %,10d %,16d %,13d%n", f.name(), ch.channel(), ch.verdict(),
                        packets(analysis, f.name(), ch.channel()), ch.arbitratedMissingMessages(),
                        ch.lines().stream().mapToLong(ReportModel.Line::gaps).sum(), ch.outages(),
                        ch.lines().stream().mapToLong(ReportModel.Line::outages).sum());
            }
        }
        out.println();
        out.println("skipped: " + (skipped == 0 ? "none" : nonZero(c)));
        out.println("unknown destinations: " + (c.unknownDatagrams() == 0 ? "none" : unknown(c)));
    }

    private static boolean outside(ReportModel.Window w, ReportModel.Capture c) {
        return Instant.parse(c.last()).isBefore(Instant.parse(w.start())) || !Instant.parse(c.first()).isBefore(Instant.parse(w.end()));
    }

    private static String orNone(io.omdprt.time.DisplayTime t, String time) {
        return time == null ? "none" : t.dateTime(time);
    }

    private static long packets(Analysis analysis, String feed, String channel) {
        if (analysis.channels() == null) {
            return 0;
        }
        for (MonitoredChannel m : analysis.channels().channels()) {
            if (m.feedName().equals(feed) && m.label().equals(channel)) {
                return m.tracker().lines().stream().mapToLong(l -> l.get(LineCounter.PACKETS)).sum();
            }
        }
        return 0;
    }

    private static String nonZero(ReportModel.Capture c) {
        List<String> parts = new ArrayList<>();
        c.skipped().forEach((reason, n) -> {
            if (n > 0) {
                parts.add(String.format(Locale.ROOT, "%s %,d", reason, n));
            }
        });
        return String.join(", ", parts);
    }

    private static String unknown(ReportModel.Capture c) {
        List<String> parts = new ArrayList<>();
        for (ReportModel.Destination d : c.topUnknownDestinations().subList(0, Math.min(UNKNOWN_SHOWN, c.topUnknownDestinations().size()))) {
            parts.add(String.format(Locale.ROOT, "%s (%,d)", d.destination(), d.datagrams()));
        }
        return String.format(Locale.ROOT, "%s to %s: %s%s", Counts.of(c.unknownDatagrams(), "datagram"),
                Counts.of(c.unknownDestinations(), "destination"), String.join(", ", parts),
                c.unknownDestinations() > parts.size() ? ", … (the report lists up to " + CaptureAnalyzer.TOP_UNKNOWN + ")" : "");
    }

    /** Files are analysed as one capture in the order given; one that starts before the previous one ended is suspicious. */
    static List<String> notConsecutive(List<ReportModel.CaptureFile> files) {
        List<String> warnings = new ArrayList<>();
        ReportModel.CaptureFile previous = null;
        for (ReportModel.CaptureFile f : files) {
            if (f.first() == null) {
                continue;
            }
            if (previous != null && Instant.parse(f.first()).isBefore(Instant.parse(previous.last()))) {
                warnings.add(f.path() + " starts (" + f.first() + ") before " + previous.path() + " ends (" + previous.last()
                        + "): the files are analysed in the order given, as consecutive parts of one capture");
            }
            previous = f;
        }
        return warnings;
    }
}
