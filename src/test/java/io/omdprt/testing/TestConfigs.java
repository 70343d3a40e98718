package io.omdprt.testing;

import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import java.io.IOException;
import java.net.DatagramSocket;
import java.util.concurrent.ThreadLocalRandom;

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
        java.util.List<io.omdprt.config.FeedConfig> feeds = new java.util.ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (io.omdprt.config.FeedConfig f : base.feeds()) {
            java.util.List<io.omdprt.config.ChannelConfig> channels = new java.util.ArrayList<>();
            for (io.omdprt.config.ChannelConfig c : f.channels()) {
                int port = freeUdpPort();
                java.util.List<io.omdprt.config.LineConfig> lines = new java.util.ArrayList<>();
                for (io.omdprt.config.LineConfig l : c.lines()) {
                    String group = randomGroup();
                    while (!used.add(group)) {
                        group = randomGroup();
                    }
                    lines.add(new io.omdprt.config.LineConfig(l.name(), l.site(), ConfigLoader.parseIpv4Literal(group), port,
                            l.source(), "127.0.0.1"));
                }
                channels.add(new io.omdprt.config.ChannelConfig(c.feed(), c.id(), c.kind(), lines));
            }
            feeds.add(new io.omdprt.config.FeedConfig(f.name(), f.protocol(), channels));
        }
        return new MonitorConfig(base.file(), "test", base.site(), new io.omdprt.config.HttpConfig("127.0.0.1", 0,
                base.http().windowToken()), new io.omdprt.config.LivenessConfig(heartbeat, staleAfter, java.time.Duration.ofMillis(20)),
                java.time.Duration.ofMillis(100), base.receiver(), base.journal(), base.windows(), feeds);
    }

    /** A free UDP port (bound then released). */
    public static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A random group in 239.255.0.0/16 (organisation-local scope). */
    public static String randomGroup() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "239.255." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
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
        int port = freeUdpPort();
        String groupA = randomGroup();
        String groupB = randomGroup();
        while (groupB.equals(groupA)) {
            groupB = randomGroup();
        }
        String header = fastHeader("test");
        if (extraYaml.startsWith("http:") || extraYaml.contains("\nhttp:")) {
            header = header.replace("http: { bind: 127.0.0.1, port: 0 }\n", "");
        }
        String yaml = header + extraYaml
                + "feeds:\n"
                + "  - name: f\n"
                + "    protocol: omd-c\n"
                + "    interface: 127.0.0.1\n"
                + "    channels:\n"
                + "      - id: 1\n"
                + "        lines:\n"
                + "          - { name: A, group: " + groupA + ", port: " + port + " }\n"
                + "          - { name: B, group: " + groupB + ", port: " + port + " }\n";
        return new ConfigLoader().parse("test.yaml", yaml);
    }
}
