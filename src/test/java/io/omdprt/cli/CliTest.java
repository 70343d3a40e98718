package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of the command line. */
class CliTest {
    /** Runs the CLI, capturing stdout and stderr. */
    static final class Run {
        final int exit;
        final String out;
        final String err;

        Run(String... args) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                exit = Main.run(args);
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            this.out = out.toString(StandardCharsets.UTF_8);
            this.err = err.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void checkConfigAcceptsTheShippedConfigs() {
        Run demo = new Run("check-config", "config/demo.yaml");
        assertEquals(0, demo.exit, demo.err);
        assertTrue(demo.out.contains("join 239.194.11.1:52011 on 127.0.0.1"), demo.out);
        assertEquals(0, new Run("check-config", "config/hkex-prt-example.yaml").exit);
    }

    @Test
    void badConfigExitsWithTwoNamingFileKeyAndExpectation(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("config/demo.yaml")).replace("port: 52012 }", "port: 99999 }"));
        for (String[] args : new String[][] {{"check-config", bad.toString()}, {"monitor", "--config", bad.toString()}}) {
            Run r = new Run(args);
            assertEquals(2, r.exit, String.join(" ", args));
            assertTrue(r.err.contains(bad + ": feeds[0].channels[1].lines[0].port: expected an integer 1..65535, got 99999"), r.err);
        }
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertEquals(2, new Run("monitor", "--no-such-option").exit);
        assertEquals(2, new Run("monitor").exit, "--config is required");
    }

    @Test
    void checkConfigPrintsTheReportsFolderAndWarnsWhenEveryWindowHasEnded(@TempDir Path dir) throws Exception {
        Run example = new Run("check-config", "config/hkex-prt-example.yaml");
        assertEquals(0, example.exit, example.err);
        assertTrue(example.out.contains("journal in /var/lib/omd-prt-monitor/journal, kept 90 days; reports in"
                + " /var/lib/omd-prt-monitor/reports, kept 30 days\n"), example.out);
        assertTrue(example.out.contains("\nwarning: every configured window has ended (the last, PRT3, on 2024-01-20): no window"
                + " will open by itself"), example.out);

        Run demo = new Run("check-config", "config/demo.yaml");
        assertTrue(demo.out.contains("; reports in data/reports, kept 30 days\n"), demo.out);
        assertTrue(demo.out.contains("receiver auto, 1 thread, SO_RCVBUF 4,194,304 bytes"), demo.out);
        assertTrue(demo.out.contains("\n3 feeds, 6 channels, 12 lines\n"), demo.out);
        assertFalse(demo.out.contains("warning"), "no windows, nothing to warn about: " + demo.out);

        String next = "windows:\n  - { name: NEXT, date: " + java.time.LocalDate.now().plusDays(7) + ", start: \"09:00\", end: \"12:10\" }\n"
                + "  - { name: OLD, date: 2024-01-06, start: \"09:00\", end: \"12:10\" }\n";
        Path future = dir.resolve("future.yaml");
        Files.writeString(future, Files.readString(Path.of("config/demo.yaml")) + next);
        Run upcoming = new Run("check-config", future.toString());
        assertEquals(0, upcoming.exit, upcoming.err);
        assertTrue(upcoming.out.contains("window NEXT: "), upcoming.out);
        assertFalse(upcoming.out.contains("warning"), "a window is still to come: " + upcoming.out);
    }

    @Test
    void theOnlyWindowHavingEndedIsWarnedAboutInTheSingular() {
        java.time.Instant now = java.time.Instant.parse("2024-01-06T04:10:00Z");
        io.omdprt.config.WindowConfig w = new io.omdprt.config.WindowConfig("PRT1", java.time.LocalDate.parse("2024-01-06"),
                java.time.LocalTime.parse("09:00"), java.time.LocalTime.parse("12:10"), java.time.ZoneId.of("Asia/Hong_Kong"), "");
        assertEquals(java.util.Optional.empty(), CheckConfigCommand.pastWindowsWarning(java.util.List.of(w), now.minusSeconds(1)),
                "04:10 UTC is 12:10 HKT: a second before, it has not ended");
        assertTrue(CheckConfigCommand.pastWindowsWarning(java.util.List.of(w), now).orElseThrow()
                .startsWith("the configured window has ended (the last, PRT1, on 2024-01-06)"));
        assertEquals(java.util.Optional.empty(), CheckConfigCommand.pastWindowsWarning(java.util.List.of(), now));
    }

    @Test
    void checkConfigPrintsTheNextOccurrencesInHongKongTimeWithTheOffset() throws Exception {
        io.omdprt.config.MonitorConfig c = new io.omdprt.config.ConfigLoader().parse("t.yaml", "recurring-windows:\n"
                + "  - name: trading\n"
                + "    sessions: [ { name: am, start: \"09:00\", end: \"12:00\" }, { name: pm, start: \"13:00\", end: \"16:10\" } ]\n"
                + "    holidays: [2026-12-25]\n"
                + "    half-days: [ { date: 2026-12-24, sessions: [ { name: am, start: \"09:00\", end: \"12:00\" } ] } ]\n"
                + "windows: [ { name: OLD, date: 2024-01-06, start: \"09:00\", end: \"12:10\" } ]\n"
                + "alerts: { mode: production }\n"
                + "feeds: [ { name: f, protocol: omd-c, interface: 127.0.0.1, channels: [ { id: 1, lines: [ { name: A, group: 239.1.1.1, port: 5 } ] } ] } ]\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Wednesday 23 December 2026, 14:00 in Hong Kong: the afternoon session is on.
        CheckConfigCommand.print(c, new PrintStream(bytes, true, StandardCharsets.UTF_8), java.time.Instant.parse("2026-12-23T06:00:00Z"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("recurring window trading: Monday-Friday, am 09:00-12:00, pm 13:00-16:10 (Asia/Hong_Kong), 1 holiday,"
                + " 1 half-day; the next 5:\n"
                + "  trading-2026-12-23-pm        2026-12-23 13:00:00.000 HKT (+08:00) to 16:10:00.000 HKT (+08:00)\n"
                + "  trading-2026-12-24-am        2026-12-24 09:00:00.000 HKT (+08:00) to 12:00:00.000 HKT (+08:00)\n"
                + "  trading-2026-12-28-am        2026-12-28 09:00:00.000 HKT (+08:00) to 12:00:00.000 HKT (+08:00)\n"
                + "  trading-2026-12-28-pm        2026-12-28 13:00:00.000 HKT (+08:00) to 16:10:00.000 HKT (+08:00)\n"
                + "  trading-2026-12-29-am        2026-12-29 09:00:00.000 HKT (+08:00) to 12:00:00.000 HKT (+08:00)\n"), out);
        assertTrue(out.contains("alerts in production mode: feed alerts inside a window and inside every recurring window occurrence\n"), out);
        assertFalse(out.contains("warning"), "the trading sessions open by themselves, whatever the windows: " + out);
    }
}
