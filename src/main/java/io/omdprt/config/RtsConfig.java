package io.omdprt.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A feed's use of the Retransmission Server ({@code rts:} under a feed; off unless present). The
 * servers are tried in order, one at a time: the primary, then the secondary (spec §4.3: never
 * several at once).
 *
 * @param servers        primary first, then the secondary if configured
 * @param username       the RTS logon name, at most 12 ASCII characters
 * @param dailyBudget    requests this monitor may send per day (HKEX allows 1,000 across every channel of a user)
 * @param connectTimeout how long a TCP connect may take before the next server is tried
 * @param logonTimeout   how long to wait for the Logon Response before the next server is tried
 * @param replyTimeout   how long a request may take for its response and every message of it
 * @param modes          which checks run
 * @param probeChannel   the ChannelID the probe asks about (-1 when the probe is off)
 * @param probeEvery     time between probes inside a window (the first at window start)
 * @param probeMessages  how many recent messages a probe requests
 */
public record RtsConfig(List<Server> servers, String username, int dailyBudget, Duration connectTimeout, Duration logonTimeout,
                        Duration replyTimeout, Set<Mode> modes, int probeChannel, Duration probeEvery, int probeMessages) {
    public static final int DEFAULT_BUDGET = 50;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_LOGON_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_PROBE_EVERY = Duration.ofMinutes(15);
    public static final int DEFAULT_PROBE_MESSAGES = 3;

    /** @param name primary or secondary */
    public record Server(String name, InetSocketAddress address) {
        @Override
        public String toString() {
            return name + " " + address.getAddress().getHostAddress() + ":" + address.getPort();
        }
    }

    public enum Mode {
        PROBE("probe"), RECOVER_CHECK("recover-check");

        private final String configName;

        Mode(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }
    }

    public RtsConfig {
        servers = List.copyOf(servers);
        modes = Set.copyOf(modes);
    }

    public boolean has(Mode mode) {
        return modes.contains(mode);
    }
}
