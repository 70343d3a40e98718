package io.omdprt.event;

import java.time.Instant;
import java.util.Objects;

/** The DR signal's status changed (1: site failover in progress, 2: completed). */
public record DrStatus(Instant time, Where.Channel where, long status, long previous) implements MonitorEvent, Located {
    public DrStatus {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(where, "where");
    }

    @Override
    public EventType type() {
        return EventType.DR_STATUS;
    }
}
