package io.omdprt.model;

import io.omdprt.window.Window;
import java.time.Instant;
import java.util.Map;

/**
 * What a window counts from: the window, since when (its start, or the monitor's start when it began
 * inside the window), and every channel's counters then.
 */
public record WindowBaseline(Window window, Instant since, Map<MonitoredChannel, Map<String, Long>> counts) {
}
