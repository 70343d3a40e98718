package io.omdprt.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One clock, injected: outside this package no main code reads the host's clocks itself; it asks the
 * {@link MonitorClock} it was given (an interim guard until the architecture rules say the same).
 */
class OneClockTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TIME = MAIN.resolve("io/omdprt/time");
    private static final Pattern READS_A_CLOCK = Pattern.compile(
            "System\\s*\\.\\s*(currentTimeMillis|nanoTime)\\b"
            + "|\\b(Instant|LocalDate|LocalTime|LocalDateTime|ZonedDateTime|OffsetDateTime|OffsetTime|Year|YearMonth|MonthDay)"
            + "\\s*\\.\\s*now\\s*\\("
            + "|\\bClock\\s*\\.\\s*(system|systemUTC|systemDefaultZone|tick\\w*)\\s*\\("
            + "|\\bjava\\.time\\.Clock\\b|\\bnew\\s+(java\\.util\\.)?Date\\s*\\(\\s*\\)"
            + "|\\b(System)?EpochNanoClock\\b|\\bOffsetEpochNanoClock\\b");

    @Test
    void noMainCodeOutsideTheTimePackageReadsTheHostsClocks() throws IOException {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(TIME))::iterator) {
                scanned++;
                for (String hit : clockReads(Files.readString(f))) {
                    found.add(MAIN.relativize(f) + ": " + hit);
                }
            }
        }
        assertTrue(scanned > 100, "the main sources were found: " + scanned + " files");
        assertEquals(List.of(), found, "read the injected MonitorClock instead");
    }

    @Test
    void theGuardSeesCallsAndSkipsCommentsAndStrings() {
        assertEquals(List.of("line 2: System.nanoTime", "line 3: Instant.now(", "line 4: Clock.systemUTC("),
                clockReads("class A {\n  long a = System.nanoTime();\n  Object b = java.time.Instant.now();\n"
                        + "  Object c = Clock.systemUTC();\n  // System.nanoTime()\n  /* Instant.now() */\n"
                        + "  String d = \"System.currentTimeMillis()\";\n  Object e = clock.now();\n}\n"));
        assertTrue(clockReads("long t = clock.monotonicNanos();").isEmpty());
    }

    /** Each clock read in Java source outside comments and literals, as "line N: text". */
    static List<String> clockReads(String source) {
        String code = codeOnly(source);
        List<String> hits = new ArrayList<>();
        Matcher m = READS_A_CLOCK.matcher(code);
        while (m.find()) {
            int line = 1;
            for (int i = 0; i < m.start(); i++) {
                if (code.charAt(i) == '\n') {
                    line++;
                }
            }
            hits.add("line " + line + ": " + m.group());
        }
        return hits;
    }

    /** The source with every comment, string and char literal blanked (line breaks kept). */
    private static String codeOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                blank(s, i, end, out);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
                blank(s, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(s.length(), j + 1);
                blank(s, i, end, out);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String s, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(s.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}
