package io.omdprt.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A line, or a whole channel, going silent and coming back; and a line's first datagram of a run. */
public sealed interface Outage extends MonitorEvent, Located {
    /** Nothing (data or heartbeat) arrived for stale-after: line_down, or channel_down when every line is down. */
    record Down(Instant time, Where where, Instant lastArrival) implements Outage {
        public Down {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(lastArrival, "lastArrival");
        }

        @Override
        public EventType type() {
            return where instanceof Where.Line ? EventType.LINE_DOWN : EventType.CHANNEL_DOWN;
        }
    }

    /** Arrivals again (at time): line_up, or channel_up. */
    record Up(Instant time, Where where, Instant outageStart) implements Outage {
        public Up {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(outageStart, "outageStart");
        }

        @Override
        public EventType type() {
            return where instanceof Where.Line ? EventType.LINE_UP : EventType.CHANNEL_UP;
        }

        /** The outage's length. */
        public double seconds() {
            return Duration.between(outageStart, time).toNanos() / 1e9;
        }
    }

    /** The first datagram a line delivered since the monitor started (ends an outage carried over a restart). */
    record Receiving(Instant time, Where.Line where) implements Outage {
        public Receiving {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
        }

        @Override
        public EventType type() {
            return EventType.LINE_RECEIVING;
        }
    }
}
