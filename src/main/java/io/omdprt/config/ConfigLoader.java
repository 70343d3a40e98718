package io.omdprt.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.omdprt.protocol.Protocol;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates a YAML config. Every problem is a {@link ConfigException} naming the file, the
 * key path and what was expected; nothing half-valid comes out.
 */
public final class ConfigLoader {
    public static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** A feed, channel label or window name: it goes into file names, label values and URLs. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Set<String> SITES = Set.of("primary", "dr");
    private static final Pattern SESSION = Pattern.compile("[a-z0-9]{1,16}");
    /** Leaves room for "-yyyy-MM-dd-SESSION" in a 64-character window name. */
    private static final int RECURRING_NAME_MAX = 64 - 12 - 17;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Whether interfaces must exist on this host (off only for tests of other checks). */
    private final boolean checkInterfaces;

    public ConfigLoader() {
        this(true);
    }

    ConfigLoader(boolean checkInterfaces) {
        this.checkInterfaces = checkInterfaces;
    }

    /** A loader that takes any interface name: for preflight, which reports a missing one as a check of its own. */
    public static ConfigLoader acceptingAnyInterface() {
        return new ConfigLoader(false);
    }

    public MonitorConfig load(Path path) throws ConfigException {
        return read(readYaml(path), path.toString());
    }

    public MonitorConfig parse(String file, String text) throws ConfigException {
        return read(parseYaml(file, text), file);
    }

    /** Reads a YAML file into a checked {@link Section}; any problem names the file. */
    public static Section readYaml(Path path) throws ConfigException {
        String file = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            throw new ConfigException(file, "", "expected a readable YAML file, but it could not be read ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return parseYaml(file, text);
    }

    public static Section parseYaml(String file, String text) throws ConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw YamlErrors.of(file, text, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(file, "", "expected a YAML mapping, but the file is empty");
        }
        return new Section(file, "", root);
    }

    private MonitorConfig read(Section top, String file) throws ConfigException {
        String instance = top.string("instance", defaultInstance());
        String site = site(top, "site", "primary");
        ZoneId displayZone = zone(top, "display-zone");

        Section httpSection = top.optionalSection("http");
        HttpConfig http = new HttpConfig("127.0.0.1", 9466, null);
        if (httpSection != null) {
            String bind = ipv4(httpSection, "bind", "127.0.0.1", false).getHostAddress();
            int port = httpSection.integer("port", 0, 65_535, 9466);
            String token = httpSection.has("window-token") ? httpSection.string("window-token") : null;
            if (token != null && token.length() < 8) {
                throw httpSection.error("window-token", "expected a token of at least 8 characters");
            }
            Duration requestTimeout = httpSection.duration("request-timeout", Duration.ofMillis(100), Duration.ofMinutes(5),
                    HttpConfig.DEFAULT_REQUEST_TIMEOUT);
            int maxConnections = httpSection.integer("max-connections", 1, 65_535, HttpConfig.DEFAULT_MAX_CONNECTIONS);
            int perAddress = httpSection.integer("max-connections-per-address", 1, 65_535,
                    Math.min(maxConnections, HttpConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS));
            if (perAddress > maxConnections) {
                throw httpSection.error("max-connections-per-address", "expected at most max-connections ("
                        + maxConnections + "), got " + perAddress);
            }
            List<Cidr> allow = new ArrayList<>();
            for (String text : httpSection.strings("allow", Cidr.EXAMPLE)) {
                Cidr cidr = Cidr.parse(text);
                if (cidr == null) {
                    throw httpSection.error("allow", "expected a list of " + Cidr.EXAMPLE
                            + " (an IPv4 network with its host bits zero), got '" + text + "'");
                }
                allow.add(cidr);
            }
            MetricsAuth metricsAuth = null;
            Section auth = httpSection.optionalSection("metrics-auth");
            if (auth != null) {
                String user = auth.string("user");
                if (user.contains(":")) {
                    throw auth.error("user", "expected a user name without ':' (basic auth cannot carry one), got '" + user + "'");
                }
                String hash = auth.string("password-sha256").toLowerCase(Locale.ROOT);
                if (!hash.matches("[0-9a-f]{64}")) {
                    throw auth.error("password-sha256", "expected the SHA-256 of the password as 64 hex digits "
                            + "(printf %s 'the password' | sha256sum), got '" + hash + "'");
                }
                auth.finish();
                metricsAuth = new MetricsAuth(user, hash);
            }
            httpSection.finish();
            http = new HttpConfig(bind, port, token, requestTimeout, maxConnections, perAddress, allow, metricsAuth);
        }

        LivenessConfig liveness = new LivenessConfig(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(100));
        Section live = top.optionalSection("liveness");
        if (live != null) {
            Duration hb = live.duration("heartbeat-interval", Duration.ofMillis(100), Duration.ofMinutes(1), liveness.heartbeatInterval());
            Duration stale = live.duration("stale-after", Duration.ofMillis(100), Duration.ofMinutes(10), liveness.staleAfter());
            Duration check = live.duration("check-interval", Duration.ofMillis(5), Duration.ofSeconds(5), liveness.checkInterval());
            if (stale.compareTo(hb) <= 0) {
                throw live.error("stale-after", "expected longer than heartbeat-interval (" + Durations.format(hb)
                        + "), or every idle line would flap; got " + Durations.format(stale));
            }
            if (check.compareTo(stale) >= 0) {
                throw live.error("check-interval", "expected shorter than stale-after (" + Durations.format(stale) + ")");
            }
            live.finish();
            liveness = new LivenessConfig(hb, stale, check);
        }

        Duration wait = Duration.ofMillis(250);
        Section arb = top.optionalSection("arbitration");
        if (arb != null) {
            wait = arb.duration("wait", Duration.ZERO, Duration.ofSeconds(60), wait);
            arb.finish();
        }

        ReceiverConfig receiver = new ReceiverConfig(ReceiverConfig.AUTO, 1, 8 * 1024 * 1024);
        Section rx = top.optionalSection("receiver");
        if (rx != null) {
            String transport = rx.string("transport", ReceiverConfig.AUTO);
            if (!Set.of(ReceiverConfig.AUTO, ReceiverConfig.EPOLL, ReceiverConfig.NIO).contains(transport)) {
                throw rx.error("transport", "expected one of auto, epoll, nio; got '" + transport + "'");
            }
            int threads = rx.integer("threads", 1, 64, 1);
            int buffer = rx.bytes("receive-buffer", 64 * 1024, 1 << 30, receiver.receiveBuffer());
            rx.finish();
            receiver = new ReceiverConfig(transport, threads, buffer);
        }

        JournalConfig journal = new JournalConfig(Paths.get("data", "journal"), 30);
        Section j = top.optionalSection("journal");
        if (j != null) {
            Path dir = Paths.get(j.string("dir", journal.dir().toString()));
            int retention = j.integer("retention-days", 1, 3650, journal.retentionDays());
            j.finish();
            journal = new JournalConfig(dir, retention);
        }

        Path reportDir = Paths.get("data", "reports");
        int reportRetention = MonitorConfig.DEFAULT_REPORT_RETENTION_DAYS;
        Section reports = top.optionalSection("reports");
        if (reports != null) {
            reportDir = Paths.get(reports.string("dir", reportDir.toString()));
            reportRetention = reports.integer("retention-days", 1, 3650, reportRetention);
            reports.finish();
        }

        TrackingConfig tracking = TrackingConfig.DEFAULTS;
        Section tr = top.optionalSection("tracking");
        if (tr != null) {
            int jump = tr.integer("plausible-jump", 1_000, 100_000_000, (int) tracking.plausibleJump());
            int confirm = tr.integer("confirm-packets", 1, 64, tracking.confirmPackets());
            int drop = tr.integer("restart-drop", 1, 100_000_000, (int) tracking.restartDrop());
            Duration limit = tr.duration("latency-limit", Duration.ofMillis(1), Duration.ofDays(1), tracking.latencyLimit());
            Duration burst = tr.duration("burst-resolution", Duration.ofNanos(100_000), Duration.ofSeconds(1), tracking.burstResolution());
            tr.finish();
            tracking = new TrackingConfig(jump, confirm, drop, limit, burst);
        }

        List<WindowConfig> windows = windows(top.list("windows", false));
        List<RecurringWindowConfig> recurring = recurringWindows(top.list("recurring-windows", false), windows);
        AlertMode alertMode = AlertMode.PRT;
        Section alerts = top.optionalSection("alerts");
        if (alerts != null) {
            String mode = alerts.string("mode", alertMode.configName());
            alertMode = AlertMode.of(mode);
            if (alertMode == null) {
                throw alerts.error("mode", "expected prt (feed alerts only inside a window) or production (also inside every "
                        + "recurring window occurrence), got '" + mode + "'");
            }
            if (alertMode == AlertMode.PRODUCTION && recurring.isEmpty()) {
                throw alerts.error("mode", "expected recurring-windows (the trading sessions production mode alerts in) with "
                        + "production; none are configured");
            }
            alerts.finish();
        }
        List<FeedConfig> feeds = feeds(top.list("feeds", true));
        top.finish();
        return new MonitorConfig(file, instance, site, http, liveness, wait, receiver, journal, reportDir, windows, feeds, displayZone,
                tracking, recurring, alertMode, reportRetention);
    }

    private List<WindowConfig> windows(List<Section> sections) throws ConfigException {
        List<WindowConfig> windows = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Section w : sections) {
            String name = name(w, "name");
            String first = names.putIfAbsent(name, w.path());
            if (first != null) {
                throw w.error("name", "expected a unique window name; '" + name + "' is also used by " + first);
            }
            LocalDate date = date(w, "date");
            LocalTime start = time(w, "start");
            LocalTime end = time(w, "end");
            if (!end.isAfter(start)) {
                throw w.error("end", "expected a time after start (" + start + "), got " + end);
            }
            ZoneId zone = zone(w, "zone");
            String description = w.string("description", "");
            w.finish();
            WindowConfig window = new WindowConfig(name, date, start, end, zone, description);
            for (WindowConfig other : windows) {
                if (window.overlaps(other)) {
                    throw w.error("start", "expected windows that do not overlap; " + name + " overlaps " + other.name());
                }
            }
            windows.add(window);
        }
        return windows;
    }

    /**
     * {@code recurring-windows:}, e.g. every trading day's sessions. Names are unique among every window,
     * and short enough for their occurrences' names ({@code NAME-yyyy-MM-dd-SESSION}) to be window names.
     */
    private List<RecurringWindowConfig> recurringWindows(List<Section> sections, List<WindowConfig> oneOff) throws ConfigException {
        Map<String, String> names = new HashMap<>();
        for (WindowConfig w : oneOff) {
            names.put(w.name(), "a window in windows");
        }
        List<RecurringWindowConfig> out = new ArrayList<>();
        for (Section r : sections) {
            String name = name(r, "name");
            if (name.length() > RECURRING_NAME_MAX) {
                throw r.error("name", "expected a name of at most " + RECURRING_NAME_MAX + " characters (its occurrences are named "
                        + "NAME-yyyy-MM-dd-SESSION), got '" + name + "'");
            }
            String first = names.putIfAbsent(name, r.path());
            if (first != null) {
                throw r.error("name", "expected a unique window name; '" + name + "' is also used by " + first);
            }
            Set<DayOfWeek> days = r.has("days") ? days(r, "days") : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            List<RecurringWindowConfig.Session> sessions = sessions(r);
            ZoneId zone = zone(r, "zone");
            Set<LocalDate> holidays = new HashSet<>();
            for (String text : r.strings("holidays", "dates like 2026-12-25")) {
                LocalDate d = parseDate(text);
                if (d == null) {
                    throw r.error("holidays", "expected a list of dates like 2026-12-25, got '" + text + "' in it");
                }
                if (!holidays.add(d)) {
                    throw r.error("holidays", "expected each date once; " + d + " is listed twice");
                }
            }
            Map<LocalDate, List<RecurringWindowConfig.Session>> halfDays = new HashMap<>();
            for (Section h : r.list("half-days", false)) {
                LocalDate d = date(h, "date");
                if (holidays.contains(d)) {
                    throw h.error("date", "expected a date that is not a holiday too; " + d + " is in " + r.pathOf("holidays"));
                }
                if (halfDays.put(d, sessions(h)) != null) {
                    throw h.error("date", "expected each half-day once; " + d + " is listed twice");
                }
                h.finish();
            }
            String description = r.string("description", "");
            r.finish();
            out.add(new RecurringWindowConfig(name, days, sessions, zone, holidays, halfDays, description));
        }
        return out;
    }

    /** {@code sessions:} of a day: named, each ending after it starts, none overlapping another; sorted by start. */
    private static List<RecurringWindowConfig.Session> sessions(Section day) throws ConfigException {
        List<RecurringWindowConfig.Session> sessions = new ArrayList<>();
        for (Section s : day.list("sessions", true)) {
            String name = s.string("name");
            if (!SESSION.matcher(name).matches()) {
                throw s.error("name", "expected a session name of 1 to 16 lower-case letters or digits such as am or pm, got '" + name + "'");
            }
            LocalTime start = time(s, "start");
            LocalTime end = time(s, "end");
            if (!end.isAfter(start)) {
                throw s.error("end", "expected a time after start (" + start + ") on the same day, got " + end);
            }
            for (RecurringWindowConfig.Session other : sessions) {
                if (other.name().equals(name)) {
                    throw s.error("name", "expected a session name unique in " + day.pathOf("sessions") + "; '" + name + "' is used twice");
                }
                if (start.isBefore(other.end()) && other.start().isBefore(end)) {
                    throw s.error("start", "expected sessions that do not overlap; " + name + " " + start + "-" + end + " overlaps "
                            + other.name() + " " + other.start() + "-" + other.end());
                }
            }
            s.finish();
            sessions.add(new RecurringWindowConfig.Session(name, start, end));
        }
        sessions.sort(java.util.Comparator.comparing(RecurringWindowConfig.Session::start));
        return sessions;
    }

    private static Set<DayOfWeek> days(Section s, String key) throws ConfigException {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String text : s.strings(key, "days like monday, tuesday (or mon, tue)")) {
            DayOfWeek day = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                String full = d.name().toLowerCase(Locale.ROOT);
                String t = text.toLowerCase(Locale.ROOT);
                if (t.equals(full) || t.equals(full.substring(0, 3))) {
                    day = d;
                }
            }
            if (day == null) {
                throw s.error(key, "expected a list of days like monday, tuesday (or mon, tue), got '" + text + "' in it");
            }
            if (!days.add(day)) {
                throw s.error(key, "expected each day once; " + text + " is listed twice");
            }
        }
        return days;
    }

    private List<FeedConfig> feeds(List<Section> sections) throws ConfigException {
        List<FeedConfig> feeds = new ArrayList<>();
        Set<String> feedNames = new HashSet<>();
        Map<String, String> endpoints = new HashMap<>();
        for (Section f : sections) {
            String name = name(f, "name");
            if (!feedNames.add(name)) {
                throw f.error("name", "expected a unique feed name; '" + name + "' is used twice");
            }
            String protocolName = f.string("protocol");
            Protocol protocol = Protocol.fromConfigName(protocolName);
            if (protocol == null) {
                throw f.error("protocol", "expected omd-c or omd-cc, got '" + protocolName + "'");
            }
            String feedInterface = f.has("interface") ? networkInterface(f, "interface") : null;
            List<ChannelConfig> channels = new ArrayList<>();
            List<Section> refreshSections = new ArrayList<>();
            Set<Integer> ids = new HashSet<>();
            for (Section c : f.list("channels", true)) {
                int id = c.integer("id", 0, 65_535);
                if (!ids.add(id)) {
                    throw c.error("id", "expected a ChannelID unique in feed " + name + "; " + id + " is used twice");
                }
                String kindName = c.string("kind", ChannelKind.REALTIME.configName());
                ChannelKind kind;
                if (ChannelKind.REALTIME.configName().equals(kindName)) {
                    kind = ChannelKind.REALTIME;
                } else if (ChannelKind.REFRESH.configName().equals(kindName)) {
                    kind = ChannelKind.REFRESH;
                } else {
                    throw c.error("kind", "expected realtime or refresh (the DR channel goes under dr-signal), got '" + kindName + "'");
                }
                int realtimeId = ChannelConfig.NO_ID;
                if (c.has("realtime")) {
                    if (kind != ChannelKind.REFRESH) {
                        throw c.error("realtime", "expected only on a refresh channel (kind: refresh), the ChannelID it refreshes");
                    }
                    realtimeId = c.integer("realtime", 0, 65_535);
                }
                channels.add(new ChannelConfig(name, id, kind, lines(c, feedInterface, endpoints), realtimeId));
                refreshSections.add(c);
                c.finish();
            }
            Section dr = f.optionalSection("dr-signal");
            if (dr != null) {
                channels.add(new ChannelConfig(name, ChannelConfig.NO_ID, ChannelKind.DR, lines(dr, feedInterface, endpoints)));
                dr.finish();
            }
            RecoveryConfigs.checkRefreshMapping(name, channels, refreshSections);
            Section rts = f.optionalSection("rts");
            RtsConfig rtsConfig = rts == null ? null : RecoveryConfigs.rts(rts, name, channels);
            f.finish();
            feeds.add(new FeedConfig(name, protocol, channels, rtsConfig));
        }
        return feeds;
    }

    private List<LineConfig> lines(Section channel, String feedInterface, Map<String, String> endpoints)
            throws ConfigException {
        List<LineConfig> lines = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Section l : channel.list("lines", true)) {
            String name = name(l, "name");
            if (!names.add(name)) {
                throw l.error("name", "expected a line name unique in " + channel.path() + "; '" + name + "' is used twice");
            }
            String site = site(l, "site", "primary");
            InetAddress group = ipv4(l, "group", null, true);
            int port = l.integer("port", 1, 65_535);
            InetAddress source = l.has("source") ? ipv4(l, "source", null, false) : null;
            if (source != null && (source.isMulticastAddress() || source.isAnyLocalAddress())) {
                throw l.error("source", "expected the unicast address of the sender, got " + source.getHostAddress());
            }
            String iface = l.has("interface") ? networkInterface(l, "interface") : feedInterface;
            if (iface == null) {
                throw l.error("interface", "missing; expected the receiving interface (name like eth1 or address like "
                        + "10.1.2.3) on the line or on its feed");
            }
            String endpoint = group.getHostAddress() + ":" + port;
            String previous = endpoints.putIfAbsent(endpoint, l.path());
            if (previous != null) {
                throw l.error("group", "expected each group:port once; " + endpoint + " is also " + previous);
            }
            l.finish();
            lines.add(new LineConfig(name, site, group, port, source, iface));
        }
        return lines;
    }

    private static String name(Section s, String key) throws ConfigException {
        String name = s.string(key);
        if (!NAME.matcher(name).matches()) {
            throw s.error(key, "expected a name of letters, digits, '-', '_' or '.', starting with a letter or digit; got '" + name + "'");
        }
        return name;
    }

    private static String site(Section s, String key, String fallback) throws ConfigException {
        String site = s.string(key, fallback);
        if (!SITES.contains(site)) {
            throw s.error(key, "expected primary or dr, got '" + site + "'");
        }
        return site;
    }

    private static LocalDate date(Section s, String key) throws ConfigException {
        LocalDate date = parseDate(s.string(key));
        if (date == null) {
            throw s.error(key, "expected a date like 2024-01-06, got '" + s.string(key) + "'");
        }
        return date;
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A time zone, Asia/Hong_Kong when the key is absent. */
    private static ZoneId zone(Section s, String key) throws ConfigException {
        if (!s.has(key)) {
            return HONG_KONG;
        }
        try {
            return ZoneId.of(s.string(key));
        } catch (DateTimeException e) {
            throw s.error(key, "expected a time zone like Asia/Hong_Kong or UTC, got '" + s.string(key) + "'");
        }
    }

    private static LocalTime time(Section s, String key) throws ConfigException {
        String text = s.string(key);
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeException e) {
            throw s.error(key, "expected a time like \"09:00\" (quoted), got '" + text + "'");
        }
    }

    /** An IPv4 literal (never a host name: no DNS at start-up). */
    private static InetAddress ipv4(Section s, String key, String fallback, boolean multicast) throws ConfigException {
        String text = s.string(key, fallback);
        String expected = multicast ? "an IPv4 multicast address (224.0.0.0 to 239.255.255.255)" : "an IPv4 address";
        InetAddress address = parseIpv4Literal(text);
        if (address == null || (multicast && !address.isMulticastAddress())) {
            throw s.error(key, "expected " + expected + ", got '" + text + "'");
        }
        return address;
    }

    public static InetAddress parseIpv4Literal(String text) {
        Matcher m = IPV4.matcher(text);
        if (!m.matches()) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(m.group(i + 1));
            if (octet > 255) {
                return null;
            }
            bytes[i] = (byte) octet;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private String networkInterface(Section s, String key) throws ConfigException {
        String text = s.string(key);
        if (!checkInterfaces) {
            return text;
        }
        try {
            if (Interfaces.find(text) == null) {
                throw s.error(key, "expected a network interface of this host (" + Interfaces.present() + "), got '" + text + "'");
            }
        } catch (SocketException e) {
            throw s.error(key, "expected a network interface of this host, got '" + text + "' (" + e.getMessage() + ")");
        }
        return text;
    }

    private static String defaultInstance() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "omd-prt-monitor";
            }
        }
        return host;
    }
}
