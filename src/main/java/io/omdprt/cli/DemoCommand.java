package io.omdprt.cli;

import io.omdprt.config.ConfigException;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.Durations;
import io.omdprt.config.FreshEndpoints;
import io.omdprt.config.HttpConfig;
import io.omdprt.config.JournalConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.event.EventRecorder;
import io.omdprt.journal.JournalLock;
import io.omdprt.monitor.Monitor;
import io.omdprt.net.MulticastSender;
import io.omdprt.net.ReceiverException;
import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import io.omdprt.sim.DemoScript;
import io.omdprt.sim.FaultDetection;
import io.omdprt.sim.GroundTruth;
import io.omdprt.sim.MulticastSink;
import io.omdprt.sim.Observed;
import io.omdprt.sim.Scenario;
import io.omdprt.sim.Simulator;
import io.omdprt.sim.TruthCheck;
import io.omdprt.time.MonitorClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the simulator and the monitor together on loopback with a rehearsal script.",
            "Shows a live table each second and ends with every injected fault next to what was detected.",
            "Exit 0 when every fault was detected, 1 when one was missed."})
final class DemoCommand implements Callable<Integer> {
    static final String CONFIG_RESOURCE = "config/demo.yaml";

    @Option(names = "--duration", paramLabel = "D", defaultValue = "2m",
            description = "Length of the rehearsal, at least 20s (default 2m); a bare number means seconds.")
    String duration;

    @Option(names = "--port", paramLabel = "N", defaultValue = "-1",
            description = "HTTP port for /metrics and the status page (default: 9466, or a free one when 9466 is taken).")
    int port;

    @Option(names = "--quiet", description = "No live table, only the summary.")
    boolean quiet;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "data",
            description = "Where the journal and the report go (DIR/journal, DIR/reports). Default: data.")
    Path output;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        // Groups and ports of its own on every run: two demos (or a demo and a test) on one host never hear each other.
        MonitorConfig config = FreshEndpoints.of(loadDemoConfig());
        Scenario scenario;
        config = config.withOutput(new JournalConfig(output.resolve("journal"), config.journal().retentionDays()),
                output.resolve("reports"));
        Duration d = Durations.parseOption(duration);
        if (d == null) {
            throw new ConfigException("--duration", "", "expected a duration such as 30s, 2m or 30 (seconds), got '" + duration + "'");
        }
        scenario = DemoScript.build(d, config);
        EventRecorder recorder = new EventRecorder();
        MonitorClock clock = MonitorClock.system();
        Monitor monitor;
        try {
            monitor = startMonitor(config, port, new Monitor.Extensions(List.of(recorder)), clock, System.err);
        } catch (ReceiverException | IllegalStateException | JournalLock.LockedException | IOException e) {
            System.err.println("cannot start the monitor: " + e.getMessage());
            return Main.FAILURE;
        }
        try (monitor; MulticastSink sink = new MulticastSink(MulticastSender.loopback())) {
            out.printf("omd-prt-monitor demo: %s, %d s, on loopback (TTL 0)%n", scenario.name(), scenario.duration().toSeconds());
            out.printf("status page http://127.0.0.1:%d/   metrics http://127.0.0.1:%d/metrics%n%n", monitor.httpPort(), monitor.httpPort());
            CompletableFuture<ReportWriter.Written> report = new CompletableFuture<>();
            monitor.recorder().onReport(report::complete);
            // Window instances are told apart by their start: each run's report has its own folder, demo_<start>.
            String windowName = "demo";
            monitor.windows().open(windowName, clock.now(), null, "demo rehearsal: " + scenario.description());
            Simulator simulator = new Simulator(monitor.config(), scenario, sink, 7, clock).lingerUntilStopped();
            Thread running = new Thread(simulator::run, "simulator");
            running.setDaemon(true);
            running.start();
            try {
                long started = clock.monotonicNanos();
                while (!simulator.scenarioDone()) {
                    Thread.sleep(1_000);
                    if (!quiet) {
                        printTable(monitor, (clock.monotonicNanos() - started) / 1_000_000_000L);
                    }
                }
                int verdict = summarize(monitor, simulator.truth(), recorder);
                monitor.windows().close(windowName, clock.now());
                try {
                    ReportWriter.Written written = report.get(15, TimeUnit.SECONDS);
                    ReportModel model = ReportWriter.readJson(written.json());
                    out.printf("%nThe rehearsal's report says %s (the verdict policy of every PRT window report):%n", model.verdict());
                    for (ReportModel.Feed f : model.feeds()) {
                        for (ReportModel.Channel c : f.channels()) {
                            out.printf("  %-5s %-16s %s%n", c.verdict(), f.name() + "/" + c.channel(),
                                    c.reasons().isEmpty() ? "nothing to report" : String.join("; ", c.reasons()));
                        }
                    }
                    out.printf("%nReport of window %s:%n  %s%n  %s%n  %s%n", windowName, written.html().toAbsolutePath(),
                            written.markdown().toAbsolutePath(), written.json().toAbsolutePath());
                } catch (TimeoutException | ExecutionException e) {
                    out.println("the report could not be written in time: " + e);
                    return Main.FAILURE;
                }
                return verdict;
            } finally {
                simulator.stop();
                running.join(5_000);
            }
        }
    }

    static MonitorConfig loadDemoConfig() throws ConfigException {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(CONFIG_RESOURCE)) {
            if (in == null) {
                throw new ConfigException("classpath:" + CONFIG_RESOURCE, "", "expected the demo config inside the jar");
            }
            return new ConfigLoader().parse("classpath:" + CONFIG_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("classpath:" + CONFIG_RESOURCE, "", "expected a readable demo config: " + e.getMessage());
        }
    }

    /**
     * Starts the monitor on HTTP port {@code port}, or with -1 on the config's port (9466) and, when that is taken, on a
     * free one, which it says on {@code err}.
     */
    static Monitor startMonitor(MonitorConfig config, int port, Monitor.Extensions extensions, MonitorClock clock, PrintStream err)
            throws ReceiverException, InterruptedException, JournalLock.LockedException, IOException {
        HttpConfig http = config.http();
        if (port >= 0) {
            return Monitor.start(config.withHttp(http.withPort(port)), extensions, clock);
        }
        try {
            return Monitor.start(config, extensions, clock);
        } catch (IllegalStateException busy) {
            Monitor monitor = Monitor.start(config.withHttp(http.withPort(0)), extensions, clock);
            err.printf("port %d is taken (%s); the status page and /metrics are on port %d instead%n", http.port(),
                    busy.getMessage(), monitor.httpPort());
            return monitor;
        }
    }

    private void printTable(Monitor monitor, long seconds) {
        out.print(LiveTable.render(seconds, LiveTable.rows(monitor.channels().channels()), monitor.clock().epochNanos()));
    }

    private int summarize(Monitor monitor, GroundTruth truth, EventRecorder recorder) throws InterruptedException {
        // Let the last arbitration waits and liveness ticks pass, then read the monitor's verdict.
        Thread.sleep(monitor.config().arbitrationWait().toMillis() + 3 * monitor.config().liveness().checkInterval().toMillis() + 200);
        Observed observed = Observed.of(monitor.channels(), monitor.clock().epochNanos());
        List<FaultDetection.Result> results = FaultDetection.detect(truth, recorder.events(), observed);
        out.println("Injected fault                                              Detected by the monitor");
        int missed = 0;
        for (FaultDetection.Result r : results) {
            out.printf(Locale.ROOT, "%5.1fs %-52s %s %s%n", r.fault().atSeconds, r.fault().description,
                    r.detected() ? "yes:" : "NO: ", r.seen());
            if (!r.detected()) {
                missed++;
            }
        }
        List<TruthCheck.Check> mismatches = TruthCheck.failures(TruthCheck.compare(truth, observed,
                monitor.config().liveness().checkInterval().toMillis() / 1e3 + 0.1));
        for (TruthCheck.Check c : mismatches) {
            out.println("count mismatch: " + c);
        }
        out.println();
        if (missed == 0 && mismatches.isEmpty()) {
            out.printf("All %d injected faults were detected, and every count matches what was injected.%n", results.size());
            return Main.OK;
        }
        out.printf("%d of %d injected faults NOT detected, %d count mismatches.%n", missed, results.size(), mismatches.size());
        return Main.FAILURE;
    }
}
