package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.pcap.Ipv4;
import io.omdprt.pcap.PcapWriter;
import io.omdprt.pcap.TimestampPrecision;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import io.omdprt.verdict.Verdict;
import io.omdprt.testing.TestConfigs;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * simulate --no-send --pcap-out, then analyze: exit codes, messages, and the report of a capture that
 * is whole, cut short, corrupt, or reported on within a configured window.
 */
class AnalyzeCommandTest {
    private static final String SCRIPT = String.join("\n",
            "name: real loss",
            "duration: 20s",
            "rate: 300",
            "faults:",
            "  - { at: 2s, type: drop, feed: omdcc, channel: 31, messages: 7 }",
            "");

    @TempDir
    static Path shared;
    static Path config;
    static Path capture;

    @TempDir
    Path dir;

    @BeforeAll
    static void simulateWithoutSending() throws Exception {
        config = shared.resolve("config.yaml");
        Files.writeString(config, Files.readString(Path.of("config/demo.yaml")) + "windows:\n" + TestConfigs.windowCoveringNow("W"));
        Path script = Files.writeString(shared.resolve("loss.yaml"), SCRIPT);
        capture = shared.resolve("run.pcap");
        CliTest.Run r = new CliTest.Run("simulate", "--config", config.toString(), "--script", script.toString(), "--no-send",
                "--pcap-out", capture.toString(), "--truth-out", shared.resolve("truth.json").toString());
        assertEquals(0, r.exit, r.err);
        assertTrue(r.err.contains("datagrams written to " + capture.toAbsolutePath()), r.err);
    }

    private CliTest.Run analyze(String... more) {
        String[] args = {"analyze", "--config", config.toString(), "--out", dir.resolve("report").toString()};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return new CliTest.Run(all);
    }

    private ReportModel report() throws IOException {
        return ReportWriter.readJson(dir.resolve("report/report.json"));
    }

    private static ReportModel.Channel channel(ReportModel report, String feed, String channel) {
        return report.feeds().stream().filter(f -> f.name().equals(feed)).findFirst().orElseThrow()
                .channels().stream().filter(c -> c.channel().equals(channel)).findFirst().orElseThrow();
    }

    @Test
    void aWholeCaptureIsReportedWithExitZeroWhateverTheVerdict() throws Exception {
        CliTest.Run r = analyze(capture.toString());
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("window capture ("), r.out);
        assertTrue(r.out.matches("(?s).*omdcc +31 +FAIL +[0-9,]+ +7 .*"), "real loss of 7 on omdcc/31:\n" + r.out);
        assertTrue(r.out.contains("skipped: none") && r.out.contains("unknown destinations: none"), r.out);
        assertTrue(r.out.contains("report: " + dir.resolve("report/report.html").toAbsolutePath()), r.out);
        ReportModel report = report();
        assertTrue(report.capture().packetsRead() >= 1_000, "enough packets to need a separator: " + report.capture().packetsRead());
        String packets = io.omdprt.text.Counts.number(report.capture().packetsRead());
        assertTrue(packets.contains(","), packets);
        assertTrue(r.out.startsWith("capture: 1 file, ") && r.out.contains(", " + packets + " packets ("), r.out);
        assertTrue(r.out.matches("(?s).*\\bline gaps +channel outages +line outages\n.*"), "outages of what:\n" + r.out);
        assertTrue(Files.readString(dir.resolve("report/report.html")).contains("<th>packets read</th><td>" + packets + "</td>"),
                "the HTML report separates thousands too");
        assertEquals(Verdict.FAIL, report.verdict());
        assertTrue(report.window().complete());
        assertTrue(report.capture().complete());
        assertEquals(7, channel(report, "omdcc", "31").arbitratedMissingMessages());
        assertEquals(Duration.ofSeconds(20), Duration.between(Instant.parse(report.capture().first()),
                Instant.parse(report.capture().last())), "20 s of simulated traffic");
    }

    @Test
    void aTruncatedCaptureEndsWithExitOneAndAReportOfWhatWasRead() throws Exception {
        byte[] bytes = Files.readAllBytes(capture);
        Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(bytes, bytes.length * 3 / 5));
        CliTest.Run r = analyze(cut.toString());
        assertEquals(1, r.exit, r.err);
        assertTrue(r.err.matches("(?s)error: " + cut.toString().replace(".", "\\.") + ": at byte offset [0-9]+: "
                + "the file ends inside a record.*"), r.err);
        assertTrue(r.err.contains("the report (marked incomplete) covers what was read before it"), r.err);
        assertFalse(r.err.contains("Exception"), "no stack trace: " + r.err);
        ReportModel report = report();
        assertFalse(report.capture().complete());
        assertFalse(report.window().complete());
        assertTrue(report.capture().error().startsWith(cut + ": at byte offset "), report.capture().error());
        assertEquals(7, channel(report, "omdcc", "31").arbitratedMissingMessages(), "the loss at 2 s was read");
        assertTrue(Files.readString(dir.resolve("report/report.md")).contains("**Incomplete:** " + cut));
        assertTrue(Files.readString(dir.resolve("report/report.html")).contains("reading the capture ended in an error"));
    }

    @Test
    void aCorruptRecordEndsWithExitOneNamingItsOffset() throws Exception {
        Path corrupt = Files.copy(capture, dir.resolve("corrupt.pcap"));
        long offset = 24;
        try (FileChannel ch = FileChannel.open(corrupt, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
            for (int record = 0; record < 1_000; record++) {
                header.clear();
                ch.read(header, offset);
                offset += 16 + header.getInt(8);
            }
            header.clear();
            header.putInt(8, 0x7FFF_FFFF);
            ch.write(header, offset);
        }
        CliTest.Run r = analyze(capture.toString(), corrupt.toString(), capture.toString());
        assertEquals(1, r.exit, r.err);
        assertTrue(r.err.startsWith("error: " + corrupt + ": at byte offset " + offset + ": record header claims 2147483647"
                + " captured bytes"), r.err);
        ReportModel.Capture c = report().capture();
        assertEquals(2, c.files().size(), "the analysis stopped at the corrupt file");
        assertEquals(1_000, c.files().get(1).packets());
    }

    @Test
    void aConfiguredWindowIsReportedWithWhatTheCaptureDoesNotCover() throws Exception {
        CliTest.Run r = analyze("--window", "W", capture.toString());
        assertEquals(0, r.exit, r.err);
        ReportModel report = report();
        assertEquals("W", report.window().name());
        assertEquals(2, report.monitor().downtime().size(), "before and after the capture");
        for (ReportModel.Downtime d : report.monitor().downtime()) {
            assertEquals("not-captured", d.reason());
        }
        double window = Duration.between(Instant.parse(report.window().start()), Instant.parse(report.window().end())).toMillis() / 1e3;
        assertEquals(window - 20.0, report.monitor().downtimeSeconds(), 0.002);
        assertEquals(7, channel(report, "omdcc", "31").arbitratedMissingMessages());
    }

    /** A capture of {@code n} OMD heartbeats to one destination, a second apart. */
    private Path heartbeats(String name, long startNanos, String group, int port, int n) throws Exception {
        Path file = dir.resolve(name);
        UnsafeBuffer packet = new UnsafeBuffer(new byte[64]);
        int length = new PacketEncoder().heartbeat(packet, 0, 0, startNanos);
        try (PcapWriter writer = PcapWriter.create(file, TimestampPrecision.NANOS)) {
            for (int i = 0; i < n; i++) {
                writer.write(startNanos + i * 1_000_000_000L, Ipv4.toInt(InetAddress.getByName("10.0.0.1")), 4_000,
                        Ipv4.toInt(InetAddress.getByName(group)), port, packet, 0, length);
            }
        }
        return file;
    }

    @Test
    void aCaptureOfNothingConfiguredIsAFailureThatListsWhatItHad() throws Exception {
        CliTest.Run r = analyze(heartbeats("other.pcap", 1_704_502_800_000_000_000L, "239.9.9.9", 1_234, 3).toString());
        assertEquals(1, r.exit, r.err);
        assertTrue(r.err.startsWith("error: no datagram of the capture went to a line of " + config), r.err);
        assertTrue(r.out.contains("unknown destinations: 3 datagrams to 1 destination: 239.9.9.9:1234 (3)"), r.out);
        assertEquals(1, report().capture().topUnknownDestinations().size());

        CliTest.Run empty = analyze(heartbeats("empty.pcap", 0, "239.9.9.9", 1_234, 0).toString());
        assertEquals(1, empty.exit, empty.err);
        assertTrue(empty.err.startsWith("error: no datagram of the capture went to a line of " + config), empty.err);
        assertTrue(empty.out.contains("from none to none"), empty.out);
        assertEquals(0, report().capture().packetsRead());
    }

    @Test
    void aCaptureOutsideTheWindowIsPointedOut() throws Exception {
        Path old = heartbeats("old.pcap", 1_704_502_800_000_000_000L, "239.194.11.1", 52_011, 3);
        CliTest.Run r = analyze("--window", "W", old.toString());
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("warning: the capture does not overlap window W: nothing in it is reported"), r.out);
        assertFalse(analyze(old.toString()).out.contains("warning"), "its own time span");
    }

    @Test
    void whatIsSentOnLoopbackCanBeCapturedToo() throws Exception {
        int port = TestConfigs.freeUdpPort();
        String a = TestConfigs.randomGroup();
        String b = TestConfigs.randomGroup();
        while (b.equals(a)) {
            b = TestConfigs.randomGroup();
        }
        Path loopback = Files.writeString(dir.resolve("loopback.yaml"), TestConfigs.fastHeader("test")
                + "feeds:\n  - name: f\n    protocol: omd-c\n    interface: 127.0.0.1\n    channels:\n      - id: 1\n        lines:\n"
                + "          - { name: A, group: " + a + ", port: " + port + " }\n"
                + "          - { name: B, group: " + b + ", port: " + port + " }\n");
        Path sent = dir.resolve("sent.pcap");
        CliTest.Run r = new CliTest.Run("simulate", "--config", loopback.toString(), "--duration", "2s", "--rate", "100",
                "--pcap-out", sent.toString(), "--truth-out", dir.resolve("truth.json").toString());
        assertEquals(0, r.exit, r.err);
        CliTest.Run analysed = new CliTest.Run("analyze", "--config", loopback.toString(), "--out", dir.resolve("report").toString(),
                sent.toString());
        assertEquals(0, analysed.exit, analysed.err);
        assertTrue(analysed.out.matches("(?s).*\\nf +1 +PASS .*"), analysed.out);
        ReportModel report = report();
        assertEquals(report.capture().packetsRead(), report.capture().datagramsAnalysed());
        ReportModel.Channel channel = channel(report, "f", "1");
        assertEquals(2, channel.resets().size(), "the start-of-day reset on lines A and B");
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhy() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(config) + "no-such-key: 1\n");
        CliTest.Run badConfig = new CliTest.Run("analyze", "--config", bad.toString(), capture.toString());
        assertEquals(2, badConfig.exit);
        assertTrue(badConfig.err.startsWith("invalid config: " + bad), badConfig.err);
        assertTrue(badConfig.err.contains("no-such-key"), badConfig.err);

        Path missing = dir.resolve("no-such.pcap");
        CliTest.Run noFile = analyze(capture.toString(), missing.toString());
        assertEquals(2, noFile.exit);
        assertEquals("no such capture file: " + missing, noFile.err.strip());
        assertFalse(Files.exists(dir.resolve("report")), "nothing analysed, no report");

        CliTest.Run directory = analyze(dir.toString());
        assertEquals(2, directory.exit);
        assertEquals("not a readable file: " + dir, directory.err.strip());

        CliTest.Run noWindow = analyze("--window", "PRT9", capture.toString());
        assertEquals(2, noWindow.exit);
        assertEquals("--window: expected one of the config's windows [W], got PRT9", noWindow.err.strip());

        assertEquals(2, new CliTest.Run("analyze", "--config", config.toString()).exit, "no capture file");
        assertEquals(2, new CliTest.Run("analyze", capture.toString()).exit, "no config");

        CliTest.Run noSend = new CliTest.Run("simulate", "--config", config.toString(), "--no-send");
        assertEquals(2, noSend.exit);
        assertEquals("--no-send writes only a capture: give --pcap-out FILE", noSend.err.strip());

        Path nowhere = dir.resolve("no-such-folder/x.pcap");
        CliTest.Run noFolder = new CliTest.Run("simulate", "--config", config.toString(), "--no-send", "--pcap-out", nowhere.toString());
        assertEquals(2, noFolder.exit);
        assertTrue(noFolder.err.startsWith("--pcap-out: cannot create " + nowhere + ": "), noFolder.err);
    }

    @Test
    void aFullDiskStopsTheSimulationWithAMessage() {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "/dev/full (Linux) is needed");
        CliTest.Run r = new CliTest.Run("simulate", "--config", config.toString(), "--duration", "30s", "--rate", "4000", "--no-send",
                "--pcap-out", "/dev/full", "--truth-out", dir.resolve("truth.json").toString());
        assertEquals(1, r.exit);
        assertTrue(r.err.matches("(?s)(.*\n)?simulation stopped: [^\n]*writing the capture /dev/full: No space left on device\\s*"), r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
    }

    @Test
    void analyzeHasHelp() {
        CliTest.Run r = new CliTest.Run("analyze", "--help");
        assertEquals(0, r.exit);
        assertTrue(r.out.startsWith("Usage: omd-prt-monitor analyze"), r.out);
    }
}
