package io.omdprt.event;

import java.util.ArrayList;
import java.util.List;

/** Keeps events in memory (the demo's summary, tests). Thread-safe. */
public final class EventRecorder implements EventSink {
    private final List<MonitorEvent> events = new ArrayList<>();

    @Override
    public synchronized void accept(MonitorEvent event) {
        events.add(event);
    }

    public synchronized List<MonitorEvent> events() {
        return List.copyOf(events);
    }
}
