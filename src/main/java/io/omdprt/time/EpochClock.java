package io.omdprt.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.agrona.concurrent.EpochNanoClock;

/** The monitor's one clock seen as a {@link Clock}, so the journal and the trackers tell the same time. */
public final class EpochClock extends Clock {
    private final EpochNanoClock nanos;
    private final ZoneId zone;

    public EpochClock(EpochNanoClock nanos) {
        this(nanos, ZoneOffset.UTC);
    }

    private EpochClock(EpochNanoClock nanos, ZoneId zone) {
        this.nanos = nanos;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new EpochClock(nanos, newZone);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(0, nanos.nanoTime());
    }
}
