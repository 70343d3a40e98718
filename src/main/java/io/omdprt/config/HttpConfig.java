package io.omdprt.config;

import java.time.Duration;
import java.util.List;

/**
 * The HTTP server: /metrics, /healthz, /api/status and the status page.
 *
 * @param windowToken              token required by the window-control endpoint; null turns that endpoint off
 * @param requestTimeout           how long a client may take to send a whole request (from connecting, or from the
 *                                 previous answer on a kept-alive connection), and to take its answer
 * @param maxConnections           open connections at most; at the cap the oldest waiting one makes room for a new one
 * @param maxConnectionsPerAddress open connections from one client address at most, the same way
 * @param allow                    client networks that may connect; empty: every address
 * @param metricsAuth              the user and password /metrics requires; null: none
 */
public record HttpConfig(String bind, int port, String windowToken, Duration requestTimeout, int maxConnections,
        int maxConnectionsPerAddress, List<Cidr> allow, MetricsAuth metricsAuth) {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 16;

    public HttpConfig {
        allow = List.copyOf(allow);
    }

    /** Defaults for everything but where to listen and the token. */
    public HttpConfig(String bind, int port, String windowToken) {
        this(bind, port, windowToken, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
                List.of(), null);
    }

    public HttpConfig withPort(int otherPort) {
        return new HttpConfig(bind, otherPort, windowToken, requestTimeout, maxConnections, maxConnectionsPerAddress, allow, metricsAuth);
    }
}
