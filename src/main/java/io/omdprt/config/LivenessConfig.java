package io.omdprt.config;

import java.time.Duration;

/**
 * @param heartbeatInterval how often HKEX sends heartbeats on an idle channel (about 2 s)
 * @param staleAfter        silence after which a line counts as down
 * @param checkInterval     how often liveness and arbitration deadlines are checked (the precision of outage times)
 */
public record LivenessConfig(Duration heartbeatInterval, Duration staleAfter, Duration checkInterval) {
}
