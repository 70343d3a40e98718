package io.omdprt.sim;

import io.omdprt.analyze.Analysis;
import io.omdprt.analyze.AnalysisReport;
import io.omdprt.analyze.CaptureAnalyzer;
import io.omdprt.analyze.Progress;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.event.Lifecycle;
import io.omdprt.event.WindowEvent;
import java.util.Optional;
import io.omdprt.event.MonitorEvent;
import io.omdprt.journal.JournalWriter;
import io.omdprt.report.JournalReports;
import io.omdprt.report.ReportBuilder;
import io.omdprt.report.ReportModel;
import io.omdprt.time.ManualClock;
import io.omdprt.time.MonitorClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Simulated captures (virtual time: exact and fast) and their analysis, as `simulate --pcap-out` then `analyze` do. */
public final class SimCaptures {
    public static final Instant START = Instant.parse("2024-01-06T01:00:00Z");

    private SimCaptures() {
    }

    /** @param events the analysis's tracker events, in capture time */
    public record Analysed(Path pcap, GroundTruth truth, ReportModel report, List<MonitorEvent> events) {
    }

    public static MonitorConfig demo() throws Exception {
        return new ConfigLoader().load(Path.of("config/demo.yaml"));
    }

    /** A fault of a scenario, from a script line's fields. */
    public static Fault fault(double atSeconds, FaultType type, String feed, String channel, String line, int count, Duration duration) {
        return new Fault(Duration.ofMillis(Math.round(atSeconds * 1000)), type, feed, channel, line, count, duration, null, 0);
    }

    /** Simulates {@code seconds} of the config's channels at {@code rate} messages/s with the faults, captures and analyses it. */
    public static Analysed run(MonitorConfig config, Path pcap, long seed, int seconds, int rate, List<Fault> faults) throws Exception {
        Scenario scenario = new Scenario("test", "test", Duration.ofSeconds(seconds), rate, Map.of(), faults);
        GroundTruth truth;
        try (PcapSink sink = PcapSink.create(pcap)) {
            truth = new Simulator(config, scenario, sink, seed, ManualClock.at(START)).run();
        }
        CaptureAnalyzer analyzer = new CaptureAnalyzer(config, Progress.NONE, MonitorClock.system());
        analyzer.analyze(pcap);
        Analysis analysis = analyzer.finish();
        ReportModel report = AnalysisReport.build(config, null, List.of(pcap.toString()), analysis, START.plusSeconds(seconds + 60));
        return new Analysed(pcap, truth, report, analysis.events());
    }

    /**
     * The journal a monitor would have left had it received the run live inside windows: started a
     * second before the run, each window over the whole run, the analysis's tracker events (counter
     * snapshots included) in between, stopped a second after.
     *
     * @param windows the names of the windows open over the run (none: a journal without a window)
     */
    public static Path journal(Analysed run, MonitorConfig config, int seconds, List<String> windows, Path dir) throws Exception {
        Instant end = START.plusSeconds(seconds);
        Instant stop = end.plusSeconds(1);
        try (JournalWriter journal = new JournalWriter(dir, 30, io.omdprt.time.ManualClock.at(stop)).start()) {
            journal.accept(new Lifecycle.Start(START.minusSeconds(1), JournalReports.startDetail(
                    config.instance(), config.site(), "test", "config/demo.yaml", config.liveness().staleAfter(),
                    config.displayZone().getId(), ReportBuilder.LineRef.allOf(config))));
            windows.forEach(w -> journal.accept(new WindowEvent.Start(START, w, START, Optional.of(end), Optional.of("scripted"))));
            run.events().forEach(journal::accept);
            windows.forEach(w -> journal.accept(new WindowEvent.End(end, w, START, end)));
            journal.accept(new Lifecycle.Stop(stop));
        }
        return dir;
    }

    public static io.omdprt.config.LineConfig lineConfig(MonitorConfig config, String feed, String channel, String line) {
        return config.feeds().stream().filter(f -> f.name().equals(feed)).findFirst().orElseThrow().channels().stream()
                .filter(c -> c.label().equals(channel)).findFirst().orElseThrow().lines().stream()
                .filter(l -> l.name().equals(line)).findFirst().orElseThrow();
    }

    public static ReportModel.Channel channel(ReportModel report, String feed, String channel) {
        return report.feeds().stream().filter(f -> f.name().equals(feed)).findFirst().orElseThrow()
                .channels().stream().filter(c -> c.channel().equals(channel)).findFirst().orElseThrow();
    }

    public static ReportModel.Line line(ReportModel report, String feed, String channel, String line) {
        return channel(report, feed, channel).lines().stream().filter(l -> l.line().equals(line)).findFirst().orElseThrow();
    }
}
