package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
