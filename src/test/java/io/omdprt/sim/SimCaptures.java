package io.omdprt.sim;

import io.omdprt.analyze.Analysis;
import io.omdprt.analyze.AnalysisReport;
import io.omdprt.analyze.CaptureAnalyzer;
import io.omdprt.analyze.Progress;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.report.ReportModel;
import io.omdprt.time.ManualClock;
import io.omdprt.time.MonitorClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Simulated captures (virtual time: exact and fast) and their analysis, as `simulate --pcap-out` then `analyze` do. */
public final class SimCaptures {
    public static final Instant START = Instant.parse("2024-01-06T01:00:00Z");

    private SimCaptures() {
    }

    public record Analysed(Path pcap, GroundTruth truth, ReportModel report) {
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
        return new Analysed(pcap, truth, report);
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
