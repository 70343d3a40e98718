package io.omdprt.window;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The windows as metrics, so dashboards can mark them and alerts can be gated on them:
 * {@code omd_prt_window_active{window}} and each window's start and end time.
 */
public final class WindowCollector implements MultiCollector {
    public static final String ACTIVE = "omd_prt_window_active";
    public static final String START = "omd_prt_window_start_timestamp_seconds";
    public static final String END = "omd_prt_window_end_timestamp_seconds";

    private final WindowSchedule schedule;
    private final Supplier<Instant> clock;

    public WindowCollector(WindowSchedule schedule, Supplier<Instant> clock) {
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public MetricSnapshots collect() {
        Instant now = clock.get();
        GaugeSnapshot.Builder active = GaugeSnapshot.builder().name(ACTIVE)
                .help("1 while the PRT window is in progress, 0 outside it.");
        GaugeSnapshot.Builder start = GaugeSnapshot.builder().name(START).unit(Unit.SECONDS)
                .help("Start of the PRT window (Unix seconds).");
        GaugeSnapshot.Builder end = GaugeSnapshot.builder().name(END).unit(Unit.SECONDS)
                .help("End of the PRT window (Unix seconds); 0 while an ad-hoc window is open with no end set.");
        for (Window w : schedule.all()) {
            Labels labels = Labels.of("window", w.name());
            active.dataPoint(gauge(w.isActive(now) ? 1 : 0, labels));
            start.dataPoint(gauge(w.start().toEpochMilli() / 1e3, labels));
            end.dataPoint(gauge(w.end() == null ? 0 : w.end().toEpochMilli() / 1e3, labels));
        }
        return new MetricSnapshots(active.build(), start.build(), end.build());
    }

    private static GaugeDataPointSnapshot gauge(double value, Labels labels) {
        return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
    }
}
