package io.omdprt.metrics;

import io.omdprt.window.Window;
import io.omdprt.window.WindowSchedule;
import io.omdprt.config.AlertMode;
import io.omdprt.time.MonitorClock;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Instant;

/**
 * The windows as metrics, so dashboards can mark them and alerts can be gated on them:
 * {@code omd_prt_window_active{window}} and each one-off window's start and end time;
 * {@code omd_trading_session_active}, 1 inside an occurrence of a recurring window (a trading
 * session); and {@code omd_alert_mode{mode}}, 1 for the configured alert mode (prt, production),
 * which the rules' gate reads so that the mode is switched in the monitor's config, not in the rules.
 */
public final class WindowCollector implements MultiCollector {
    public static final String ACTIVE = "omd_prt_window_active";
    public static final String START = "omd_prt_window_start_timestamp_seconds";
    public static final String END = "omd_prt_window_end_timestamp_seconds";
    public static final String SESSION_ACTIVE = "omd_trading_session_active";
    public static final String ALERT_MODE = "omd_alert_mode";

    private final WindowSchedule schedule;
    private final AlertMode alertMode;
    private final MonitorClock clock;

    public WindowCollector(WindowSchedule schedule, AlertMode alertMode, MonitorClock clock) {
        this.schedule = schedule;
        this.alertMode = alertMode;
        this.clock = clock;
    }

    @Override
    public MetricSnapshots collect() {
        Instant now = clock.now();
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
        GaugeSnapshot session = GaugeSnapshot.builder().name(SESSION_ACTIVE)
                .help("1 while an occurrence of a recurring window (a trading session) is in progress, 0 outside one.")
                .dataPoint(gauge(schedule.occurrenceAt(now) == null ? 0 : 1, Labels.EMPTY)).build();
        GaugeSnapshot.Builder mode = GaugeSnapshot.builder().name(ALERT_MODE)
                .help("1 for the alert mode configured (alerts.mode): prt = feed alerts only inside a window, "
                        + "production = also inside every trading session.");
        for (AlertMode m : AlertMode.values()) {
            mode.dataPoint(gauge(m == alertMode ? 1 : 0, Labels.of("mode", m.configName())));
        }
        return new MetricSnapshots(active.build(), start.build(), end.build(), session, mode.build());
    }

    private static GaugeDataPointSnapshot gauge(double value, Labels labels) {
        return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
    }
}
