package io.omdprt.monitor;

import io.omdprt.config.MonitorConfig;
import io.omdprt.config.WindowConfig;
import io.omdprt.event.EventSink;
import io.omdprt.event.EventType;
import io.omdprt.event.MonitorEvent;
import io.omdprt.journal.JournalWriter;
import io.omdprt.metrics.SocketStats;
import io.omdprt.report.JournalReports;
import io.omdprt.report.ReportBuilder;
import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import io.omdprt.window.Window;
import io.omdprt.window.WindowSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record of a monitor's run: every event into the journal, window starts and ends, the
 * kernel's socket drop counters turned into events, and each window's report written when it ends
 * (and, partial, when the monitor stops during one). One background thread checks every second.
 */
public final class Recorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);

    private final MonitorConfig config;
    private final JournalWriter journal;
    private final WindowSchedule windows;
    private final Clock clock;
    private final List<ReportBuilder.LineRef> inventory;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "omd-recorder");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> active = new HashSet<>();
    private final Map<String, Long> drops = new HashMap<>();
    private final List<Consumer<ReportWriter.Written>> reportListeners = new ArrayList<>();
    private SocketStats sockets = SocketStats.NONE;
    private EventSink events;

    /** Opens the journal and writes the monitor_start record first, before anything else can be journalled. */
    public Recorder(MonitorConfig config, WindowSchedule windows, Clock clock, String version) {
        this.config = config;
        this.windows = windows;
        this.clock = clock;
        this.journal = new JournalWriter(config.journal().dir(), config.journal().retentionDays(), clock);
        this.inventory = ReportBuilder.LineRef.allOf(config);
        journal.accept(MonitorEvent.of(clock.instant(), EventType.MONITOR_START)
                .detail(JournalReports.startDetail(config.instance(), config.site(), version, config.file(), inventory)));
    }

    public JournalWriter journal() {
        return journal;
    }

    /** Called with every report written (the demo prints the path). */
    public void onReport(Consumer<ReportWriter.Written> listener) {
        reportListeners.add(listener);
    }

    /**
     * Starts the checks, every second.
     *
     * @param allEvents where window and drop events go (the log and the journal, as for tracker events)
     */
    public void start(EventSink allEvents, SocketStats socketStats) {
        this.events = allEvents;
        this.sockets = socketStats;
        reportMissedWindows();
        timer.scheduleAtFixedRate(this::check, 0, 1, TimeUnit.SECONDS);
    }

    private void check() {
        try {
            Instant now = clock.instant();
            for (Window w : windows.all()) {
                boolean isActive = w.isActive(now);
                if (isActive && active.add(w.name())) {
                    events.accept(MonitorEvent.of(now, EventType.WINDOW_START).window(w.name(), w.start(), w.end())
                            .detail(w.description()));
                } else if (!isActive && active.remove(w.name())) {
                    Instant end = w.end() == null ? now : w.end();
                    events.accept(MonitorEvent.of(now, EventType.WINDOW_END).window(w.name(), w.start(), end));
                    writeReport(w.closedAt(end), now);
                }
            }
            checkDrops(now);
        } catch (RuntimeException e) {
            LOG.error("recorder check failed (monitoring continues): {}", e.toString());
        }
    }

    private void checkDrops(Instant now) {
        for (ReportBuilder.LineRef l : inventory) {
            long value = sockets.kernelDrops(l.feed(), l.channel(), l.line());
            if (value < 0) {
                continue;
            }
            String key = l.feed() + "/" + l.channel() + "/" + l.line();
            Long before = drops.put(key, value);
            if (before != null && value > before) {
                events.accept(MonitorEvent.of(now, EventType.SOCKET_DROPS).at(l.feed(), l.channel(), l.line(), l.site())
                        .values(value, before));
            }
        }
    }

    /** A window that ended in the last day while the monitor was not running gets its report now. */
    private void reportMissedWindows() {
        Instant now = clock.instant();
        for (WindowConfig w : config.windows()) {
            Instant end = w.endInstant();
            if (end.isBefore(now) && end.isAfter(now.minus(Duration.ofDays(1)))
                    && !Files.exists(reportDir(w.name()).resolve("report.json"))) {
                timer.execute(() -> writeReport(new Window(w.name(), w.startInstant(), end, w.description(), false), now));
            }
        }
    }

    private Path reportDir(String window) {
        return config.reportDir().resolve(window);
    }

    /** Builds and writes a window's report from the journal (partial when the window is still open). */
    public ReportWriter.Written writeReport(Window w, Instant now) {
        try {
            if (!journal.sync(5, TimeUnit.SECONDS)) {
                LOG.warn("journal not synced within 5 s; the report of {} may miss the last events", w.name());
            }
            String zone = config.windows().stream().filter(c -> c.name().equals(w.name())).map(c -> c.zone().getId())
                    .findFirst().orElse("UTC");
            Instant end = w.end() == null ? now : w.end();
            ReportModel report = JournalReports.build(journal.dir(),
                    new ReportBuilder.WindowSpec(w.name(), w.start(), end, w.description(), zone), inventory, now);
            ReportWriter.Written written = ReportWriter.write(report, reportDir(w.name()));
            LOG.info("report of window {} ({}): {}", w.name(), report.verdict(), written.html().toAbsolutePath());
            for (Consumer<ReportWriter.Written> l : reportListeners) {
                l.accept(written);
            }
            return written;
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot write the report of window {}: {}", w.name(), e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Stops recording: the monitor_stop record, a partial report for every window still open (the
     * record goes on when the monitor is started again), and the journal forced to disk.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Instant now = clock.instant();
        journal.accept(MonitorEvent.of(now, EventType.MONITOR_STOP));
        for (Window w : windows.activeAt(now)) {
            writeReport(w, now);
        }
        journal.close();
    }
}
