package io.omdprt.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing tool skips the test locally but fails it under CI. */
class ExternalToolTest {
    @Test
    void missingToolSkipsLocallyAndFailsUnderCi() {
        if (ExternalTool.underCi()) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class,
                    () -> ExternalTool.require("no-such-tool-omd", "no-such-package"));
            assertTrue(e.getMessage().contains("may not be skipped"), e.getMessage());
        } else {
            TestAbortedException e = assertThrows(TestAbortedException.class,
                    () -> ExternalTool.require("no-such-tool-omd", "no-such-package"));
            assertTrue(e.getMessage().contains("no-such-package"), e.getMessage());
        }
    }
}
