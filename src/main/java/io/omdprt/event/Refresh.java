package io.omdprt.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A refresh channel's checks (RefreshCheck): what made its snapshots unusable, and its stalls. */
public sealed interface Refresh extends MonitorEvent, Located {
    @Override
    Where.Channel where();

    /** The channel lost messages inside a snapshot: that many snapshots are unusable (until the next one). */
    record Unusable(Instant time, Where.Channel where, SeqRange lost, long snapshots) implements Refresh {
        public Unusable {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(lost, "lost");
        }

        @Override
        public EventType type() {
            return EventType.REFRESH_UNUSABLE;
        }

        /** In words, as the log and the journal say it. */
        public String detail() {
            return "messages " + lost.first() + ".." + lost.last() + " lost inside a snapshot: " + snapshots + " unusable until the next";
        }
    }

    /** A Refresh Complete's LastSeqNum stayed above the real-time channel's high-water mark. */
    record Ahead(Instant time, Where.Channel where, long lastSeqNum, long realtimeHighWater) implements Refresh {
        public Ahead {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
        }

        @Override
        public EventType type() {
            return EventType.REFRESH_AHEAD;
        }

        /** In words, as the log and the journal say it. */
        public String detail() {
            return "LastSeqNum " + lastSeqNum + " is above the real-time channel's high-water mark " + realtimeHighWater;
        }
    }

    /** A Refresh Complete's LastSeqNum fell below the previous one without a Sequence Reset. */
    record Decreased(Instant time, Where.Channel where, long lastSeqNum, long previousLastSeqNum) implements Refresh {
        public Decreased {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
        }

        @Override
        public EventType type() {
            return EventType.REFRESH_DECREASED;
        }

        /** In words, as the log and the journal say it. */
        public String detail() {
            return "LastSeqNum fell from " + previousLastSeqNum + " to " + lastSeqNum + " without a Sequence Reset";
        }
    }

    /**
     * No Refresh Complete since lastComplete for RefreshCheck.STALL_FACTOR typical intervals.
     *
     * @param typicalIntervalMillis the typical interval, cut to whole ms
     * @param detail                the stall and the typical interval in words, from the tracker's nanoseconds
     */
    record Stall(Instant time, Where.Channel where, Instant lastComplete, long typicalIntervalMillis, String detail) implements Refresh {
        public Stall {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(lastComplete, "lastComplete");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public EventType type() {
            return EventType.REFRESH_STALL;
        }
    }

    /** A Refresh Complete (at time) after a stall. */
    record Resumed(Instant time, Where.Channel where, Instant lastComplete) implements Refresh {
        public Resumed {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(lastComplete, "lastComplete");
        }

        @Override
        public EventType type() {
            return EventType.REFRESH_RESUMED;
        }

        /** Seconds since the Refresh Complete before. */
        public double seconds() {
            return Duration.between(lastComplete, time).toNanos() / 1e9;
        }
    }
}
