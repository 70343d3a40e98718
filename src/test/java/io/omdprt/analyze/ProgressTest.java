package io.omdprt.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress on stderr: about once a second, for big files or on a terminal; times are passed in. */
class ProgressTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long BIG = 1_000_000;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Half a file of {@code size} bytes at 1 M packets/s in the first second, all of it by the second. */
    private void run(Progress progress, long size) {
        progress.start("c.pcap", size, 0);
        progress.update(size / 4, 500_000, SECOND / 2);
        progress.update(size / 2, 1_000_000, SECOND);
        progress.update(size * 3 / 4, 1_500_000, SECOND * 3 / 2);
        progress.update(size, 3_000_000, 2 * SECOND);
        progress.done(size, 3_000_000, 2 * SECOND);
    }

    @Test
    void aSmallFileIntoALogShowsNothing() {
        run(new Progress(out, false, BIG), BIG - 1);
        assertEquals("", printed());
    }

    @Test
    void aBigFileIntoALogGetsALineASecond() {
        run(new Progress(out, false, BIG), 2 * BIG);
        assertEquals("c.pcap:  50% of 2.0 MB, 1.00 M packets/s\nc.pcap: 100% of 2.0 MB, 2.00 M packets/s\n", printed());
    }

    @Test
    void aTerminalGetsOneLineRewrittenInPlaceAndFinished() {
        run(new Progress(out, true, BIG), 4_000);
        assertEquals("\rc.pcap:  50% of 4.0 kB, 1.00 M packets/s   \rc.pcap: 100% of 4.0 kB, 2.00 M packets/s   "
                + "\rc.pcap: 100% of 4.0 kB, 1.50 M packets/s" + System.lineSeparator(), printed());
    }
}
