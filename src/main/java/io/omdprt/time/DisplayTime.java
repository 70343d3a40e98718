package io.omdprt.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times shown to people: in the display zone (Asia/Hong_Kong unless configured), to the
 * millisecond, with the zone's abbreviation and offset, e.g. {@code 2024-01-06 09:00:03.512 HKT (+08:00)}.
 * Machine formats (JSON, the journal) keep ISO-8601 instants.
 */
public final class DisplayTime {
    public static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    public static final DisplayTime DEFAULT = new DisplayTime(HONG_KONG);

    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;
    private final DateTimeFormatter clock;

    public DisplayTime(ZoneId zone) {
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS zzz '('xxx')'", Locale.ROOT).withZone(zone);
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS zzz '('xxx')'", Locale.ROOT).withZone(zone);
        this.clock = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    public static DisplayTime of(String zoneId) {
        return zoneId == null || zoneId.isEmpty() ? DEFAULT : new DisplayTime(ZoneId.of(zoneId));
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code 2024-01-06 09:00:03.512 HKT (+08:00)}; "" for null. */
    public String dateTime(Instant t) {
        return t == null ? "" : dateTime.format(t);
    }

    /** Parses an ISO-8601 instant first (report models keep them as text). */
    public String dateTime(String isoInstant) {
        return isoInstant == null || isoInstant.isEmpty() ? "" : dateTime(Instant.parse(isoInstant));
    }

    /** {@code 09:00:03.512 HKT (+08:00)}. */
    public String time(Instant t) {
        return t == null ? "" : time.format(t);
    }

    public String time(String isoInstant) {
        return isoInstant == null || isoInstant.isEmpty() ? "" : time(Instant.parse(isoInstant));
    }

    /** {@code 09:00:03}: for axis ticks, where the zone is said once beside the axis. */
    public String clock(Instant t) {
        return clock.format(t);
    }

    /** The zone as a label: {@code HKT (+08:00), Asia/Hong_Kong}. */
    public String label(Instant at) {
        return DateTimeFormatter.ofPattern("zzz '('xxx')'", Locale.ROOT).withZone(zone).format(at) + ", " + zone.getId();
    }
}
