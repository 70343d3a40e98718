package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void everyCommandHasHelp() {
        for (String command : new String[] {"monitor", "check-config"}) {
            Run r = new Run(command, "--help");
            assertEquals(0, r.exit, command);
            assertTrue(r.out.startsWith("Usage: omd-prt-monitor " + command), r.out);
        }
    }
}
