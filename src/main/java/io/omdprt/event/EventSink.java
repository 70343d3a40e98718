package io.omdprt.event;

/** Takes events; must not block (called from the receive event loops). */
@FunctionalInterface
public interface EventSink {
    void accept(MonitorEvent event);
}
