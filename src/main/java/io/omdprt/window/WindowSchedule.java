package io.omdprt.window;

import io.omdprt.config.WindowConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every window the monitor knows: the configured PRT windows and ad-hoc ones opened for rehearsals.
 * Safe to use from any thread.
 */
public final class WindowSchedule {
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final Map<String, Window> windows = new LinkedHashMap<>();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public WindowSchedule(List<WindowConfig> configured) {
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

    public synchronized List<Window> all() {
        return List.copyOf(windows.values());
    }

    public synchronized List<Window> activeAt(Instant now) {
        List<Window> active = new ArrayList<>();
        for (Window w : windows.values()) {
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
