package io.omdprt.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.sim.GroundTruth;
import io.omdprt.sim.Observed;
import io.omdprt.sim.Scenario;
import io.omdprt.sim.ScenarioLoader;
import io.omdprt.sim.TruthCheck;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each shipped PRT scenario, at full length, written by the simulator in simulated time and then
 * analysed: every count of the ground truth is found, and every outage to the millisecond (both
 * sides measure it between the same send times).
 */
class SimulatedCaptureTruthTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prt1-primary-network.yaml", "prt2-primary-site-both-networks.yaml", "prt3-both-sites.yaml"})
    void analysisFindsExactlyWhatWasInjected(String script, @TempDir Path dir) throws Exception {
        MonitorConfig config = new ConfigLoader().load(Path.of("config/demo.yaml"));
        Scenario scenario = ScenarioLoader.load(Path.of("config/scenarios", script), config, 1.0);
        Path capture = dir.resolve("run.pcap");
        GroundTruth truth = Analyses.simulate(config, scenario, capture, 11);

        Analysis analysis = Analyses.analyze(config, capture);
        assertTrue(analysis.complete());
        assertEquals(0, analysis.capture().unknownDatagrams());
        assertEquals(analysis.capture().packetsRead(), analysis.capture().datagramsAnalysed());
        List<TruthCheck.Check> failures = TruthCheck.failures(
                TruthCheck.compare(truth, Observed.of(analysis.channels(), analysis.lastNanos()), 0.001));
        assertEquals(List.of(), failures);
    }
}
