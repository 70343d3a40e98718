package io.omdprt.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A PRT window instance (a name and a start) began or ended. */
public sealed interface WindowEvent extends MonitorEvent {
    String window();

    Instant start();

    /**
     * @param end         its scheduled end; empty for an ad-hoc window still open
     * @param description as configured (may be empty); absent when none was given
     */
    record Start(Instant time, String window, Instant start, Optional<Instant> end, Optional<String> description) implements WindowEvent {
        public Start {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(description, "description");
        }

        @Override
        public EventType type() {
            return EventType.WINDOW_START;
        }
    }

    /** @param end its end: the scheduled one, or when it was closed */
    record End(Instant time, String window, Instant start, Instant end) implements WindowEvent {
        public End {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        @Override
        public EventType type() {
            return EventType.WINDOW_END;
        }
    }
}
