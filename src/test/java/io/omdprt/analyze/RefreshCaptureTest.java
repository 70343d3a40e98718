package io.omdprt.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omdprt.config.MonitorConfig;
import io.omdprt.event.EventType;
import io.omdprt.event.MonitorEvent;
import io.omdprt.report.ReportModel;
import io.omdprt.sim.GroundTruth;
import io.omdprt.sim.ScenarioLoader;
import io.omdprt.testing.FaultScripts;
import io.omdprt.testing.TestConfigs;
import io.omdprt.track.RefreshCheck;
import io.omdprt.track.RefreshCounter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresh checks offline: a simulated capture with refresh faults gives the same counts and report line as live. */
class RefreshCaptureTest {
    @Test
    void aCaptureOfRefreshFaultsIsAnalysedExactly(@TempDir Path dir) throws Exception {
        MonitorConfig config = TestConfigs.loopback("", 1, false, true);
        Path capture = dir.resolve("refresh.pcap");
        GroundTruth truth = Analyses.simulate(config, ScenarioLoader.parse("refresh.yaml", FaultScripts.REFRESH_FAULTS, config, 1.0), capture, 7);
        GroundTruth.ChannelTruth t = truth.channel("f", "101");
        Analysis analysis = Analyses.analyze(config, capture);

        RefreshCheck check = analysis.channels().channels().stream().filter(c -> c.label().equals("101")).findFirst().orElseThrow()
                .tracker().refreshCheck();
        // Completes every 2 s from 2 s until the run ends at 22 s, none at 12, 14 and 16 s (the stall from 11 s to 18 s).
        assertEquals(7, t.refreshCompletes);
        assertEquals(List.of(7L, 1L, 1L, 1L, 1L), List.of(check.get(RefreshCounter.COMPLETES), check.get(RefreshCounter.UNUSABLE_SNAPSHOTS),
                check.get(RefreshCounter.AHEAD), check.get(RefreshCounter.DECREASES), check.get(RefreshCounter.STALLS)));
        assertEquals(List.of(t.refreshUnusableSnapshots, t.refreshAhead, t.refreshLastSeqDecreases, t.refreshStalls), List.of(1L, 1L, 1L, 1L));
        assertEquals(6, check.intervals().count());
        assertEquals(2_000_000_000L, check.get(RefreshCounter.TYPICAL_INTERVAL_NANOS), 5_000_000L);
        assertEquals(List.of(EventType.REFRESH_UNUSABLE, EventType.REFRESH_AHEAD, EventType.REFRESH_DECREASED, EventType.REFRESH_STALL,
                EventType.REFRESH_RESUMED), analysis.events().stream().map(MonitorEvent::type).filter(e -> e.label().startsWith("refresh_")).toList());

        ReportModel report = AnalysisReport.build(config, null, List.of(capture.toString()), analysis, Instant.now());
        ReportModel.Refresh line = report.feeds().get(0).channels().stream().filter(c -> c.channel().equals("101")).findFirst().orElseThrow()
                .refresh();
        assertEquals(7, line.completes());
        assertEquals(List.of(1L, 1L, 1L, 1L), List.of(line.unusableSnapshots(), line.ahead(), line.decreases(), line.stalls()));
        assertEquals(6, line.intervals().samples());
    }
}
