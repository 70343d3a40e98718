package io.omdprt.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.cli.Main;
import io.omdprt.event.EventType;
import io.omdprt.event.Gap;
import io.omdprt.event.Lifecycle;
import io.omdprt.event.MonitorEvent;
import io.omdprt.net.MulticastSender;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.TestConfigs;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor as a real process: kill -9 loses at most the last second of journal; started again
 * during the same window it continues the window's record, and the report covers the whole window
 * with the monitor's own downtime shown as such. SIGTERM writes the open window's (partial) report.
 */
class CrashAndRestartTest {
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1500]);
    private final PacketEncoder encoder = new PacketEncoder();
    private long seq = 1;

    private Process start(Path config, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "monitor", "--config", config.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static List<MonitorEvent> journal(Path dir) throws Exception {
        return Files.isDirectory(dir) ? JournalReader.readAll(dir).events() : List.of();
    }

    private static long count(List<MonitorEvent> events, EventType type) {
        return events.stream().filter(e -> e.type() == type).count();
    }

    /** One message, skipping one sequence number: every packet after the first is a line gap. */
    private Instant gap(MulticastSender sender, InetSocketAddress group) throws Exception {
        encoder.begin(buffer, 0, seq, System.currentTimeMillis() * 1_000_000L);
        encoder.message(50, 32);
        sender.send(buffer.byteArray(), encoder.finish(), group);
        seq += 2;
        return Instant.now();
    }

    @Test
    void killLosesAtMostOneSecondAndARestartContinuesTheWindow(@TempDir Path dir) throws Exception {
        ZoneOffset zone = ZoneOffset.ofHours(12 - LocalTime.now(ZoneOffset.UTC).getHour());
        String group = TestConfigs.randomGroup();
        String otherGroup = TestConfigs.randomGroup();
        int port = TestConfigs.freeUdpPort();
        Path journalDir = dir.resolve("journal");
        Path reportDir = dir.resolve("reports");
        String yaml = TestConfigs.fastHeader("crash-test")
                + "journal: { dir: " + journalDir + " }\n"
                + "reports: { dir: " + reportDir + " }\n"
                + "windows:\n  - { name: PRT-TEST, date: " + LocalDate.now(zone) + ", start: \"00:00\", end: \"23:59\", zone: \""
                + zone.getId() + "\" }\n"
                + "feeds:\n  - name: f\n    protocol: omd-c\n    interface: 127.0.0.1\n    channels:\n      - id: 1\n        lines:\n"
                + "          - { name: A, group: " + group + ", port: " + port + " }\n"
                + "          - { name: B, group: " + (otherGroup.equals(group) ? "239.255.0.1" : otherGroup) + ", port: " + port + " }\n";
        Path config = dir.resolve("monitor.yaml");
        Files.writeString(config, yaml);
        Path log = dir.resolve("monitor.log");
        InetSocketAddress a = new InetSocketAddress(group, port);

        try (MulticastSender sender = MulticastSender.loopback()) {
            Process first = start(config, log);
            try {
                Eventually.await(Duration.ofSeconds(30), () -> count(journal(journalDir), EventType.WINDOW_START) > 0 ? null
                        : "first monitor not recording yet: " + Files.readString(log));
                gap(sender, a);
                List<Instant> sent = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Thread.sleep(100);
                    sent.add(gap(sender, a));
                }
                Instant killedAt = Instant.now();
                first.destroyForcibly();
                assertTrue(first.waitFor(10, TimeUnit.SECONDS));

                List<MonitorEvent> afterKill = journal(journalDir);
                long expectedAtLeast = sent.stream().filter(t -> t.isBefore(killedAt.minusSeconds(1))).count();
                long journalled = count(afterKill, EventType.LINE_GAP);
                assertTrue(journalled >= expectedAtLeast, "gaps older than 1 s before the kill are journalled: "
                        + journalled + " of at least " + expectedAtLeast);
                assertTrue(expectedAtLeast >= 9, "the test sent gaps well before the kill");
                assertEquals(0, count(afterKill, EventType.MONITOR_STOP), "no clean stop after kill -9");
            } finally {
                first.destroyForcibly();
            }

            Thread.sleep(1_500); // the monitor is down for a while: that downtime must show in the report
            Process second = start(config, log);
            try {
                Eventually.await(Duration.ofSeconds(30), () -> count(journal(journalDir), EventType.MONITOR_START) == 2 ? null
                        : "second monitor not started: " + Files.readString(log));
                Eventually.await(Duration.ofSeconds(10), () -> count(journal(journalDir), EventType.WINDOW_START) == 2 ? null
                        : "second monitor not in the window yet");
                seq += 100;
                for (int i = 0; i < 5; i++) {
                    gap(sender, a);
                    Thread.sleep(50);
                }
                // The restarted line starts afresh: its first packet sets the sequence, the next four are gaps.
                Eventually.await(Duration.ofSeconds(10), () -> gapsAfterRestart(journal(journalDir)) == 4
                        ? null : "gaps of the second run not journalled: " + gapsAfterRestart(journal(journalDir)));
                second.destroy(); // SIGTERM: clean stop, partial report of the open window
                assertTrue(second.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
            } finally {
                second.destroyForcibly();
            }
        }

        List<MonitorEvent> all = journal(journalDir);
        assertEquals(1, count(all, EventType.MONITOR_STOP), "SIGTERM recorded the stop");
        Path partial;
        try (var dirs = Files.list(reportDir)) {
            partial = dirs.filter(d -> d.getFileName().toString().startsWith("PRT-TEST_")).findFirst().orElseThrow().resolve("report.json");
        }
        assertTrue(Files.exists(partial), "SIGTERM wrote the open window's report: " + Files.readString(log));
        assertFalse(ReportWriter.readJson(partial).window().complete(), "partial: the window had not ended");

        Path out = dir.resolve("rebuilt");
        int exit = Main.run("report", journalDir.toString(), "--window", "PRT-TEST", "--out", out.toString());
        assertEquals(0, exit);
        ReportModel report = ReportWriter.readJson(out.resolve("report.json"));
        ReportModel.Channel channel = report.feeds().get(0).channels().get(0);
        long lineGaps = channel.lines().stream().filter(l -> l.line().equals("A")).findFirst().orElseThrow().gaps();
        assertEquals(count(all, EventType.LINE_GAP), lineGaps, "the report covers both runs");
        assertEquals(4, gapsAfterRestart(all));
        assertTrue(lineGaps >= 9 + 4, "gaps from before the kill and after the restart: " + lineGaps);
        List<ReportModel.Downtime> crashes = report.monitor().downtime().stream().filter(d -> d.reason().equals("crashed")).toList();
        assertEquals(1, crashes.size(), "the kill shows as monitor downtime: " + report.monitor().downtime());
        assertTrue(crashes.get(0).seconds() >= 1.5 && crashes.get(0).seconds() < 20, "downtime " + crashes.get(0).seconds());
        assertEquals(List.of("crash-test"), report.monitor().instances());
    }

    private static long gapsAfterRestart(List<MonitorEvent> events) {
        Instant restart = events.stream().filter(e -> e instanceof Lifecycle.Start).map(MonitorEvent::time)
                .reduce((x, y) -> y).orElseThrow();
        return events.stream().filter(e -> e instanceof Gap.OnLine && e.time().isAfter(restart)).count();
    }
}
