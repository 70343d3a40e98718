package io.omdprt.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.net.MulticastSender;
import io.omdprt.sim.GroundTruth;
import io.omdprt.sim.MulticastSink;
import io.omdprt.sim.Observed;
import io.omdprt.sim.PacketSink;
import io.omdprt.sim.Scenario;
import io.omdprt.sim.ScenarioLoader;
import io.omdprt.sim.Simulator;
import io.omdprt.sim.TruthCheck;
import io.omdprt.testing.Tcpdump;
import io.omdprt.testing.TestConfigs;
import io.omdprt.time.MonitorClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's traffic captured by the real tcpdump on lo, then analysed: the analysis finds the
 * ground truth, count by count, and every outage within one liveness tick.
 */
class TcpdumpCaptureAnalysisTest {
    private static final String SCRIPT = String.join("\n",
            "name: tcpdump capture",
            "duration: 10s",
            "rate: 300",
            "faults:",
            "  - { at: 1s, type: drop, feed: omdcc, channel: 31, messages: 7 }",
            "  - { at: 1s, type: line-down, feed: omdc-sp, channel: 11, line: B, for: 3s }",
            "  - { at: 1s, type: reorder, feed: omdc-sp, channel: 12, line: A, pairs: 3 }",
            "  - { at: 4s, type: drop, feed: omdc-sp, channel: 12, line: B, messages: 5 }",
            "  - { at: 1s, type: channel-silent, feed: omdc-index, channel: 21, for: 3s }",
            "  - { at: 2s, type: duplicate, feed: omdcc, channel: 32, line: A, packets: 4 }",
            "  - { at: 6s, type: sequence-reset, feed: omdcc, channel: 32 }",
            "  - { at: 2s, type: dr-signal, feed: omdc-sp, status: 1 }",
            "");

    /** Counts what it passes on. */
    private static final class Counting implements PacketSink {
        private final PacketSink next;
        private long sent;

        Counting(PacketSink next) {
            this.next = next;
        }

        @Override
        public void send(LineConfig line, UnsafeBuffer packet, int length, long wallNanos) throws IOException {
            next.send(line, packet, length, wallNanos);
            sent++;
        }

        @Override
        public void close() throws IOException {
            next.close();
        }
    }

    @Test
    void whatTcpdumpCapturedIsAnalysedToTheGroundTruth(@TempDir Path dir) throws Exception {
        MonitorConfig config = TestConfigs.isolated(new ConfigLoader().load(Path.of("config/demo.yaml")), Duration.ofMillis(1_500),
                Duration.ofMillis(400));
        Scenario scenario = ScenarioLoader.parse("tcpdump.yaml", SCRIPT, config, 1.0);
        Path capture = dir.resolve("lo.pcap");
        GroundTruth truth;
        long sent;
        try (Tcpdump tcpdump = Tcpdump.start("lo", true, filter(config), capture)) {
            try (Counting sink = new Counting(new MulticastSink(MulticastSender.loopback()))) {
                truth = new Simulator(config, scenario, sink, 21, MonitorClock.system()).run();
                sent = sink.sent;
            }
            Tcpdump.awaitDatagrams(capture, sent);
            tcpdump.stop();
        }

        Analysis analysis = Analyses.analyze(config, capture);
        assertTrue(analysis.complete(), analysis.capture().error());
        assertEquals(sent, analysis.capture().datagramsAnalysed());
        assertEquals(0, analysis.capture().unknownDatagrams());
        assertEquals("EN10MB (1)", analysis.capture().files().get(0).linkType());
        double tick = config.liveness().checkInterval().toNanos() / 1e9;
        List<TruthCheck.Check> failures = TruthCheck.failures(
                TruthCheck.compare(truth, Observed.of(analysis.channels(), analysis.lastNanos()), tick));
        assertEquals(List.of(), failures);
    }

    /** Every line of the config, and nothing else. */
    private static String filter(MonitorConfig config) {
        List<String> lines = new ArrayList<>();
        for (ChannelConfig c : config.allChannels()) {
            for (LineConfig l : c.lines()) {
                lines.add("(dst host " + l.group().getHostAddress() + " and dst port " + l.port() + ")");
            }
        }
        return "udp and (" + String.join(" or ", lines) + ")";
    }
}
