package io.omdprt.window;

import io.omdprt.config.RecurringWindowConfig;
import io.omdprt.config.WindowConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The occurrences of the recurring windows (e.g. every trading session), made on demand for a span
 * of time: nothing is materialised beyond what is asked for, so a schedule without end costs nothing.
 *
 * <p>The one-off windows of the config (the PRTs) win: an occurrence is clipped to the parts of it
 * outside every one-off window. When a one-off window lies inside a session, the session is two
 * occurrences, the part before it keeping the session's name and the part after it named
 * {@code …-2}; an occurrence entirely inside a one-off window does not happen. Ad-hoc windows
 * (opened by hand) change nothing: they run beside an occurrence.
 */
public final class RecurringSchedule {
    public static final RecurringSchedule NONE = new RecurringSchedule(List.of(), List.of());

    private final List<RecurringWindowConfig> recurring;
    private final List<WindowConfig> oneOff;

    public RecurringSchedule(List<RecurringWindowConfig> recurring, List<WindowConfig> oneOff) {
        this.recurring = List.copyOf(recurring);
        this.oneOff = oneOff.stream().sorted(Comparator.comparing(WindowConfig::startInstant)).toList();
    }

    public boolean isEmpty() {
        return recurring.isEmpty();
    }

    /** Every occurrence overlapping [from, to), by start. */
    public List<Window> occurrences(Instant from, Instant to) {
        List<Window> out = new ArrayList<>();
        for (RecurringWindowConfig r : recurring) {
            // A day either side: sessions are within a day, and the zone's day may not be UTC's.
            LocalDate last = to.atZone(r.zone()).toLocalDate().plusDays(1);
            for (LocalDate d = from.atZone(r.zone()).toLocalDate().minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
                for (RecurringWindowConfig.Session s : r.sessionsOn(d)) {
                    Instant start = ZonedDateTime.of(d, s.start(), r.zone()).toInstant();
                    Instant end = ZonedDateTime.of(d, s.end(), r.zone()).toInstant();
                    String description = (r.description().isEmpty() ? r.name() : r.description()) + " (" + s.name() + " session)";
                    for (Window w : clipped(r.occurrenceName(d, s), start, end, description)) {
                        if (w.start().isBefore(to) && w.end().isAfter(from)) {
                            out.add(w);
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Window::start));
        return out;
    }

    /** The first {@code n} occurrences ending after {@code now} (the one in progress first), looking at most a year ahead. */
    public List<Window> next(Instant now, int n) {
        java.util.Map<String, Window> out = new java.util.LinkedHashMap<>();
        Instant limit = now.plus(java.time.Duration.ofDays(366));
        for (Instant from = now; out.size() < n && from.isBefore(limit) && !isEmpty(); from = from.plus(java.time.Duration.ofDays(7))) {
            for (Window w : occurrences(from, from.plus(java.time.Duration.ofDays(7)))) {
                if (out.size() < n) {
                    out.putIfAbsent(w.name() + "@" + w.start(), w);
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** The parts of [start, end) outside every one-off window, named name, name-2, ... */
    private List<Window> clipped(String name, Instant start, Instant end, String description) {
        List<Window> parts = new ArrayList<>();
        Instant from = start;
        for (WindowConfig w : oneOff) {
            if (!w.endInstant().isAfter(from) || !w.startInstant().isBefore(end)) {
                continue;
            }
            if (w.startInstant().isAfter(from)) {
                parts.add(part(name, parts.size(), from, w.startInstant(), description));
            }
            from = w.endInstant().isAfter(from) ? w.endInstant() : from;
        }
        if (from.isBefore(end)) {
            parts.add(part(name, parts.size(), from, end, description));
        }
        return parts;
    }

    private static Window part(String name, int index, Instant start, Instant end, String description) {
        return new Window(index == 0 ? name : name + "-" + (index + 1), start, end, description, false);
    }
}
