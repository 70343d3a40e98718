package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.FreshEndpoints;
import io.omdprt.config.HttpConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.monitor.Monitor;
import io.omdprt.testing.TestConfigs;
import io.omdprt.time.MonitorClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's first command, shortened: every injected fault must be reported as detected. */
class DemoTest {
    /** As the README says it ({@code ./omd-prt-monitor --duration 30s}): no command, and a bare number of seconds. */
    @Test
    void shortDemoDetectsEveryInjectedFault() {
        CliTest.Run run = new CliTest.Run("--duration", "20", "--port", "0");
        assertEquals(0, run.exit, run.out + run.err);
        assertTrue(run.out.contains("All 9 injected faults were detected, and every count matches what was injected."), run.out);
        for (String fault : new String[] {"line-down omdc-sp/11 line A", "drop omdc-sp/12 line A", "drop omdcc/31 all lines",
                "channel-silent omdc-index/21", "dr-signal omdc-sp/dr status 1", "dr-signal omdc-sp/dr status 2"}) {
            assertTrue(run.out.contains(fault), "summary lists " + fault);
        }
        assertTrue(run.out.contains("t=  1s"), "a live table each second");
    }

    @Test
    void tooShortADemoIsBadUsage() {
        for (String[] args : new String[][] {{"demo", "--duration", "5s"}, {"--duration", "5s"}, {"--duration=5"}, {"demo", "--duration", "5"}}) {
            CliTest.Run run = new CliTest.Run(args);
            assertEquals(2, run.exit, String.join(" ", args) + ": " + run.err);
            assertTrue(run.err.contains("invalid option: --duration: expected at least 20s") && run.err.contains("got 5s"), run.err);
        }
    }

    @Test
    void aDurationThatIsNoneIsBadUsage() {
        CliTest.Run run = new CliTest.Run("--duration", "soon");
        assertEquals(2, run.exit, run.err);
        assertTrue(run.err.contains("invalid option: --duration: expected a duration such as 30s, 2m or 30 (seconds), got 'soon'"),
                run.err);
    }

    @Test
    void optionsWithoutACommandAreTheDemosButHelpAndVersionAreTheTopLevels() {
        assertTrue(Main.startsTheDemo());
        assertTrue(Main.startsTheDemo("--duration", "30s"));
        assertTrue(Main.startsTheDemo("--quiet"));
        assertFalse(Main.startsTheDemo("--help"));
        assertFalse(Main.startsTheDemo("-V"));
        assertFalse(Main.startsTheDemo("monitor", "--config", "x.yaml"));
        CliTest.Run unknown = new CliTest.Run("--no-such-option");
        assertEquals(2, unknown.exit);
        assertTrue(unknown.err.contains("Unknown option: '--no-such-option'"), unknown.err);
        CliTest.Run version = new CliTest.Run("--version");
        assertEquals(0, version.exit);
        assertTrue(version.out.startsWith("omd-prt-monitor "), version.out);
    }

    @Test
    void twoDemosNeverShareAGroupAndPort() throws Exception {
        MonitorConfig base = DemoCommand.loadDemoConfig();
        Set<String> shipped = endpoints(base);
        for (int run = 0; run < 20; run++) {
            MonitorConfig one = FreshEndpoints.of(base);
            MonitorConfig two = FreshEndpoints.of(base);
            Set<String> first = endpoints(one);
            Set<String> second = endpoints(two);
            assertEquals(base.lineCount(), first.size(), "every line of a demo on its own group:port: " + first);
            Set<String> shared = new HashSet<>(first);
            shared.retainAll(second);
            assertEquals(Set.of(), shared, "two demos must not hear each other");
            assertTrue(java.util.Collections.disjoint(first, shipped), "not the groups written in config/demo.yaml");
            for (ChannelConfig c : one.allChannels()) {
                assertEquals(1, c.lines().stream().map(LineConfig::port).distinct().count(), "the lines of a channel share its port");
                for (LineConfig l : c.lines()) {
                    assertTrue(l.group().getHostAddress().startsWith("239.255."), "organisation-local: " + l.endpoint());
                    assertEquals("127.0.0.1", l.interfaceName());
                }
            }
            assertEquals(base.allChannels().stream().map(ChannelConfig::label).toList(),
                    one.allChannels().stream().map(ChannelConfig::label).toList(), "the same channels");
        }
    }

    private static Set<String> endpoints(MonitorConfig config) {
        Set<String> all = new HashSet<>();
        for (ChannelConfig c : config.allChannels()) {
            for (LineConfig l : c.lines()) {
                all.add(l.endpoint());
            }
        }
        return all;
    }

    @Test
    void aTakenHttpPortFallsBackToAFreeOneAndSaysWhich() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            MonitorConfig config = TestConfigs.withTempOutput(FreshEndpoints.of(DemoCommand.loadDemoConfig()));
            config = config.withHttp(new HttpConfig("127.0.0.1", taken.getLocalPort(), null));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (Monitor monitor = DemoCommand.startMonitor(config, -1, new Monitor.Extensions(List.of()), MonitorClock.system(),
                    new PrintStream(err, true, StandardCharsets.UTF_8))) {
                assertNotEquals(taken.getLocalPort(), monitor.httpPort());
                String said = err.toString(StandardCharsets.UTF_8);
                assertTrue(said.startsWith("port " + taken.getLocalPort() + " is taken (") && said.endsWith(
                        "the status page and /metrics are on port " + monitor.httpPort() + " instead\n"), said);
            }
        }
    }
}
