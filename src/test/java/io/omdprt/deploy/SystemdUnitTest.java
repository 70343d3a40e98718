package io.omdprt.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/omd-prt-monitor.service: valid for systemd, without privileges, hardened, and stopped gently. */
class SystemdUnitTest {
    private static final Path UNIT = Path.of("deploy/omd-prt-monitor.service");
    private static final String INSTALLED_JAVA = "/usr/bin/java";

    /** The [Service] section's keys (the last value of each, as systemd reads single-valued keys). */
    private static Map<String, String> service() throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        String section = "";
        for (String line : Files.readAllLines(UNIT)) {
            String l = line.strip();
            if (l.startsWith("[")) {
                section = l;
            } else if (section.equals("[Service]") && !l.isEmpty() && !l.startsWith("#")) {
                int eq = l.indexOf('=');
                keys.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return keys;
    }

    @Test
    void runsAsItsOwnUserWithNoCapabilities() throws Exception {
        Map<String, String> s = service();
        assertEquals("omd-prt-monitor", s.get("User"));
        assertNotEquals("root", s.get("Group"));
        assertEquals("", s.get("CapabilityBoundingSet"), "an empty bounding set: no capability can ever be gained");
        assertEquals("", s.get("AmbientCapabilities"));
        assertEquals("yes", s.get("NoNewPrivileges"));
    }

    @Test
    void isHardened() throws Exception {
        Map<String, String> s = service();
        for (String[] kv : new String[][] {{"ProtectSystem", "strict"}, {"ProtectHome", "yes"}, {"PrivateTmp", "yes"},
            {"PrivateDevices", "yes"}, {"ProtectKernelTunables", "yes"}, {"ProtectControlGroups", "yes"}, {"RestrictSUIDSGID", "yes"}}) {
            assertEquals(kv[1], s.get(kv[0]), kv[0]);
        }
        assertTrue(!s.containsKey("MemoryDenyWriteExecute"), "the JIT needs writable-executable memory");
        assertTrue(!s.containsKey("PrivateNetwork"), "the monitor joins groups on the host's interfaces");
    }

    @Test
    void canWriteWhereTheProductionConfigPutsJournalAndReports() throws Exception {
        MonitorConfig example = new ConfigLoader().load(Path.of("config/hkex-prt-example.yaml"));
        List<Path> writable = new ArrayList<>();
        for (String p : service().get("ReadWritePaths").split("\\s+")) {
            writable.add(Path.of(p));
        }
        for (Path dir : List.of(example.journal().dir(), example.reportDir())) {
            assertTrue(writable.stream().anyMatch(dir::startsWith), dir + " is writable under ProtectSystem=strict: " + writable);
            assertTrue(service().get("StateDirectory").contains(Path.of("/var/lib").relativize(dir).toString()),
                    "systemd creates " + dir + " for the service user");
        }
        assertTrue(service().get("ExecStart").contains("--config /etc/omd-prt-monitor/config.yaml"));
    }

    @Test
    void restartsOnFailureAndGivesThePartialReportTimeOnStop() throws Exception {
        Map<String, String> s = service();
        assertEquals("on-failure", s.get("Restart"));
        assertEquals("2", s.get("RestartPreventExitStatus"), "a bad config is not retried");
        assertEquals("SIGTERM", s.get("KillSignal"));
        assertEquals("143", s.get("SuccessExitStatus"), "the JVM's exit status after SIGTERM");
        Matcher stop = Pattern.compile("(\\d+)s").matcher(s.get("TimeoutStopSec"));
        assertTrue(stop.matches() && Duration.ofSeconds(Long.parseLong(stop.group(1))).compareTo(Duration.ofSeconds(60)) >= 0,
                "TimeoutStopSec of at least 60s: " + s.get("TimeoutStopSec"));
    }

    /**
     * systemd-analyze verify checks that ExecStart's program exists, so it checks a copy whose ExecStart names the java
     * of this test run instead of the installed /usr/bin/java (which a build host may not have).
     */
    @Test
    void systemdAcceptsTheUnitAndRatesItsExposureLow(@TempDir Path dir) throws Exception {
        Path analyze = ExternalTool.require("systemd-analyze", "systemd");
        String unit = Files.readString(UNIT);
        assertTrue(unit.contains("ExecStart=" + INSTALLED_JAVA + " "), "ExecStart runs " + INSTALLED_JAVA);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path copy = dir.resolve("omd-prt-monitor.service");
        Files.writeString(copy, unit.replace("ExecStart=" + INSTALLED_JAVA + " ", "ExecStart=" + java + " "));

        ExternalTool.Result verify = ExternalTool.run(List.of(analyze.toString(), "verify", copy.toString()), null, 60);
        assertEquals(0, verify.exitCode(), verify.output());
        assertEquals("", verify.output().strip(), "no warning either (verify exits 0 on unknown keys and bad values)");

        ExternalTool.Result security = ExternalTool.run(List.of(analyze.toString(), "security", "--offline=true", "--threshold=40",
                copy.toString()), null, 60);
        Matcher level = Pattern.compile("Overall exposure level for omd-prt-monitor.service: ([0-9.]+)").matcher(security.output());
        assertTrue(level.find(), security.output());
        assertEquals(0, security.exitCode(), "exposure " + level.group(1) + " above 4.0 (of 10; --threshold counts tenths):\n" + security.output());
    }

    @Test
    void theVerifyStepCatchesAMistake(@TempDir Path dir) throws Exception {
        Path analyze = ExternalTool.require("systemd-analyze", "systemd");
        Path copy = dir.resolve("broken.service");
        Files.writeString(copy, Files.readString(UNIT).replace("Restart=on-failure", "Restart=sometimes"));
        ExternalTool.Result verify = ExternalTool.run(List.of(analyze.toString(), "verify", copy.toString()), null, 60);
        assertTrue(verify.output().contains("sometimes"), "an empty output means something: " + verify.output());
    }
}
