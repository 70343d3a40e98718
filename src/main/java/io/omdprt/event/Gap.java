package io.omdprt.event;

import java.time.Instant;
import java.util.Objects;

/** Messages that did not arrive: on one line, or on every line of a channel (real loss). */
public sealed interface Gap extends MonitorEvent, Located {
    SeqRange missing();

    /** A gap of one line, seen when the first datagram after it arrived. */
    record OnLine(Instant time, Where.Line where, SeqRange missing) implements Gap {
        public OnLine {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(missing, "missing");
        }

        @Override
        public EventType type() {
            return EventType.LINE_GAP;
        }
    }

    /** A hole no line filled within the arbitration wait: data loss. */
    record Arbitrated(Instant time, Where.Channel where, SeqRange missing, Instant openedAt) implements Gap {
        public Arbitrated {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(missing, "missing");
            Objects.requireNonNull(openedAt, "openedAt");
        }

        @Override
        public EventType type() {
            return EventType.ARBITRATED_GAP;
        }
    }
}
