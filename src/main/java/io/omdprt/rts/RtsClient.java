package io.omdprt.rts;

import io.omdprt.config.RtsConfig;
import io.omdprt.time.MonitorClock;
import java.util.ArrayList;
import java.util.List;

/**
 * Logs on to one feed's Retransmission Servers, one at a time: the primary, and only when it cannot be
 * reached, does not answer the logon or closes before answering, the secondary (spec §4.3). A logon
 * refused (5 invalid user or IP, 100 already connected) is final for this attempt: another server
 * would say the same, and with 100 a second session may be the cause. Single-threaded.
 */
public final class RtsClient {
    private final RtsConfig config;
    private final RtsStats stats;
    private final MonitorClock clock;
    /** When the last session was closed (monotonic time), or 0. */
    private long closedAt;

    /**
     * The least time between closing a session and logging on again: the server notices a close only
     * when it next reads, and a logon before that is refused with 100 (user already connected).
     */
    static final long RECONNECT_PAUSE_NANOS = 300_000_000L;

    /** One logon attempt at one server, for the journal. */
    public record Attempt(RtsConfig.Server server, int status, String failure, long latencyNanos) {
        public boolean accepted() {
            return failure == null;
        }
    }

    /** The session (null when none), and every attempt made to get it. */
    record Opened(RtsSession session, List<Attempt> attempts) {
    }

    public RtsClient(RtsConfig config, RtsStats stats, MonitorClock clock) {
        this.config = config;
        this.stats = stats;
        this.clock = clock;
    }

    RtsStats stats() {
        return stats;
    }

    Opened open() {
        long wait = closedAt == 0 ? 0 : closedAt + RECONNECT_PAUSE_NANOS - clock.monotonicNanos();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Opened(null, List.of());
            }
        }
        List<Attempt> attempts = new ArrayList<>();
        for (RtsConfig.Server server : config.servers()) {
            RtsSession.Logon logon = RtsSession.open(server, config.username(), config.connectTimeout(), config.logonTimeout(), stats, clock);
            attempts.add(new Attempt(server, logon.status(), logon.failure(), logon.latencyNanos()));
            if (logon.active()) {
                stats.logons.incrementAndGet();
                stats.lastLogonNanos.set(logon.latencyNanos());
                stats.sessionUp.set(1);
                return new Opened(logon.session(), attempts);
            }
            if (logon.status() >= 0) {
                stats.logonsRefused.incrementAndGet();
                break;
            }
            stats.logonFailures.incrementAndGet();
        }
        return new Opened(null, attempts);
    }

    void close(RtsSession session) {
        if (session != null) {
            session.close();
            stats.sessionUp.set(0);
            closedAt = clock.monotonicNanos();
        }
    }
}
