package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The README's first command, shortened: every injected fault must be reported as detected. */
class DemoTest {
    @Test
    void shortDemoDetectsEveryInjectedFault() {
        CliTest.Run run = new CliTest.Run("demo", "--duration", "20s", "--port", "0");
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
        CliTest.Run run = new CliTest.Run("demo", "--duration", "5s");
        assertEquals(2, run.exit);
        assertTrue(run.err.contains("at least 20s"), run.err);
    }
}
