package io.omdprt.analyze;

import io.omdprt.config.MonitorConfig;
import io.omdprt.pcap.PcapReader;
import io.omdprt.pcap.PcapWriter;
import io.omdprt.pcap.TimestampPrecision;
import io.omdprt.pcap.UdpDatagram;
import io.omdprt.sim.GroundTruth;
import io.omdprt.sim.PcapSink;
import io.omdprt.sim.Scenario;
import io.omdprt.sim.Simulator;
import io.omdprt.time.ManualClock;
import io.omdprt.time.MonitorClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Captures written by the simulator in simulated time, and analysed in one call. */
final class Analyses {
    static final Instant START = Instant.parse("2024-01-06T01:00:00Z");

    private Analyses() {
    }

    static GroundTruth simulate(MonitorConfig config, Scenario scenario, Path file, long seed) throws IOException {
        try (PcapSink sink = PcapSink.create(file)) {
            return new Simulator(config, scenario, sink, seed, ManualClock.at(START)).run();
        }
    }

    static Analysis analyze(MonitorConfig config, Path... files) {
        CaptureAnalyzer analyzer = new CaptureAnalyzer(config, Progress.NONE, MonitorClock.system());
        for (Path f : files) {
            if (!analyzer.analyze(f)) {
                break;
            }
        }
        return analyzer.finish();
    }

    /** Copies the capture's datagrams to two files, those before {@code splitNanos} to the first. */
    static List<Path> split(Path capture, long splitNanos, Path first, Path second) throws IOException {
        try (PcapReader reader = PcapReader.open(capture);
             PcapWriter a = PcapWriter.create(first, TimestampPrecision.NANOS);
             PcapWriter b = PcapWriter.create(second, TimestampPrecision.NANOS)) {
            UdpDatagram d = new UdpDatagram();
            while (reader.next(d)) {
                (d.timestampNanos() < splitNanos ? a : b).write(d.timestampNanos(), d.sourceAddress(), d.sourcePort(),
                        d.destinationAddress(), d.destinationPort(), d.buffer(), d.payloadOffset(), d.payloadLength());
            }
        }
        return List.of(first, second);
    }
}
