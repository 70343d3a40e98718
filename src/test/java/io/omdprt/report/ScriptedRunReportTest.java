package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.monitor.Monitor;
import io.omdprt.net.MulticastSender;
import io.omdprt.sim.GroundTruth;
import io.omdprt.sim.MulticastSink;
import io.omdprt.sim.Scenario;
import io.omdprt.sim.ScenarioLoader;
import io.omdprt.sim.Simulator;
import io.omdprt.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A scripted run with known faults, inside a window, produces a report with exactly those entries
 * (gap ranges, outages, DR events) and the verdicts they call for, in JSON; Markdown and HTML too.
 */
class ScriptedRunReportTest {
    static final String SCRIPT = String.join("\n",
            "name: report test",
            "duration: 10s",
            "rate: 200",
            "faults:",
            "  - { at: 1s, type: drop, feed: omdcc, channel: 31, messages: 7 }",
            "  - { at: 1s, type: line-down, feed: omdc-sp, channel: 11, line: B, for: 3s }",
            "  - { at: 1s, type: drop, feed: omdc-sp, channel: 12, line: A, messages: 5 }",
            "  - { at: 1s, type: channel-silent, feed: omdc-index, channel: 21, for: 3s }",
            "  - { at: 2s, type: dr-signal, feed: omdc-sp, status: 1 }",
            "");

    /** Runs {@link #SCRIPT} inside an ad-hoc window; returns the report and the ground truth. */
    static Map.Entry<ReportWriter.Written, GroundTruth> run() throws Exception {
        MonitorConfig config = TestConfigs.isolated(new ConfigLoader().load(Path.of("config/demo.yaml")), Duration.ofMillis(1_500),
                Duration.ofMillis(400));
        Scenario scenario = ScenarioLoader.parse("report-test.yaml", SCRIPT, config, 1.0);
        try (MulticastSink sink = new MulticastSink(MulticastSender.loopback()); Monitor monitor = Monitor.start(config)) {
            CompletableFuture<ReportWriter.Written> written = new CompletableFuture<>();
            monitor.recorder().onReport(written::complete);
            monitor.windows().open("rehearsal", Instant.now(), null, "scripted run");
            Simulator simulator = new Simulator(config, scenario, sink, 3).lingerUntilStopped();
            Thread running = new Thread(simulator::run, "simulator");
            running.setDaemon(true);
            running.start();
            try {
                io.omdprt.testing.Eventually.await(Duration.ofSeconds(40), () -> simulator.scenarioDone() ? null : "running");
                Thread.sleep(300); // the last arbitration wait (100 ms) and liveness ticks pass
                monitor.windows().close("rehearsal", Instant.now());
                return Map.entry(written.get(15, TimeUnit.SECONDS), simulator.truth());
            } finally {
                simulator.stop();
                running.join(5_000);
            }
        }
    }

    @Test
    void reportHasExactlyTheInjectedEntriesAndVerdicts() throws Exception {
        Map.Entry<ReportWriter.Written, GroundTruth> result = run();
        ReportModel report = ReportWriter.readJson(result.getKey().json());
        GroundTruth truth = result.getValue();

        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (ReportModel.Feed f : report.feeds()) {
            for (ReportModel.Channel c : f.channels()) {
                verdicts.put(f.name() + "/" + c.channel(), c.verdict());
            }
        }
        assertEquals(Map.of("omdc-sp/11", Verdict.WARN, "omdc-sp/12", Verdict.WARN, "omdc-sp/dr", Verdict.PASS,
                "omdc-index/21", Verdict.FAIL, "omdcc/31", Verdict.FAIL, "omdcc/32", Verdict.PASS), verdicts);
        assertEquals(Verdict.FAIL, report.verdict());
        assertTrue(report.window().complete());
        assertEquals(0.0, report.monitor().downtimeSeconds());
        assertEquals(List.of("test"), report.monitor().instances());

        GroundTruth.InjectedFault lossOnBoth = truth.faults.get(0);
        ReportModel.Channel cc31 = channel(report, "omdcc", "31");
        assertEquals(List.of(
                new Gap("A", lossOnBoth.fromSeq, lossOnBoth.toSeq),
                new Gap("B", lossOnBoth.fromSeq, lossOnBoth.toSeq),
                new Gap(null, lossOnBoth.fromSeq, lossOnBoth.toSeq)), sorted(cc31.gaps()));
        assertEquals(1, cc31.arbitratedGaps());
        assertEquals(7, cc31.arbitratedMissingMessages());
        assertEquals(0, cc31.outageList().size());

        GroundTruth.InjectedFault lossOnA = truth.faults.get(2);
        ReportModel.Channel sp12 = channel(report, "omdc-sp", "12");
        assertEquals(List.of(new Gap("A", lossOnA.fromSeq, lossOnA.toSeq)), sorted(sp12.gaps()));
        assertEquals(0, sp12.arbitratedGaps());

        ReportModel.Channel sp11 = channel(report, "omdc-sp", "11");
        assertEquals(1, sp11.outageList().size());
        ReportModel.Outage down = sp11.outageList().get(0);
        assertEquals("B", down.line());
        double silence = truth.line("omdc-sp", "11", "B").outageSeconds.get(0);
        assertEquals(silence, down.seconds(), 0.1, "outage length");
        assertEquals(1, sp11.gaps().size(), "what B missed while down");
        assertEquals(truth.line("omdc-sp", "11", "B").missingMessages, sp11.gaps().get(0).messages());

        ReportModel.Channel idx = channel(report, "omdc-index", "21");
        assertEquals(1, idx.outages(), "channel outage");
        assertEquals(3, idx.outageList().size(), "the channel and both its lines");
        assertTrue(idx.reasons().get(0).startsWith("channel down 1 time"), idx.reasons().toString());
        assertEquals(0, idx.gaps().size(), "a silent channel loses nothing");

        ReportModel.Channel dr = channel(report, "omdc-sp", "dr");
        assertEquals(1, dr.drEvents().size());
        assertEquals(1, dr.drEvents().get(0).status());
        assertEquals(2, dr.resets().size(), "the start-of-day reset on both lines");

        String md = Files.readString(result.getKey().markdown());
        assertTrue(md.contains("## omdcc / 31 — FAIL"), md);
        assertTrue(md.contains("every line (real loss)"), md);
        String html = Files.readString(result.getKey().html());
        assertTrue(html.contains("<svg class=\"timeline\""), "timeline drawn");
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("<script"), "self-contained");
    }

    /** A gap as (line, from, to), line null for real loss (sorted last). */
    record Gap(String line, long from, long to) {
    }

    static List<Gap> sorted(List<ReportModel.Gap> gaps) {
        return gaps.stream().map(g -> new Gap(g.line(), g.fromSeq(), g.toSeq()))
                .sorted((a, b) -> String.valueOf(a.line()).compareTo(String.valueOf(b.line()))).toList();
    }

    static ReportModel.Channel channel(ReportModel report, String feed, String channel) {
        return report.feeds().stream().filter(f -> f.name().equals(feed)).findFirst().orElseThrow()
                .channels().stream().filter(c -> c.channel().equals(channel)).findFirst().orElseThrow();
    }
}
