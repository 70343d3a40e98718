package io.omdprt.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import io.omdprt.verdict.Verdict;
import io.omdprt.sim.PcapSink;
import io.omdprt.testing.ScriptedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same fault script seen two ways: live, by an in-process monitor receiving loopback multicast
 * inside an ad-hoc window, and offline, by analysing the capture the simulator wrote of what it sent.
 * Per channel the two reports agree on the verdict, every gap, every outage (lengths within one
 * liveness tick: the live side times arrivals, the capture send times), resets and DR events.
 */
class LiveVersusCaptureTest {
    /** The config's check interval: live outage times are as precise as its ticks. */
    private static final double TICK_SECONDS = 0.02;

    @Test
    void liveAndCapturedReportsAgreeChannelByChannel(@TempDir Path dir) throws Exception {
        Path capture = dir.resolve("run.pcap");
        ScriptedRun.Result run = ScriptedRun.run(PcapSink.create(capture));
        ReportModel live = ReportWriter.readJson(run.report().json());
        Analysis analysis = Analyses.analyze(run.config(), capture);
        ReportModel offline = AnalysisReport.build(run.config(), null, List.of(capture.toString()), analysis, Instant.now());

        assertNull(live.capture());
        assertFalse(Files.readString(run.report().json()).contains("\"capture\""), "a live report's JSON is as it was");
        assertTrue(analysis.complete());
        assertEquals(analysis.capture().packetsRead(), analysis.capture().datagramsAnalysed(), "every datagram is the config's");
        Map<String, ReportModel.Channel> liveChannels = channels(live);
        Map<String, ReportModel.Channel> offlineChannels = channels(offline);
        assertEquals(liveChannels.keySet(), offlineChannels.keySet());
        assertEquals(Verdict.FAIL, live.verdict(), "the script has real loss and a silent channel");
        for (String name : liveChannels.keySet()) {
            compare(name, liveChannels.get(name), offlineChannels.get(name));
        }
        assertEquals(live.verdict(), offline.verdict());
    }

    private static void compare(String name, ReportModel.Channel live, ReportModel.Channel offline) {
        assertEquals(live.verdict(), offline.verdict(), name + " verdict");
        assertEquals(live.arbitratedGaps(), offline.arbitratedGaps(), name + " arbitrated gaps");
        assertEquals(live.arbitratedMissingMessages(), offline.arbitratedMissingMessages(), name + " arbitrated missing messages");
        assertEquals(gaps(live), gaps(offline), name + " every gap: line, first and last sequence number");
        assertEquals(live.outages(), offline.outages(), name + " channel outages");
        assertEquals(live.outageSeconds(), offline.outageSeconds(), TICK_SECONDS * live.outages(), name + " channel time down");
        assertEquals(live.lines().size(), offline.lines().size(), name + " lines");
        for (int i = 0; i < live.lines().size(); i++) {
            ReportModel.Line l = live.lines().get(i);
            ReportModel.Line o = offline.lines().get(i);
            String line = name + " line " + l.line();
            assertEquals(l.line(), o.line(), line);
            assertEquals(l.gaps(), o.gaps(), line + " gaps");
            assertEquals(l.missingMessages(), o.missingMessages(), line + " missing messages");
            assertEquals(l.outages(), o.outages(), line + " outages");
            assertEquals(l.outageSeconds(), o.outageSeconds(), TICK_SECONDS * l.outages(), line + " time down");
        }
        assertEquals(live.resets().stream().map(r -> r.line() + " " + r.newSeqNo()).toList(),
                offline.resets().stream().map(r -> r.line() + " " + r.newSeqNo()).toList(), name + " resets");
        assertEquals(live.drEvents().stream().map(d -> d.previous() + "->" + d.status()).toList(),
                offline.drEvents().stream().map(d -> d.previous() + "->" + d.status()).toList(), name + " DR events");
    }

    private static Map<String, ReportModel.Channel> channels(ReportModel report) {
        Map<String, ReportModel.Channel> all = new LinkedHashMap<>();
        for (ReportModel.Feed f : report.feeds()) {
            for (ReportModel.Channel c : f.channels()) {
                all.put(f.name() + "/" + c.channel(), c);
            }
        }
        return all;
    }

    private static List<String> gaps(ReportModel.Channel c) {
        List<String> gaps = new ArrayList<>();
        for (ReportModel.Gap g : c.gaps()) {
            gaps.add((g.line() == null ? "every line" : g.line()) + " " + g.fromSeq() + ".." + g.toSeq());
        }
        gaps.sort(Comparator.naturalOrder());
        return gaps;
    }
}
