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
