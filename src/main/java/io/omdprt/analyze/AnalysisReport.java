package io.omdprt.analyze;

import io.omdprt.config.MonitorConfig;
import io.omdprt.config.WindowConfig;
import io.omdprt.report.ReportBuilder;
import io.omdprt.report.ReportModel;
import io.omdprt.verdict.Verdict;
import io.omdprt.verdict.VerdictPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of an analysis: the same as a live window's (built by {@link ReportBuilder} from the
 * events), with the capture section, and with the parts of the window the capture does not cover in
 * place of the monitor's downtime.
 */
public final class AnalysisReport {
    static final String CAPTURE_WINDOW = "capture";

    private AnalysisReport() {
    }

    /**
     * @param window a configured window to report on, or null for the capture's own time span
     * @param now    when the report is written
     */
    public static ReportModel build(MonitorConfig config, WindowConfig window, List<String> fileNames, Analysis analysis,
                                    Instant now) {
        ReportBuilder.WindowSpec spec = window != null ? ReportBuilder.WindowSpec.of(window, config)
                : captureSpan(fileNames, analysis, now, config);
        ReportModel r = ReportBuilder.build(spec, ReportBuilder.LineRef.allOf(config), analysis.events(), spec.end(), 0);
        ReportModel.Window w = r.window();
        ReportModel.Window stamped = new ReportModel.Window(w.name(), w.start(), w.end(), w.description(), w.zone(),
                now.toString(), analysis.complete(), w.coveredUntil(), w.staleAfterSeconds());
        ReportModel.Monitor notCaptured = notCaptured(spec, analysis);
        List<Verdict> channels = r.feeds().stream().flatMap(f -> f.channels().stream()).map(ReportModel.Channel::verdict).toList();
        VerdictPolicy.Judgement overall = VerdictPolicy.window(channels, notCaptured.downtimeSeconds(), "the capture does not cover it");
        return r.with(stamped, notCaptured, overall.verdict(), overall.reasons(), analysis.capture());
    }

    /** From the first datagram to just after the last, in whole milliseconds (so the last one's events are inside). */
    private static ReportBuilder.WindowSpec captureSpan(List<String> fileNames, Analysis analysis, Instant now, MonitorConfig config) {
        Instant start = analysis.hasDatagrams() ? at(analysis.firstNanos()).truncatedTo(ChronoUnit.MILLIS) : now;
        Instant end = analysis.hasDatagrams() ? at(analysis.lastNanos()).truncatedTo(ChronoUnit.MILLIS).plusMillis(1) : now;
        return new ReportBuilder.WindowSpec(CAPTURE_WINDOW, start, end, "offline analysis of " + String.join(", ", fileNames),
                config.displayZone().getId(), config.liveness().staleAfter());
    }

    private static ReportModel.Monitor notCaptured(ReportBuilder.WindowSpec window, Analysis analysis) {
        List<ReportModel.Downtime> gaps = new ArrayList<>();
        if (!analysis.hasDatagrams()) {
            add(gaps, window.start(), window.end(), window);
        } else {
            add(gaps, window.start(), at(analysis.firstNanos()).truncatedTo(ChronoUnit.MILLIS), window);
            add(gaps, at(analysis.lastNanos()).truncatedTo(ChronoUnit.MILLIS).plusMillis(1), window.end(), window);
        }
        double total = gaps.stream().mapToDouble(ReportModel.Downtime::seconds).sum();
        return new ReportModel.Monitor(List.of("offline analysis"), gaps, Math.round(total * 1000) / 1000.0, 0);
    }

    /** Adds from..to, clipped to the window, unless nothing of it is left. */
    private static void add(List<ReportModel.Downtime> out, Instant from, Instant to, ReportBuilder.WindowSpec window) {
        from = from.isBefore(window.start()) ? window.start() : from;
        to = to.isAfter(window.end()) ? window.end() : to;
        if (from.isBefore(to)) {
            double seconds = Math.round(Duration.between(from, to).toNanos() / 1e6) / 1000.0;
            out.add(new ReportModel.Downtime(from.toString(), to.toString(), seconds, "not-captured"));
        }
    }

    private static Instant at(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }
}
