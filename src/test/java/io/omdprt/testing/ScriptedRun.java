package io.omdprt.testing;

import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.monitor.Monitor;
import io.omdprt.net.MulticastSender;
import io.omdprt.report.ReportWriter;
import io.omdprt.sim.GroundTruth;
import io.omdprt.sim.MulticastSink;
import io.omdprt.sim.PacketSink;
import io.omdprt.sim.Scenario;
import io.omdprt.sim.ScenarioLoader;
import io.omdprt.sim.Simulator;
import io.omdprt.sim.TeeSink;
import io.omdprt.time.MonitorClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scripted simulator run against an in-process monitor over loopback multicast, inside an ad-hoc
 * window, ending with that window's report.
 */
public final class ScriptedRun {
    /** Known faults of every kind the report lists: real loss, a line outage, single-line loss, a silent channel, DR. */
    public static final String SCRIPT = String.join("\n",
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

    /**
     * @param config the isolated config the run used (for analysing what else it wrote)
     * @param report the window's report
     * @param truth  what the simulator injected
     */
    public record Result(MonitorConfig config, ReportWriter.Written report, GroundTruth truth) {
    }

    private ScriptedRun() {
    }

    /**
     * Runs {@link #SCRIPT} on config/demo.yaml's channels (isolated groups, fast timings) inside an ad-hoc window.
     *
     * @param alsoTo a sink that gets every packet sent as well (e.g. a capture file), or null
     */
    public static Result run(PacketSink alsoTo) throws Exception {
        MonitorConfig config = TestConfigs.isolated(new ConfigLoader().load(Path.of("config/demo.yaml")), Duration.ofMillis(1_500),
                Duration.ofMillis(400));
        Scenario scenario = ScenarioLoader.parse("report-test.yaml", SCRIPT, config, 1.0);
        MulticastSink multicast = new MulticastSink(MulticastSender.loopback());
        try (PacketSink sink = alsoTo == null ? multicast : new TeeSink(multicast, alsoTo); Monitor monitor = Monitor.start(config)) {
            CompletableFuture<ReportWriter.Written> written = new CompletableFuture<>();
            monitor.recorder().onReport(written::complete);
            monitor.windows().open("rehearsal", Instant.now(), null, "scripted run");
            Simulator simulator = new Simulator(config, scenario, sink, 3, MonitorClock.system()).lingerUntilStopped();
            Thread running = new Thread(simulator::run, "simulator");
            running.setDaemon(true);
            running.start();
            try {
                Eventually.await(Duration.ofSeconds(40), () -> simulator.scenarioDone() ? null : "running");
                Thread.sleep(300); // the last arbitration wait (100 ms) and liveness ticks pass
                monitor.windows().close("rehearsal", Instant.now());
                return new Result(config, written.get(15, TimeUnit.SECONDS), simulator.truth());
            } finally {
                simulator.stop();
                running.join(5_000);
            }
        }
    }
}
