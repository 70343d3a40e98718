package io.omdprt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.pcap.Ipv4;
import io.omdprt.pcap.PcapReader;
import io.omdprt.pcap.UdpDatagram;
import io.omdprt.report.ReportModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripted bursts (the simulator's burst fault) in a capture: the analysis reports exactly the 1 ms
 * peak that the capture's own timestamps hold, per line, per window and per minute.
 */
class BurstFaultTest {
    @TempDir
    Path dir;

    @Test
    void scriptedBurstsGiveExactOneMillisecondPeaks() throws Exception {
        MonitorConfig config = SimCaptures.demo();
        List<Fault> faults = List.of(
                SimCaptures.fault(20, FaultType.BURST, "omdc-sp", "11", "A", 300, Duration.ofNanos(800_000)),
                SimCaptures.fault(70, FaultType.BURST, "omdc-sp", "11", "A", 120, Duration.ofNanos(400_000)),
                SimCaptures.fault(40, FaultType.BURST, "omdcc", "31", "B", 64, Duration.ofNanos(100_000)));
        SimCaptures.Analysed run = SimCaptures.run(config, dir.resolve("burst.pcap"), 3, 100, 200, faults);

        for (String[] l : new String[][] {{"omdc-sp", "11", "A"}, {"omdc-sp", "11", "B"}, {"omdcc", "31", "B"}, {"omdcc", "31", "A"}}) {
            ReportModel.Line line = SimCaptures.line(run.report(), l[0], l[1], l[2]);
            long[] truth = peak(run.pcap(), SimCaptures.lineConfig(config, l[0], l[1], l[2]), 1_000_000L);
            assertEquals(truth[0], line.traffic().burstPackets(), "1 ms peak packets of " + String.join("/", l));
            assertEquals(truth[1], line.traffic().burstBytes(), "1 ms peak bytes of " + String.join("/", l));
            assertEquals(1.0, line.traffic().burstResolutionMs());
            assertTrue(line.endpoint().startsWith("239.") && line.site().equals("primary"), line.endpoint());
            long scripted = run.truth().line(l[0], l[1], l[2]).burstPackets;
            assertTrue(line.traffic().burstPackets() >= scripted, "at least the scripted burst: " + scripted);
        }
        assertTrue(SimCaptures.line(run.report(), "omdc-sp", "11", "A").traffic().burstPackets() >= 300);
        assertTrue(SimCaptures.line(run.report(), "omdc-sp", "11", "B").traffic().burstPackets() < 60, "no burst on B");

        // per minute: the 300-packet burst in the first minute, the 120-packet one in the second
        List<ReportModel.Point> timeline = SimCaptures.channel(run.report(), "omdc-sp", "11").timeline();
        assertEquals(2, timeline.size(), timeline.toString());
        assertTrue(timeline.get(0).burstPackets().get("A") >= 300, timeline.get(0).toString());
        long second = timeline.get(1).burstPackets().get("A");
        assertTrue(second >= 120 && second < 300, timeline.get(1).toString());
        assertEquals(0, SimCaptures.channel(run.report(), "omdc-sp", "11").arbitratedGaps(), "a burst loses nothing");
    }

    /** The most packets and bytes whose timestamps lie within less than {@code span} of each other, by brute force. */
    static long[] peak(Path pcap, LineConfig line, long span) throws Exception {
        List<long[]> arrivals = new ArrayList<>();
        try (PcapReader r = PcapReader.open(pcap)) {
            UdpDatagram d = new UdpDatagram();
            while (r.next(d)) {
                if (d.destinationAddress() == Ipv4.toInt(line.group()) && d.destinationPort() == line.port()) {
                    arrivals.add(new long[] {d.timestampNanos(), d.payloadLength()});
                }
            }
        }
        long packets = 0;
        long bytes = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            long n = 0;
            long b = 0;
            for (int j = i; j >= 0 && arrivals.get(i)[0] - arrivals.get(j)[0] < span; j--) {
                n++;
                b += arrivals.get(j)[1];
            }
            packets = Math.max(packets, n);
            bytes = Math.max(bytes, b);
        }
        return new long[] {packets, bytes};
    }
}
