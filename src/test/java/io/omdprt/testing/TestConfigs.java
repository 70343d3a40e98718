package io.omdprt.testing;

import io.omdprt.config.ConfigLoader;
import io.omdprt.config.FreshEndpoints;
import io.omdprt.config.MonitorConfig;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/** Loopback configs with groups and ports no other test uses at the same time. */
public final class TestConfigs {
    private TestConfigs() {
    }

    /**
     * The same feeds, channels and lines, on fresh random groups and free ports (so runs on one host
     * never hear each other), with fast timings and an ephemeral HTTP port.
     */
    public static MonitorConfig isolated(MonitorConfig base, java.time.Duration staleAfter, java.time.Duration heartbeat)
            throws IOException {
        MonitorConfig fresh = FreshEndpoints.of(base);
        return withTempOutput(new MonitorConfig(base.file(), "test", base.site(), new io.omdprt.config.HttpConfig("127.0.0.1", 0,
                base.http().windowToken()), new io.omdprt.config.LivenessConfig(heartbeat, staleAfter, java.time.Duration.ofMillis(20)),
                java.time.Duration.ofMillis(100), base.receiver(), base.journal(), base.reportDir(), base.windows(), fresh.feeds()));
    }

    /** The config with its journal and reports in a fresh temporary folder, never in the working tree. */
    public static MonitorConfig withTempOutput(MonitorConfig config) throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("omd-test-");
        dir.toFile().deleteOnExit();
        return config.withOutput(new io.omdprt.config.JournalConfig(dir.resolve("journal"), config.journal().retentionDays()),
                dir.resolve("reports"));
    }

    /** A free UDP port (bound then released). */
    public static int freeUdpPort() throws IOException {
        return FreshEndpoints.freeUdpPort();
    }

    /** A random group in 239.255.0.0/16 (organisation-local scope). */
    public static String randomGroup() {
        return FreshEndpoints.randomGroup();
    }

    /** Fast timings for tests: stale after 1 s, ticks every 20 ms, arbitration wait 100 ms. */
    public static String fastHeader(String instance) {
        return "instance: " + instance + "\n"
                + "http: { bind: 127.0.0.1, port: 0 }\n"
                + "liveness: { heartbeat-interval: 300ms, stale-after: 1s, check-interval: 20ms }\n"
                + "arbitration: { wait: 100ms }\n";
    }

    /**
     * One feed "f" on loopback with channel 1, lines A and B sharing one port (different groups).
     * {@code extraYaml} is added at the top level; an {@code http:} section in it replaces the default one.
     */
    public static MonitorConfig twoLines(String extraYaml) throws Exception {
        return loopback(extraYaml, 1, false);
    }

    /**
     * One feed "f" on loopback with channels 1..{@code channels}, each with lines A and B sharing one port
     * (different groups), and with {@code drSignal} its DR channel (lines A and B, channel label "dr").
     * {@code extraYaml} is added at the top level; an {@code http:} section in it replaces the default one.
     */
    public static MonitorConfig loopback(String extraYaml, int channels, boolean drSignal) throws Exception {
        return loopback(extraYaml, channels, drSignal, false);
    }

    /** As {@link #loopback(String, int, boolean)}, and with {@code refresh} a refresh channel 101 (lines A and B) of channel 1. */
    public static MonitorConfig loopback(String extraYaml, int channels, boolean drSignal, boolean refresh) throws Exception {
        String header = fastHeader("test");
        if (extraYaml.startsWith("http:") || extraYaml.contains("\nhttp:")) {
            header = header.replace("http: { bind: 127.0.0.1, port: 0 }\n", "");
        }
        Set<String> groups = new HashSet<>();
        StringBuilder yaml = new StringBuilder(header).append(extraYaml)
                .append("feeds:\n")
                .append("  - name: f\n")
                .append("    protocol: omd-c\n")
                .append("    interface: 127.0.0.1\n")
                .append("    channels:\n");
        for (int id = 1; id <= channels; id++) {
            yaml.append("      - id: ").append(id).append("\n")
                    .append("        lines:\n")
                    .append(linePair("          ", groups));
        }
        if (refresh) {
            yaml.append("      - id: 101\n")
                    .append("        kind: refresh\n")
                    .append("        realtime: 1\n")
                    .append("        lines:\n")
                    .append(linePair("          ", groups));
        }
        if (drSignal) {
            yaml.append("    dr-signal:\n")
                    .append("      lines:\n")
                    .append(linePair("        ", groups));
        }
        return withTempOutput(new ConfigLoader().parse("test.yaml", yaml.toString()));
    }

    /** Lines A and B on one free port, each on a group no other line of the config uses. */
    private static String linePair(String indent, Set<String> used) throws IOException {
        int port = freeUdpPort();
        StringBuilder lines = new StringBuilder();
        for (String name : new String[] {"A", "B"}) {
            String group = FreshEndpoints.uniqueGroup(used);
            lines.append(indent).append("- { name: ").append(name).append(", group: ").append(group)
                    .append(", port: ").append(port).append(" }\n");
        }
        return lines.toString();
    }

    /**
     * A {@code windows:} list item for a window that is surely active now: 00:00 to 23:59 in a zone
     * where it is around noon.
     */
    public static String windowCoveringNow(String name) {
        ZoneOffset zone = ZoneOffset.ofHours(12 - LocalTime.now(ZoneOffset.UTC).getHour());
        return "  - { name: " + name + ", date: " + LocalDate.now(zone) + ", start: \"00:00\", end: \"23:59\", zone: \""
                + zone.getId() + "\" }\n";
    }
}
