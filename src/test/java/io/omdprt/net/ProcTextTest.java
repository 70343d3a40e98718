package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcTextTest {
    @TempDir
    Path dir;

    @Test
    void aFileLongerThanTheBufferIsReadWholeAndAShorterOneAfterItLeavesNothingOfIt() throws Exception {
        StringBuilder longer = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            longer.append("line ").append(i).append('\n');
        }
        Path big = Files.writeString(dir.resolve("big"), longer);
        Path small = Files.writeString(dir.resolve("small"), "only 7");
        ProcText t = new ProcText();
        t.read(big);
        assertEquals(longer.length(), t.length());
        int lines = 0;
        while (t.nextLine()) {
            assertTrue(t.next() && t.is("line") && t.next());
            assertEquals(lines++, t.decimal());
            assertFalse(t.next());
        }
        assertEquals(3_000, lines);
        t.read(small);
        assertTrue(t.nextLine() && t.next() && t.is("only") && t.next());
        assertEquals(7, t.decimal());
        assertFalse(t.next());
        assertFalse(t.nextLine(), "the last line needs no newline, and nothing of the longer file is left");
    }

    @Test
    void aTextMadeFromAStringCanReadAFileToo() throws Exception {
        ProcText t = ProcText.of("");
        t.read(Files.writeString(dir.resolve("f"), "x 1\n"));
        assertTrue(t.nextLine() && t.next() && t.is("x") && t.next());
        assertEquals(1, t.decimal());
    }

    @Test
    void readsProcfsWhoseFilesSayTheyAreEmpty() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "skipped: no procfs here");
        assertEquals(0, Files.size(Path.of("/proc/self/status")));
        ProcText t = new ProcText().read(Path.of("/proc/self/status"));
        assertTrue(t.nextLine() && t.next() && t.is("Name:"));
    }

    @Test
    void fieldsAndLines() {
        ProcText t = ProcText.of("a  b\t\tc \n\n  \t\nx:y 0x10\r\n  indented");
        assertTrue(t.nextLine());
        assertFalse(t.indented());
        assertTrue(t.next() && t.is("a") && t.next() && t.is("b") && t.next() && t.is("c"));
        assertFalse(t.next());
        assertTrue(t.nextLine() && t.blank());
        assertTrue(t.nextLine() && t.blank() && t.indented());
        assertTrue(t.nextLine() && t.lineStartsWith("x:") && t.next());
        assertEquals("x:y", t.string());
        assertEquals(t.start() + 1, t.indexOf(':'));
        assertTrue(t.next() && t.is("0x10"), "'\\r' is a space");
        assertEquals(ProcText.NONE, t.decimal());
        assertEquals("x:y 0x10", t.trimmedLine());
        assertFalse(t.next());
        assertTrue(t.nextLine() && t.indented());
        assertEquals("indented", t.trimmedLine());
        assertFalse(t.nextLine());
        t.rewind();
        assertTrue(t.nextLine() && t.next() && t.is("a"));
    }

    @Test
    void numbersAreDigitsOnlyAndFitALong() {
        ProcText t = ProcText.of("0 00042 9223372036854775807 9223372036854775808 -1 +1 1a 7fffffffffffffff 8000000000000000 FfFf g");
        t.nextLine();
        long[] decimal = {0, 42, Long.MAX_VALUE, ProcText.NONE, ProcText.NONE, ProcText.NONE, ProcText.NONE};
        for (long d : decimal) {
            assertTrue(t.next());
            assertEquals(d, t.decimal(), t.string());
        }
        long[] hex = {Long.MAX_VALUE, ProcText.NONE, 0xFFFF, ProcText.NONE};
        for (long h : hex) {
            assertTrue(t.next());
            assertEquals(h, t.hex(), t.string());
        }
    }
}
