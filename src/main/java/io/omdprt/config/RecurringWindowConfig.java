package io.omdprt.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Windows that come back on a weekly rhythm, e.g. every HKEX trading day Monday to Friday with a
 * morning and an afternoon session in Asia/Hong_Kong, except holidays, with half-days that have
 * their own sessions. Each session of each day is one occurrence, a window named
 * {@code NAME-yyyy-MM-dd-SESSION} (e.g. {@code trading-2026-12-01-am}).
 *
 * @param days     the weekdays with the regular sessions
 * @param sessions the regular sessions of each of those days, in time order, not overlapping
 * @param holidays dates without any session
 * @param halfDays dates with their own sessions instead of the regular ones (whatever their weekday)
 */
public record RecurringWindowConfig(String name, Set<DayOfWeek> days, List<Session> sessions, ZoneId zone, Set<LocalDate> holidays,
                                    Map<LocalDate, List<Session>> halfDays, String description) {
    /** One session of a day: {@code name} is letters and digits only, so occurrence names never collide. */
    public record Session(String name, LocalTime start, LocalTime end) {
    }

    public RecurringWindowConfig {
        days = Set.copyOf(days);
        sessions = List.copyOf(sessions);
        holidays = Set.copyOf(holidays);
        halfDays = Map.copyOf(halfDays);
    }

    /** The sessions held on a date: none on a holiday or another weekday, a half-day's own, or the regular ones. */
    public List<Session> sessionsOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Session> special = halfDays.get(date);
        if (special != null) {
            return special;
        }
        return days.contains(date.getDayOfWeek()) ? sessions : List.of();
    }

    /** The name of a session's occurrence on a date, e.g. {@code trading-2026-12-01-am}. */
    public String occurrenceName(LocalDate date, Session session) {
        return name + "-" + date + "-" + session.name();
    }
}
