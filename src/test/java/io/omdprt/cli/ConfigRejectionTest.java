package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad config stops the service before it opens anything: exit code 2 and one message
 * naming the file, the key and what was expected, both from check-config and from monitor.
 */
class ConfigRejectionTest {
    private static final String GOOD = String.join("\n",
            "instance: t",
            "http: { bind: 127.0.0.1, port: 0 }",
            "windows:",
            "  - { name: PRT1, date: 2024-01-06, start: \"09:00\", end: \"12:10\" }",
            "  - { name: PRT2, date: 2024-01-13, start: \"09:00\", end: \"12:10\" }",
            "feeds:",
            "  - name: f",
            "    protocol: omd-c",
            "    interface: 127.0.0.1",
            "    channels:",
            "      - id: 1",
            "        lines:",
            "          - { name: A, group: 239.255.250.1, port: 50001 }",
            "          - { name: B, group: 239.255.250.2, port: 50001 }",
            "");

    /** A rejection: the edit to the good config, the key path and the words of the expectation. */
    record Case(String why, String from, String to, String key, String expected) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Case> cases() {
        String l0 = "feeds[0].channels[0].lines[0].";
        String l1 = "feeds[0].channels[0].lines[1].";
        return Stream.of(
            new Case("unknown key", "instance: t", "instance: t\nverbose: true", "verbose", "unknown key; expected one of"),
            new Case("missing field", ", port: 50001 }\n          - { name: B", " }\n          - { name: B", l0 + "port", "missing"),
            new Case("bad address", "239.255.250.1", "239.255.250", l0 + "group", "expected an IPv4 multicast address"),
            new Case("bad port", "port: 50001 }\n          - { name: B", "port: 0 }\n          - { name: B", l0 + "port",
                "expected an integer 1..65535, got 0"),
            new Case("duplicate group:port", "239.255.250.2", "239.255.250.1", l1 + "group", "expected each group:port once"),
            new Case("duplicate line name", "{ name: B", "{ name: A", l1 + "name", "expected a line name unique"),
            new Case("overlapping windows", "2024-01-13", "2024-01-06", "windows[1].start", "expected windows that do not overlap"),
            new Case("bad allow-list CIDR", "port: 0 }", "port: 0, allow: [ 10.0.0.0/8, 10.1.2.3/16 ] }", "http.allow",
                "expected a list of a CIDR such as 10.1.2.0/24 or 127.0.0.1/32"),
            new Case("duplicate window name", "name: PRT2", "name: PRT1", "windows[1].name",
                "expected a unique window name; 'PRT1' is also used by windows[0]"),
            new Case("unclosed bracket", "feeds:", "feeds: [", "line 7, column 3",
                "unclosed '[' or '{' above: found '-' where a value inside the brackets was expected"),
            new Case("list item where a key was expected", "    interface: 127.0.0.1", "    interface: 127.0.0.1\n    - oops",
                "line 10, column 5", "indentation: a list item where a key was expected"),
            new Case("tab", "    protocol: omd-c", "\tprotocol: omd-c", "line 8, column 1", "a tab: YAML is indented with spaces only"),
            new Case("duplicate key", "    protocol: omd-c", "    protocol: omd-c\n    protocol: omd-cc", "line 9, column 5",
                "duplicate key 'protocol'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedWithExitTwoNamingFileKeyAndExpectation(Case c, @TempDir Path dir) throws Exception {
        assertTrue(GOOD.contains(c.from()), "the edit applies: " + c.why());
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, GOOD.replaceFirst(java.util.regex.Pattern.quote(c.from()),
                java.util.regex.Matcher.quoteReplacement(c.to())));
        for (String[] args : new String[][] {{"check-config", file.toString()}, {"monitor", "--config", file.toString()}}) {
            CliTest.Run run = new CliTest.Run(args);
            assertEquals(2, run.exit, c.why() + " via " + args[0] + ": " + run.err);
            String prefix = "invalid config: " + file + ": " + c.key() + ": ";
            assertTrue(run.err.contains(prefix), c.why() + ": expected '" + prefix + "' in: " + run.err);
            assertTrue(run.err.contains(c.expected()), c.why() + ": expected '" + c.expected() + "' in: " + run.err);
            assertEquals(1, run.err.strip().lines().count(), "one clear line, no stack trace: " + run.err);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void unreadableFileIsRejectedTheSameWay(String why, Path file) {
        CliTest.Run run = new CliTest.Run("monitor", "--config", file.toString());
        assertEquals(2, run.exit, why);
        assertTrue(run.err.startsWith("invalid config: " + file + ": (top level): expected a readable YAML file"), run.err);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> unreadable() throws Exception {
        Path dir = Files.createTempDirectory("omd-unreadable");
        dir.toFile().deleteOnExit();
        Path noRead = dir.resolve("no-read.yaml");
        Files.writeString(noRead, GOOD);
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.setPosixFilePermissions(noRead, PosixFilePermissions.fromString("---------"));
        Stream<org.junit.jupiter.params.provider.Arguments> missing = Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("missing file", dir.resolve("absent.yaml")),
                org.junit.jupiter.params.provider.Arguments.of("a folder, not a file", dir));
        // root reads any file whatever its permissions: that case only means something for other users.
        return root ? missing : Stream.concat(missing, Stream.of(org.junit.jupiter.params.provider.Arguments.of("no permission", noRead)));
    }
}
