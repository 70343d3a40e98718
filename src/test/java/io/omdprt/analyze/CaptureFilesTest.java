package io.omdprt.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.pcap.Captures;
import io.omdprt.pcap.Frames;
import io.omdprt.pcap.LinkType;
import io.omdprt.pcap.PcapReader;
import io.omdprt.pcap.UdpDatagram;
import io.omdprt.report.ReportModel;
import io.omdprt.time.MonitorClock;
import io.omdprt.verdict.Verdict;
import io.omdprt.sim.Scenario;
import io.omdprt.sim.ScenarioLoader;
import io.omdprt.testing.ScriptedRun;
import io.omdprt.testing.TestConfigs;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One capture in several consecutive files, or as pcapng, is analysed the same as one classic pcap. */
class CaptureFilesTest {
    private static final Instant NOW = Instant.parse("2024-01-06T02:00:00Z");

    @TempDir
    Path dir;

    private final MonitorConfig config;
    private final Path whole;

    CaptureFilesTest(@TempDir Path tmp) throws Exception {
        config = TestConfigs.isolated(new ConfigLoader().load(Path.of("config/demo.yaml")), Duration.ofMillis(1_500),
                Duration.ofMillis(400));
        whole = tmp.resolve("whole.pcap");
        Analyses.simulate(config, ScenarioLoader.parse("files.yaml", ScriptedRun.SCRIPT, config, 1.0), whole, 3);
    }

    private ReportModel report(Analysis analysis, List<String> names) {
        return AnalysisReport.build(config, null, names, analysis, NOW);
    }

    @Test
    void consecutiveFilesAreOneCapture() throws Exception {
        ReportModel one = report(Analyses.analyze(config, whole), List.of("whole.pcap"));
        // Split while a line and a channel are down and real loss is pending: every state crosses the boundary.
        long split = Analyses.START.getEpochSecond() * 1_000_000_000L + 2_500_000_000L;
        List<Path> parts = Analyses.split(whole, split, dir.resolve("part1.pcap"), dir.resolve("part2.pcap"));
        ReportModel two = report(Analyses.analyze(config, parts.toArray(new Path[0])), List.of("whole.pcap"));

        assertEquals(Verdict.FAIL, one.verdict(), "the script's real loss and silent channel");
        assertEquals(one.feeds(), two.feeds());
        assertEquals(one.window(), two.window());
        ReportModel.Capture c = two.capture();
        assertEquals(2, c.files().size());
        assertEquals(one.capture().packetsRead(), c.files().get(0).packets() + c.files().get(1).packets());
        assertEquals(one.capture().first(), c.files().get(0).first());
        assertEquals(one.capture().last(), c.files().get(1).last());
        assertTrue(Instant.parse(c.files().get(0).last()).isBefore(Instant.parse(c.files().get(1).first())));
        assertEquals(List.of(), AnalysisSummary.notConsecutive(c.files()));

        ReportModel.Capture reversed = Analyses.analyze(config, parts.get(1), parts.get(0)).capture();
        List<String> warnings = AnalysisSummary.notConsecutive(reversed.files());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith(parts.get(0) + " starts ("), warnings.get(0));
    }

    @Test
    void pcapngGivesTheSameReport() throws Exception {
        Captures.Pcapng ng = new Captures.Pcapng().section(ByteOrder.BIG_ENDIAN).iface(LinkType.ETHERNET, 9, 0);
        try (PcapReader reader = PcapReader.open(whole)) {
            UdpDatagram d = new UdpDatagram();
            while (reader.next(d)) {
                Captures.Datagram copy = Captures.copy(d);
                ng.packet(0, copy.timestampNanos(), Frames.ethernet(Frames.ipv4Udp(copy.source(), copy.destination(),
                        copy.sourcePort(), copy.destinationPort(), copy.payload())));
            }
        }
        Path converted = Captures.write(dir, "whole.pcapng", ng.bytes());
        ReportModel classic = report(Analyses.analyze(config, whole), List.of("whole"));
        ReportModel pcapng = report(Analyses.analyze(config, converted), List.of("whole"));
        assertEquals(classic.feeds(), pcapng.feeds());
        assertEquals(classic.window(), pcapng.window());
        assertEquals("pcapng", pcapng.capture().files().get(0).format());
        assertEquals(classic.capture().datagramsAnalysed(), pcapng.capture().datagramsAnalysed());
    }

    @Test
    void theAnalysisAllocatesNothingPerDatagram() throws Exception {
        MonitorConfig demo = new ConfigLoader().load(Path.of("config/demo.yaml"));
        Scenario clean = new Scenario("clean", "", Duration.ofSeconds(20), 2_000, Map.of(), List.of());
        Path capture = dir.resolve("clean.pcap");
        Analyses.simulate(demo, clean, capture, 1);
        long half = Analyses.START.getEpochSecond() * 1_000_000_000L + 10_000_000_000L;
        List<Path> parts = Analyses.split(capture, half, dir.resolve("first.pcap"), dir.resolve("second.pcap"));

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CaptureAnalyzer analyzer = new CaptureAnalyzer(demo, Progress.NONE, MonitorClock.system());
        assertTrue(analyzer.analyze(parts.get(0)));
        long before = threads.getCurrentThreadAllocatedBytes();
        assertTrue(analyzer.analyze(parts.get(1)));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long datagrams = analyzer.finish().capture().files().get(1).packets();
        assertTrue(datagrams > 50_000, datagrams + " datagrams");
        assertTrue(allocated < 64 * 1024, allocated + " bytes allocated while analysing " + datagrams + " datagrams");
    }
}
