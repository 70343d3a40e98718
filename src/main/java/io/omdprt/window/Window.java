package io.omdprt.window;

import java.time.Instant;

/**
 * A PRT window, scheduled (from config) or ad hoc (opened by hand for a rehearsal).
 *
 * @param end when the window closes; null for an ad-hoc window still open
 */
public record Window(String name, Instant start, Instant end, String description, boolean adHoc) {
    public boolean isActive(Instant now) {
        return !now.isBefore(start) && (end == null || now.isBefore(end));
    }

    public Window closedAt(Instant at) {
        return new Window(name, start, at, description, adHoc);
    }
}
