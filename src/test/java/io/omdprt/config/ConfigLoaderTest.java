package io.omdprt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.protocol.Protocol;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
    private static final String MINIMAL = String.join("\n",
            "feeds:",
            "  - name: f",
            "    protocol: omd-c",
            "    interface: 127.0.0.1",
            "    channels:",
            "      - id: 1",
            "        lines:",
            "          - { name: A, group: 239.1.1.1, port: 50001 }",
            "          - { name: B, group: 239.1.1.2, port: 50001 }",
            "");

    private static MonitorConfig parse(String yaml) throws ConfigException {
        return new ConfigLoader().parse("test.yaml", yaml);
    }

    private static ConfigException reject(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml));
    }

    @Test
    void shippedConfigsLoad() throws Exception {
        MonitorConfig demo = new ConfigLoader().load(Path.of("config/demo.yaml"));
        assertEquals(3, demo.feeds().size(), "feeds");
        assertEquals(Protocol.OMD_CC, demo.feeds().get(2).protocol());
        assertEquals(ChannelKind.DR, demo.feeds().get(0).channels().get(2).kind());
        assertEquals("dr", demo.feeds().get(0).channels().get(2).label());
        assertEquals(Duration.ofMillis(250), demo.arbitrationWait());

        MonitorConfig prt = new ConfigLoader().load(Path.of("config/hkex-prt-example.yaml"));
        assertEquals(3, prt.windows().size());
        assertEquals(LocalDate.of(2024, 1, 6), prt.windows().get(0).date());
        assertEquals("2024-01-06T01:00:00Z", prt.windows().get(0).startInstant().toString(), "09:00 HKT");
        assertEquals("2024-01-20T04:10:00Z", prt.windows().get(2).endInstant().toString(), "12:10 HKT");
        assertEquals(ChannelKind.REFRESH, prt.feeds().get(0).channels().get(1).kind());
        assertEquals("dr", prt.feeds().get(1).channels().get(0).lines().get(2).site());
    }

    @Test
    void defaultsFillWhatIsLeftOut() throws Exception {
        MonitorConfig c = parse(MINIMAL);
        assertEquals(9466, c.http().port());
        assertEquals(null, c.http().windowToken());
        assertEquals(Duration.ofSeconds(5), c.http().requestTimeout());
        assertEquals(256, c.http().maxConnections());
        assertEquals(16, c.http().maxConnectionsPerAddress());
        assertEquals(List.of(), c.http().allow(), "every address may connect");
        assertEquals(Duration.ofSeconds(5), c.liveness().staleAfter());
        assertEquals("primary", c.feeds().get(0).channels().get(0).lines().get(0).site());
        assertEquals("127.0.0.1", c.feeds().get(0).channels().get(0).lines().get(0).interfaceName());
        assertEquals(2, c.lineCount());
    }

    /** One rejection: edit MINIMAL (replace the first {@code from} by {@code to}), expect key path and words. */
    record Rejection(String why, String from, String to, String keyPath, String expectation) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Rejection> rejections() {
        String line0 = "feeds[0].channels[0].lines[0].";
        String line1 = "feeds[0].channels[0].lines[1].";
        return Stream.of(
            new Rejection("unknown top-level key", "feeds:", "colour: blue\nfeeds:", "colour", "unknown key"),
            new Rejection("unknown line key", "port: 50001 }", "port: 50001, ttl: 1 }", line0 + "ttl", "unknown key"),
            new Rejection("missing port", ", port: 50001 }", " }", line0 + "port", "missing"),
            new Rejection("unicast group", "239.1.1.1", "10.1.1.1", line0 + "group", "IPv4 multicast"),
            new Rejection("host name as group", "239.1.1.1", "feed-a.example.com", line0 + "group", "IPv4 multicast"),
            new Rejection("octet out of range", "239.1.1.1", "239.1.1.300", line0 + "group", "IPv4 multicast"),
            new Rejection("port out of range", "port: 50001 }", "port: 70000 }", line0 + "port", "1..65535"),
            new Rejection("port not a number", "port: 50001 }", "port: abc }", line0 + "port", "integer"),
            new Rejection("same group:port twice", "239.1.1.2", "239.1.1.1", line1 + "group", "group:port once"),
            new Rejection("line name twice", "name: B", "name: A", line1 + "name", "unique"),
            new Rejection("unknown protocol", "omd-c", "omd-x", "feeds[0].protocol", "omd-c or omd-cc"),
            new Rejection("no such interface", "interface: 127.0.0.1", "interface: nosuch0", "feeds[0].interface", "network interface"),
            new Rejection("unknown site", "name: A,", "name: A, site: tertiary,", line0 + "site", "primary or dr"),
            new Rejection("no interface anywhere", "    interface: 127.0.0.1\n", "", line0 + "interface", "missing"),
            new Rejection("allow-list entry not a CIDR", "feeds:", "http: { allow: [ 10.1.2.0/24, 10.1.2.0/33 ] }\nfeeds:",
                "http.allow", "expected a list of a CIDR such as 10.1.2.0/24 or 127.0.0.1/32 (an IPv4 network with its host bits"
                + " zero), got '10.1.2.0/33'"),
            new Rejection("allow-list entry with host bits", "feeds:", "http: { allow: 10.1.2.3/24 }\nfeeds:", "http.allow",
                "host bits zero), got '10.1.2.3/24'"),
            new Rejection("allow-list entry a host name", "feeds:", "http: { allow: [ prometheus.example.com ] }\nfeeds:",
                "http.allow", "got 'prometheus.example.com'"),
            new Rejection("empty allow-list", "feeds:", "http: { allow: [] }\nfeeds:", "http.allow", "got an empty list"),
            new Rejection("request timeout too short", "feeds:", "http: { request-timeout: 10ms }\nfeeds:", "http.request-timeout",
                "expected a duration 100ms..5m"),
            new Rejection("per-address cap above the cap", "feeds:",
                "http: { max-connections: 8, max-connections-per-address: 9 }\nfeeds:", "http.max-connections-per-address",
                "expected at most max-connections (8), got 9"),
            new Rejection("no connections at all", "feeds:", "http: { max-connections: 0 }\nfeeds:", "http.max-connections",
                "expected an integer 1..65535, got 0"),
            new Rejection("metrics password in the clear", "feeds:",
                "http: { metrics-auth: { user: prometheus, password-sha256: hunter2 } }\nfeeds:", "http.metrics-auth.password-sha256",
                "expected the SHA-256 of the password as 64 hex digits"),
            new Rejection("metrics user with a colon", "feeds:",
                "http: { metrics-auth: { user: 'a:b', password-sha256: " + "0".repeat(64) + " } }\nfeeds:",
                "http.metrics-auth.user", "without ':'"),
            new Rejection("metrics auth without a password", "feeds:", "http: { metrics-auth: { user: prometheus } }\nfeeds:",
                "http.metrics-auth.password-sha256", "missing"),
            new Rejection("channel id twice", "          - { name: B, group: 239.1.1.2, port: 50001 }",
                "          - { name: B, group: 239.1.1.2, port: 50001 }\n      - id: 1\n        lines: [ { name: A, group: 239.1.1.9, port: 1 } ]",
                "feeds[0].channels[1].id", "unique"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectsWithFileKeyAndExpectation(Rejection r) {
        String yaml = MINIMAL.replaceFirst(Pattern.quote(r.from()), Matcher.quoteReplacement(r.to()));
        assertTrue(!yaml.equals(MINIMAL), "the edit must change the config: " + r.why());
        ConfigException e = reject(yaml);
        assertEquals("test.yaml", e.file(), r.why());
        assertEquals(r.keyPath(), e.keyPath(), r.why() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(r.expectation()), r.why() + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith("test.yaml: " + r.keyPath() + ": "), e.getMessage());
    }

    /** A YAML syntax error: the text, and the one line that must come out of it. */
    record SyntaxError(String why, String yaml, String message) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<SyntaxError> syntaxErrors() {
        return Stream.of(
            new SyntaxError("list item where a key was expected", "a:\n  b: 1\n  - c\n",
                "test.yaml: line 3, column 3: indentation: a list item where a key was expected"),
            new SyntaxError("key indented too deep", "a: 1\nb:\n  c: 2\n   d: 3\n",
                "test.yaml: line 4, column 5: indentation: a key indented deeper than the key above it, which already has a value"),
            new SyntaxError("key of a list item out of line", "feeds:\n  - name: x\n    protocol: omd-c\n   interface: lo\n",
                "test.yaml: line 4, column 4: indentation: a key where a list item ('- ') was expected; the keys of a list item"
                    + " line up with the first key after its '- '"),
            new SyntaxError("tab", "http:\n\tport: 1\n", "test.yaml: line 2, column 1: a tab: YAML is indented with spaces only"),
            new SyntaxError("unclosed double quote", "instance: \"x\nsite: primary\n",
                "test.yaml: line 1, column 11: unclosed quote: the quoted value that starts here is never closed"),
            new SyntaxError("unclosed single quote", "instance: x\nsite: 'primary\n",
                "test.yaml: line 2, column 7: unclosed quote: the quoted value that starts here is never closed"),
            new SyntaxError("unclosed bracket", "windows: [ { name: W }\nfeeds: []\n",
                "test.yaml: line 1, column 10: unclosed '[': no ']' before line 2, column 1 (or a ',' is missing)"),
            new SyntaxError("unclosed brace", "http: { bind: 127.0.0.1, port: 1\nsite: primary\n",
                "test.yaml: line 1, column 7: unclosed '{': no '}' before line 2, column 5 (or a ',' is missing)"),
            new SyntaxError("duplicate key", "instance: a\nsite: primary\ninstance: b\n",
                "test.yaml: line 3, column 1: duplicate key 'instance': each key may appear once in a mapping"),
            new SyntaxError("nested duplicate key", "http:\n  port: 1\n  port: 2\n",
                "test.yaml: line 3, column 3: duplicate key 'port': each key may appear once in a mapping"),
            new SyntaxError("colon in a value", "instance: a: b\n",
                "test.yaml: line 1, column 12: a second ':' on one line: put a value that contains ': ' in quotes"),
            new SyntaxError("reserved character", "instance: @home\n",
                "test.yaml: line 1, column 11: '@' cannot start a value: put the value in quotes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void yamlSyntaxErrorsAreOneLineWithLineColumnAndPlainWords(SyntaxError c) {
        ConfigException e = reject(c.yaml());
        assertEquals(c.message(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void trackingKeysHaveTheRtsWindowAsTheirDefault() throws Exception {
        assertEquals(TrackingConfig.DEFAULTS, parse(MINIMAL).tracking());
        assertEquals(50_000, TrackingConfig.DEFAULTS.plausibleJump());
        TrackingConfig t = parse("tracking: { plausible-jump: 200000, confirm-packets: 5, restart-drop: 5000, latency-limit: 30s }\n"
                + MINIMAL).tracking();
        assertEquals(new TrackingConfig(200_000, 5, 5_000, Duration.ofSeconds(30)), t);
        ConfigException e = reject("tracking: { confirm-packets: 0 }\n" + MINIMAL);
        assertTrue(e.getMessage().startsWith("test.yaml: tracking.confirm-packets: "), e.getMessage());
    }

    @Test
    void httpAvailabilityKeys() throws Exception {
        HttpConfig http = parse("http:\n  request-timeout: 2s\n  max-connections: 64\n  max-connections-per-address: 4\n"
                + "  allow: [ 10.1.2.0/24, 127.0.0.1, 0.0.0.0/0 ]\n" + MINIMAL).http();
        assertEquals(Duration.ofSeconds(2), http.requestTimeout());
        assertEquals(64, http.maxConnections());
        assertEquals(4, http.maxConnectionsPerAddress());
        assertEquals("[10.1.2.0/24, 127.0.0.1/32, 0.0.0.0/0]", http.allow().toString());
        assertEquals(null, http.metricsAuth(), "no basic auth unless configured");
        MetricsAuth auth = parse("http: { metrics-auth: { user: prometheus, password-sha256: " + "AB".repeat(32) + " } }\n"
                + MINIMAL).http().metricsAuth();
        assertEquals(new MetricsAuth("prometheus", "ab".repeat(32)), auth);
        assertEquals(4, parse("http: { max-connections: 4 }\n" + MINIMAL).http().maxConnectionsPerAddress(),
                "the per-address default never exceeds a smaller cap");
    }

    @Test
    void cidrsMatchTheirNetworkOnly() throws Exception {
        Cidr net = Cidr.parse("10.1.2.0/24");
        assertTrue(net.contains(InetAddress.getByName("10.1.2.255")));
        assertTrue(!net.contains(InetAddress.getByName("10.1.3.0")));
        assertTrue(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("192.0.2.1")));
        assertTrue(Cidr.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.1")));
        assertTrue(!Cidr.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.2")));
        assertTrue(!net.contains(InetAddress.getByName("::1")), "IPv4 networks never match IPv6 clients");
        for (String bad : new String[] {"10.1.2.0/", "10.1.2.0/24/1", "10.1.2/24", "/24", "10.1.2.0/-1", "::1/128"}) {
            assertEquals(null, Cidr.parse(bad), bad);
        }
    }

    @Test
    void aLongConfigNamesTheLineOfTheMistake() throws Exception {
        String good = java.nio.file.Files.readString(Path.of("config/hkex-prt-example.yaml"));
        List<String> lines = new java.util.ArrayList<>(List.of(good.split("\n", -1)));
        int at = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("- { name: B")).findFirst().orElseThrow());
        lines.set(at, " " + lines.get(at));
        ConfigException e = reject(String.join("\n", lines));
        assertTrue(e.getMessage().startsWith("test.yaml: line " + (at + 1) + ", column "), e.getMessage());
        assertTrue(e.getMessage().contains(": indentation: "), e.getMessage());
    }

    @Test
    void duplicateKeysAreRejected() {
        ConfigException e = reject(MINIMAL + "instance: a\ninstance: b\n");
        assertTrue(e.getMessage().contains("duplicate key 'instance'"), e.getMessage());
    }

    @Test
    void aDuplicateWindowNameNamesBothWindows() {
        String w = "windows:\n"
                + "  - { name: PRT1, date: 2024-01-06, start: \"09:00\", end: \"10:00\" }\n"
                + "  - { name: PRT2, date: 2024-01-13, start: \"09:00\", end: \"10:00\" }\n"
                + "  - { name: PRT1, date: 2024-01-20, start: \"09:00\", end: \"10:00\" }\n";
        ConfigException e = reject(MINIMAL + w);
        assertEquals("windows[2].name", e.keyPath());
        assertEquals("expected a unique window name; 'PRT1' is also used by windows[0]", e.expected());
    }

    @Test
    void missingFeedsAndEmptyFile() {
        assertEquals("feeds", reject("instance: x\n").keyPath());
        assertTrue(reject("").getMessage().contains("empty"), reject("").getMessage());
        assertEquals("feeds", reject("feeds: []\n").keyPath());
    }

    @Test
    void unreadableFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(Path.of("no/such/file.yaml")));
        assertEquals("no/such/file.yaml", e.file());
        assertTrue(e.getMessage().contains("readable"), e.getMessage());
    }

    @Test
    void windowsAreCheckedAndMayNotOverlap() {
        String w = "windows:\n"
                + "  - { name: PRT1, date: 2024-01-06, start: \"09:00\", end: \"12:10\" }\n"
                + "  - { name: PRT1b, date: 2024-01-06, start: \"12:00\", end: \"13:00\" }\n";
        ConfigException e = reject(MINIMAL + w);
        assertEquals("windows[1].start", e.keyPath());
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        assertEquals("windows[0].end", reject(MINIMAL + "windows:\n  - { name: W, date: 2024-01-06, start: \"12:00\", end: \"09:00\" }\n").keyPath());
        assertEquals("windows[0].date", reject(MINIMAL + "windows:\n  - { name: W, date: 2024-13-06, start: \"09:00\", end: \"10:00\" }\n").keyPath());
        assertEquals("windows[0].zone", reject(MINIMAL + "windows:\n  - { name: W, date: 2024-01-06, start: \"09:00\", end: \"10:00\", zone: Mars/Base }\n").keyPath());
    }

    private static final String TRADING = "recurring-windows:\n"
            + "  - name: trading\n"
            + "    days: [monday, tue, Wednesday, thursday, friday]\n"
            + "    sessions:\n"
            + "      - { name: am, start: \"09:00\", end: \"12:00\" }\n"
            + "      - { name: pm, start: \"13:00\", end: \"16:10\" }\n"
            + "    holidays: [2026-12-25, 2027-01-01]\n"
            + "    half-days:\n"
            + "      - { date: 2026-12-24, sessions: [ { name: am, start: \"09:00\", end: \"12:00\" } ] }\n";

    @Test
    void recurringWindowsAlertModeAndReportRetention() throws Exception {
        MonitorConfig c = parse(MINIMAL + TRADING + "alerts: { mode: production }\nreports: { retention-days: 60 }\n");
        RecurringWindowConfig t = c.recurringWindows().get(0);
        assertEquals(java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY), t.days());
        assertEquals(ConfigLoader.HONG_KONG, t.zone(), "the zone defaults to Hong Kong");
        assertEquals(List.of("am", "pm"), t.sessions().stream().map(RecurringWindowConfig.Session::name).toList());
        assertEquals(java.time.LocalTime.of(16, 10), t.sessions().get(1).end());
        assertEquals(List.of(), t.sessionsOn(LocalDate.of(2026, 12, 25)), "a holiday");
        assertEquals(1, t.sessionsOn(LocalDate.of(2026, 12, 24)).size(), "a half-day");
        assertEquals(List.of(), t.sessionsOn(LocalDate.of(2026, 12, 26)), "a Saturday");
        assertEquals(AlertMode.PRODUCTION, c.alertMode());
        assertEquals(60, c.reportRetentionDays());
        MonitorConfig plain = parse(MINIMAL);
        assertEquals(AlertMode.PRT, plain.alertMode(), "PRT mode unless said otherwise");
        assertEquals(30, plain.reportRetentionDays(), "reports kept 30 days, like the journal");
        assertEquals(List.of(), plain.recurringWindows());
    }

    /** A recurring-windows mistake: the edit of {@link #TRADING}, the key path named, and words of the expectation. */
    static Stream<Rejection> recurringRejections() {
        return Stream.of(
            new Rejection("bad day name", "tue,", "funday,", "recurring-windows[0].days", "expected a list of days like monday"),
            new Rejection("a day twice", "tue,", "monday,", "recurring-windows[0].days", "each day once"),
            new Rejection("bad time", "end: \"12:00\" }\n      - { name: pm", "end: \"12h\" }\n      - { name: pm",
                "recurring-windows[0].sessions[0].end", "expected a time like \"09:00\""),
            new Rejection("end before start", "start: \"13:00\", end: \"16:10\"", "start: \"13:00\", end: \"12:30\"",
                "recurring-windows[0].sessions[1].end", "expected a time after start (13:00)"),
            new Rejection("overlapping sessions", "start: \"13:00\", end: \"16:10\"", "start: \"11:30\", end: \"16:10\"",
                "recurring-windows[0].sessions[1].start", "do not overlap; pm 11:30-16:10 overlaps am 09:00-12:00"),
            new Rejection("session name twice", "{ name: pm,", "{ name: am,", "recurring-windows[0].sessions[1].name", "unique"),
            new Rejection("session name with a dash", "{ name: pm,", "{ name: p-m,", "recurring-windows[0].sessions[1].name",
                "lower-case letters or digits"),
            new Rejection("no sessions", "    sessions:\n      - { name: am, start: \"09:00\", end: \"12:00\" }\n"
                + "      - { name: pm, start: \"13:00\", end: \"16:10\" }\n", "    sessions: []\n",
                "recurring-windows[0].sessions", "at least one entry"),
            new Rejection("bad holiday", "2027-01-01]", "2027-02-30]", "recurring-windows[0].holidays", "dates like 2026-12-25"),
            new Rejection("holiday twice", "2027-01-01]", "2026-12-25]", "recurring-windows[0].holidays", "each date once"),
            new Rejection("half-day that is a holiday", "date: 2026-12-24", "date: 2026-12-25",
                "recurring-windows[0].half-days[0].date", "not a holiday too"),
            new Rejection("overlapping half-day sessions", "end: \"12:00\" } ] }", "end: \"12:00\" }, { name: b, start: \"11:00\", end: \"12:30\" } ] }",
                "recurring-windows[0].half-days[0].sessions[1].start", "do not overlap"),
            new Rejection("unknown key", "    holidays:", "    holiday: [2026-12-25]\n    holidays:", "recurring-windows[0].holiday",
                "unknown key"),
            new Rejection("bad zone", "    holidays:", "    zone: Hong Kong\n    holidays:", "recurring-windows[0].zone",
                "expected a time zone"),
            new Rejection("name of a one-off window", "  - name: trading", "  - name: W", "recurring-windows[0].name", "also used by"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recurringRejections")
    void recurringWindowsAreValidatedLikeEveryKey(Rejection r) throws Exception {
        String windows = "windows:\n  - { name: W, date: 2024-01-06, start: \"09:00\", end: \"12:10\" }\n";
        String yaml = TRADING.replaceFirst(Pattern.quote(r.from()), Matcher.quoteReplacement(r.to()));
        assertTrue(!yaml.equals(TRADING), "the edit must change the config: " + r.why());
        ConfigException e = reject(MINIMAL + windows + yaml);
        assertEquals("test.yaml", e.file(), r.why());
        assertEquals(r.keyPath(), e.keyPath(), r.why() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(r.expectation()), r.why() + ": " + e.getMessage());
        assertTrue(parse(MINIMAL + windows + TRADING).recurringWindows().size() == 1, "the unedited schedule is valid");
    }

    @Test
    void theExamplesProductionBlockIsValidUncommented() throws Exception {
        String example = java.nio.file.Files.readString(Path.of("config/hkex-prt-example.yaml"));
        int from = example.indexOf("# recurring-windows:");
        int to = example.indexOf("\nfeeds:");
        StringBuilder block = new StringBuilder();
        for (String line : example.substring(from, to).split("\n")) {
            if (line.startsWith("# ")) {
                block.append(line.substring(2)).append('\n');
            }
        }
        MonitorConfig c = parse(MINIMAL + block);
        assertEquals("trading", c.recurringWindows().get(0).name());
        assertEquals(AlertMode.PRODUCTION, c.alertMode());
    }

    @Test
    void theAlertModeIsPrtOrProductionAndProductionNeedsTradingSessions() {
        ConfigException bad = reject(MINIMAL + TRADING + "alerts: { mode: around-the-clock }\n");
        assertEquals("alerts.mode", bad.keyPath());
        assertTrue(bad.getMessage().contains("expected prt (feed alerts only inside a window) or production"), bad.getMessage());
        ConfigException alone = reject(MINIMAL + "alerts: { mode: production }\n");
        assertEquals("alerts.mode", alone.keyPath());
        assertTrue(alone.getMessage().contains("expected recurring-windows"), alone.getMessage());
        assertEquals("reports.retention-days", reject(MINIMAL + "reports: { retention-days: 0 }\n").keyPath());
    }

    @Test
    void livenessMustMakeSense() {
        ConfigException e = reject(MINIMAL + "liveness: { heartbeat-interval: 2s, stale-after: 1s }\n");
        assertEquals("liveness.stale-after", e.keyPath());
        assertEquals("liveness.stale-after", reject(MINIMAL + "liveness: { stale-after: soon }\n").keyPath());
    }
}
