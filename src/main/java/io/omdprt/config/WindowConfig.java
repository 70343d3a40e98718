package io.omdprt.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** A PRT window: a date and a time range in a zone (Asia/Hong_Kong unless said otherwise). */
public record WindowConfig(String name, LocalDate date, LocalTime start, LocalTime end, ZoneId zone, String description) {
    public Instant startInstant() {
        return date.atTime(start).atZone(zone).toInstant();
    }

    public Instant endInstant() {
        return date.atTime(end).atZone(zone).toInstant();
    }

    public boolean contains(Instant t) {
        return !t.isBefore(startInstant()) && t.isBefore(endInstant());
    }

    public boolean overlaps(WindowConfig other) {
        return startInstant().isBefore(other.endInstant()) && other.startInstant().isBefore(endInstant());
    }
}
