package io.omdprt.event;

import java.time.Instant;
import java.util.Objects;

/** The monitor's own runs: its start, a record every second while it lives, its clean stop (a crash leaves none). */
public sealed interface Lifecycle extends MonitorEvent {
    /** @param settings who started, the settings the report needs, and every line it monitors (JournalReports.startDetail) */
    record Start(Instant time, String settings) implements Lifecycle {
        public Start {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public EventType type() {
            return EventType.MONITOR_START;
        }
    }

    /** Written every second: after a crash, the last one bounds when the monitor stopped. */
    record Alive(Instant time) implements Lifecycle {
        public Alive {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public EventType type() {
            return EventType.MONITOR_ALIVE;
        }
    }

    record Stop(Instant time) implements Lifecycle {
        public Stop {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public EventType type() {
            return EventType.MONITOR_STOP;
        }
    }
}
