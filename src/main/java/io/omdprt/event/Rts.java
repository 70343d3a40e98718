package io.omdprt.event;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** What the monitor asked of a Retransmission Server, and what it did not ask and why. */
public sealed interface Rts extends MonitorEvent {
    /**
     * A logon to a Retransmission Server of a feed.
     *
     * @param sessionStatus  its SessionStatus, empty when it did not answer
     * @param latencySeconds how long the logon took
     * @param detail         the server and the outcome in words
     */
    record Logon(Instant time, String feed, OptionalLong sessionStatus, double latencySeconds, String detail) implements Rts {
        public Logon {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(sessionStatus, "sessionStatus");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public EventType type() {
            return EventType.RTS_LOGON;
        }
    }

    /**
     * A retransmission request and what came of it.
     *
     * @param retransStatus   the response's RetransStatus, empty when none came
     * @param completeSeconds how long the retransmission took to complete
     * @param detail          what it was for and what came of it: "recover: ..." or "probe: ..."
     * @param counts          requested, received, intact, compared, mismatched, malformed, response_ms
     */
    record Request(Instant time, Where.Channel where, SeqRange requested, double completeSeconds, OptionalLong retransStatus,
                   String detail, Map<String, Long> counts) implements Rts, Located {
        public Request {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(requested, "requested");
            Objects.requireNonNull(retransStatus, "retransStatus");
            Objects.requireNonNull(detail, "detail");
            counts = Collections.unmodifiableMap(new TreeMap<>(counts));
        }

        @Override
        public EventType type() {
            return EventType.RTS_REQUEST;
        }
    }

    /**
     * A request not made, and why.
     *
     * @param range  the arbitrated gap recover-check did not ask for; empty for a probe
     * @param detail "recover: why" or "probe: why"
     */
    record NotTried(Instant time, Where.Channel where, Optional<SeqRange> range, String detail) implements Rts, Located {
        public NotTried {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public EventType type() {
            return EventType.RTS_NOT_TRIED;
        }
    }
}
