package io.omdprt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.monitor.Monitor;
import io.omdprt.net.MulticastSender;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.Http;
import io.omdprt.testing.Scrape;
import io.omdprt.testing.TestConfigs;
import io.omdprt.time.MonitorClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each shipped PRT scenario, run by the simulator against an in-process monitor over loopback
 * multicast (times scaled down, liveness scaled to match), then the ground-truth file compared with
 * the scraped metrics: line gaps and missing messages, arbitrated loss, duplicates, late messages,
 * outages (count exact, time within one liveness tick), resets and DR status.
 */
class ShippedScenariosTest {
    private static final double TIME_SCALE = 0.35;
    private static final Duration STALE_AFTER = Duration.ofMillis(1_500);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prt1-primary-network.yaml", "prt2-primary-site-both-networks.yaml", "prt3-both-sites.yaml"})
    void groundTruthEqualsScrapedMetrics(String script, @TempDir Path dir) throws Exception {
        MonitorConfig config = TestConfigs.isolated(new ConfigLoader().load(Path.of("config/demo.yaml")), STALE_AFTER,
                Duration.ofMillis(400));
        Scenario scenario = ScenarioLoader.load(Path.of("config/scenarios", script), config, TIME_SCALE);
        Path truthFile = dir.resolve("truth.json");
        try (MulticastSink sink = new MulticastSink(MulticastSender.loopback()); Monitor monitor = Monitor.start(config)) {
            Simulator simulator = new Simulator(config, scenario, sink, 42, MonitorClock.system()).lingerUntilStopped();
            Thread running = new Thread(simulator::run, "simulator");
            running.setDaemon(true);
            running.start();
            try {
                check(monitor, simulator, scenario, truthFile);
            } finally {
                simulator.stop();
                running.join(10_000);
            }
        }
    }

    private static void check(Monitor monitor, Simulator simulator, Scenario scenario, Path truthFile) throws Exception {
        Eventually.await(scenario.duration().plusSeconds(30), () -> simulator.scenarioDone() ? null : "scenario still running");
        GroundTruth truth = simulator.truth();
        truth.write(truthFile);
        assertTrue(Files.size(truthFile) > 0);
        GroundTruth written = GroundTruth.read(truthFile);
        assertEquals(scenario.faults().size(), written.faults.size(), "every fault is in the ground-truth file");

        // One liveness tick (20 ms) plus loopback transit and scheduling slack per outage.
        double tolerance = 0.02 + 0.08;
        Eventually.await(Duration.ofSeconds(10), () -> {
            List<TruthCheck.Check> failures = TruthCheck.failures(
                    TruthCheck.compare(written, new ScrapeObserved(Http.scrape(monitor.httpPort())), tolerance));
            return failures.isEmpty() ? null : failures.size() + " mismatches:\n" + String.join("\n",
                    failures.stream().map(TruthCheck.Check::toString).toList());
        });
        Scrape s = Http.scrape(monitor.httpPort());
        for (Scrape.Sample drops : s.find("omd_socket_drops_total")) {
            assertEquals(0, drops.value(), "the kernel dropped datagrams on " + drops.labels() + ": the host was overloaded");
        }
        for (Fault f : scenario.faults()) {
            if (f.type() == FaultType.DELAY) {
                assertTrue(new ScrapeObserved(s).skewSamplesAtLeast(f.feed(), f.channel(), f.delay().toNanos() / 2e9) > 0,
                        "skew of " + f.delay().toMillis() + " ms seen on " + f.feed() + "/" + f.channel());
            }
        }
    }
}
