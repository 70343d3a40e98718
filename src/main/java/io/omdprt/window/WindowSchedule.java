package io.omdprt.window;

import io.omdprt.config.WindowConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every window the monitor knows: the configured PRT windows, ad-hoc ones opened for rehearsals, and
 * the occurrences of the recurring windows (the trading sessions), asked for around a time and never
 * materialised ahead. Safe to use from any thread.
 */
public final class WindowSchedule {
    static final java.util.regex.Pattern NAME = io.omdprt.config.ConfigLoader.NAME;

    /** How far back and ahead of now {@link #around} looks: a missed occurrence of the last day still gets its report. */
    public static final java.time.Duration REACH = java.time.Duration.ofDays(1);

    private final Map<String, Window> windows = new LinkedHashMap<>();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final RecurringSchedule recurring;

    public WindowSchedule(List<WindowConfig> configured) {
        this(configured, List.of());
    }

    /** The one-off windows win over the recurring ones where they overlap (see {@link RecurringSchedule}). */
    public WindowSchedule(List<WindowConfig> configured, List<io.omdprt.config.RecurringWindowConfig> recurringWindows) {
        this.recurring = new RecurringSchedule(recurringWindows, configured);
        for (WindowConfig w : configured) {
            windows.put(w.name(), new Window(w.name(), w.startInstant(), w.endInstant(), w.description(), false));
        }
    }

    /** Called (on the caller's thread, after the change) whenever a window is opened or closed by hand. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        for (Runnable l : listeners) {
            l.run();
        }
    }

    /** The one-off windows: configured and ad hoc (what omd_prt_window_active is exported for). */
    public synchronized List<Window> all() {
        return List.copyOf(windows.values());
    }

    /** The recurring windows' occurrences overlapping [from, to), by start. */
    public List<Window> occurrences(Instant from, Instant to) {
        return recurring.occurrences(from, to);
    }

    /** The next {@code n} occurrences not yet ended, the one in progress first. */
    public List<Window> nextOccurrences(Instant now, int n) {
        return recurring.next(now, n);
    }

    /** The occurrence in progress, or null. */
    public Window occurrenceAt(Instant now) {
        for (Window w : recurring.occurrences(now, now.plusNanos(1))) {
            if (w.isActive(now)) {
                return w;
            }
        }
        return null;
    }

    /** Every window a day either side of now: the one-off windows and the occurrences then. */
    public List<Window> around(Instant now) {
        List<Window> out = new ArrayList<>(all());
        out.addAll(recurring.occurrences(now.minus(REACH), now.plus(REACH)));
        return out;
    }

    /** Every window active now, one-off or occurrence. */
    public List<Window> activeAt(Instant now) {
        List<Window> active = new ArrayList<>();
        for (Window w : around(now)) {
            if (w.isActive(now)) {
                active.add(w);
            }
        }
        return active;
    }

    public synchronized Window get(String name) {
        return windows.get(name);
    }

    /**
     * Opens an ad-hoc window now.
     *
     * @param end when it closes by itself, or null to stay open until {@link #close}
     * @throws IllegalArgumentException when a window of that name exists and is not a finished ad-hoc one
     */
    public Window open(String name, Instant now, Instant end, String description) {
        Window w = put(name, now, end, description);
        changed();
        return w;
    }

    private synchronized Window put(String name, Instant now, Instant end, String description) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("expected a window name of letters, digits, '-', '_' or '.', got '" + name + "'");
        }
        if (end != null && !end.isAfter(now)) {
            throw new IllegalArgumentException("expected an end after the start");
        }
        Window existing = windows.get(name);
        if (existing != null && (!existing.adHoc() || existing.isActive(now))) {
            throw new IllegalArgumentException("a window named " + name + " already exists"
                    + (existing.isActive(now) ? " and is open" : ""));
        }
        Window w = new Window(name, now, end, description, true);
        windows.put(name, w);
        return w;
    }

    /**
     * Closes an open ad-hoc window now.
     *
     * @throws IllegalArgumentException when there is no such open ad-hoc window
     */
    public Window close(String name, Instant now) {
        Window w = end(name, now);
        changed();
        return w;
    }

    private synchronized Window end(String name, Instant now) {
        Window w = windows.get(name);
        if (w == null || !w.adHoc() || !w.isActive(now)) {
            throw new IllegalArgumentException("no open ad-hoc window named " + name);
        }
        Window closed = w.closedAt(now);
        windows.put(name, closed);
        return closed;
    }
}
