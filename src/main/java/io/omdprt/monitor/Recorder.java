package io.omdprt.monitor;

import io.omdprt.model.CounterSnapshots;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.model.ChannelSet;
import io.omdprt.config.MonitorConfig;
import io.omdprt.event.EventSink;
import io.omdprt.event.ChannelCounts;
import io.omdprt.event.Host;
import io.omdprt.event.Lifecycle;
import io.omdprt.event.WindowEvent;
import io.omdprt.event.Where;
import io.omdprt.journal.JournalLock;
import io.omdprt.journal.JournalWriter;
import io.omdprt.model.SocketStats;
import io.omdprt.model.WindowBaseline;
import io.omdprt.report.JournalReports;
import io.omdprt.report.ReportBuilder;
import io.omdprt.report.ReportIndexPages;
import io.omdprt.report.ReportRetention;
import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import io.omdprt.time.MonitorClock;
import io.omdprt.window.Window;
import io.omdprt.window.WindowSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record of a monitor's run: every event into the journal (which it alone writes: it
 * holds the journal folder's lock), window starts and ends, counter snapshots at window boundaries,
 * the kernel's socket drop counters turned into events, and each window's report written when it
 * ends (and, partial, when the monitor stops during one). Window boundaries are checked every 100 ms.
 */
public final class Recorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
    static final long TICK_MILLIS = 100;
    /** How often report folders older than reports.retention-days are looked for (and at the start). */
    static final Duration RETENTION_INTERVAL = Duration.ofHours(1);

    private final MonitorConfig config;
    private final JournalLock lock;
    private final JournalWriter journal;
    private final WindowSchedule windows;
    private final MonitorClock clock;
    private final List<ReportBuilder.LineRef> inventory;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "omd-recorder");
        t.setDaemon(true);
        return t;
    });
    /** Active window instances (name@start) and the counters of every channel when each began. */
    private final Map<String, WindowBaseline> active = new LinkedHashMap<>();
    /** The kernel drops last read of each line of the inventory, by its index there; -1 before the first. */
    private final long[] drops;
    private final List<Consumer<ReportWriter.Written>> reportListeners = new CopyOnWriteArrayList<>();
    private final Instant startedAt;
    private SocketStats sockets = SocketStats.NONE;
    private ChannelSet channels;
    private EventSink events;
    private Instant lastSnapshot = Instant.EPOCH;
    private Instant lastRetention = Instant.EPOCH;
    private volatile WindowBaseline current;


    /**
     * Takes the journal folder's lock and prepares the monitor_start record; nothing is written until
     * {@link #start}, so a start that fails afterwards leaves no trace.
     *
     * @throws JournalLock.LockedException when another monitor writes this journal
     */
    public Recorder(MonitorConfig config, WindowSchedule windows, MonitorClock clock, String version)
            throws JournalLock.LockedException, IOException {
        this.config = config;
        this.windows = windows;
        this.clock = clock;
        this.lock = JournalLock.acquire(config.journal().dir());
        this.journal = new JournalWriter(config.journal().dir(), config.journal().retentionDays(), clock);
        this.inventory = ReportBuilder.LineRef.allOf(config, io.omdprt.net.Preflight::nameOf);
        this.drops = new long[inventory.size()];
        java.util.Arrays.fill(drops, -1);
        this.startedAt = clock.now();
        journal.accept(new Lifecycle.Start(startedAt, JournalReports.startDetail(config.instance(), config.site(), version, config.file(),
                config.liveness().staleAfter(), config.displayZone().getId(), inventory)));
    }

    public JournalWriter journal() {
        return journal;
    }

    /** Called with every report written (the demo prints the path). */
    public void onReport(Consumer<ReportWriter.Written> listener) {
        reportListeners.add(listener);
    }

    /** The window the status page counts from (the latest begun of those active), or null. */
    public WindowBaseline baseline() {
        return current;
    }

    /**
     * Starts the journal and the checks.
     *
     * @param allEvents where window and drop events go (the log and the journal, as for tracker events)
     */
    public void start(EventSink allEvents, SocketStats socketStats, ChannelSet channelSet) {
        this.events = allEvents;
        this.sockets = socketStats;
        this.channels = channelSet;
        journal.start();
        reportMissedWindows();
        windows.onChange(this::windowChanged);
        timer.scheduleAtFixedRate(this::check, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * A window's counts begin and end with its snapshots, so they are taken at its boundaries: at
     * once when a window is opened or closed by hand, and at the very instant a scheduled one starts
     * or ends (not at the next 100 ms tick).
     */
    private void scheduleNextBoundary(Instant now) {
        Instant next = null;
        for (Window w : windows.around(now)) {
            for (Instant b : new Instant[] {w.start(), w.end()}) {
                if (b != null && b.isAfter(now) && (next == null || b.isBefore(next))) {
                    next = b;
                }
            }
        }
        if (next != null) {
            long delay = Duration.between(now, next).toNanos();
            if (delay < TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS) && !timer.isShutdown()) {
                timer.schedule(this::check, delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** A start that failed: nothing was written; the lock is let go. */
    public void abandon() {
        timer.shutdownNow();
        journal.close();
        lock.close();
    }

    private static String key(Window w) {
        return w.name() + "@" + w.start();
    }

    /** The 100 ms tick: window boundaries, drop counters, then the reports of windows that ended. */
    private void check() {
        try {
            Instant now = clock.now();
            List<Window> ended = boundaries(now);
            synchronized (this) {
                checkDrops(now);
            }
            for (Window w : ended) {
                writeReport(w, now);
            }
            if (Duration.between(lastRetention, now).compareTo(RETENTION_INTERVAL) >= 0) {
                lastRetention = now;
                applyReportRetention(now);
            }
            scheduleNextBoundary(now);
        } catch (RuntimeException e) {
            LOG.error("recorder check failed (monitoring continues): {}", e.toString());
        }
    }

    /** A window opened or closed by hand: its boundary now, on the caller's thread; its report on the recorder's. */
    private void windowChanged() {
        try {
            Instant now = clock.now();
            for (Window w : boundaries(now)) {
                timer.execute(() -> writeReport(w, now));
            }
        } catch (RuntimeException e) {
            LOG.error("recorder check failed (monitoring continues): {}", e.toString());
        }
    }

    /** Starts and ends window instances: events and counter snapshots. @return the windows that ended, closed at their end */
    private synchronized List<Window> boundaries(Instant now) {
        Map<String, Window> activeNow = new LinkedHashMap<>();
        List<Window> around = windows.around(now);
        for (Window w : around) {
            if (w.isActive(now)) {
                activeNow.put(key(w), w);
            }
        }
        for (Map.Entry<String, Window> e : activeNow.entrySet()) {
            if (!active.containsKey(e.getKey())) {
                Window w = e.getValue();
                events.accept(new WindowEvent.Start(now, w.name(), w.start(), Optional.ofNullable(w.end()),
                        Optional.ofNullable(w.description())));
                Instant since = startedAt.isAfter(w.start()) ? startedAt : w.start();
                active.put(e.getKey(), new WindowBaseline(w, since, snapshot(now)));
            }
        }
        List<Window> ended = new ArrayList<>();
        for (String k : new ArrayList<>(active.keySet())) {
            if (!activeNow.containsKey(k)) {
                Window w = active.remove(k).window();
                Window closed = around.stream().filter(x -> key(x).equals(k)).findFirst().orElse(w);
                Instant end = closed.end() == null || closed.end().isAfter(now) ? now : closed.end();
                events.accept(new WindowEvent.End(now, w.name(), w.start(), end));
                snapshot(now);
                ended.add(closed.closedAt(end));
            }
        }
        current = active.values().stream().reduce((a, b) -> b.window().start().isAfter(a.window().start()) ? b : a).orElse(null);
        if (!active.isEmpty() && Duration.between(lastSnapshot, now).compareTo(CounterSnapshots.INTERVAL) >= 0) {
            snapshot(now);
        }
        return ended;
    }

    /** Journals every channel's counters now, and returns them. */
    private Map<MonitoredChannel, Map<String, Long>> snapshot(Instant now) {
        Map<MonitoredChannel, Map<String, Long>> all = new LinkedHashMap<>();
        if (channels == null) {
            return all;
        }
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        for (MonitoredChannel c : channels.channels()) {
            Map<String, Long> counts = CounterSnapshots.of(c, sockets, nanos);
            all.put(c, counts);
            journal.accept(new ChannelCounts(now, new Where.Channel(c.feedName(), c.label()), counts, CounterSnapshots.histograms(c)));
        }
        lastSnapshot = now;
        return all;
    }

    private void checkDrops(Instant now) {
        for (int i = 0; i < drops.length; i++) {
            ReportBuilder.LineRef l = inventory.get(i);
            long value = sockets.kernelDrops(l.feed(), l.channel(), l.line());
            if (value < 0) {
                continue;
            }
            long before = drops[i];
            drops[i] = value;
            if (before >= 0 && value > before) {
                events.accept(new Host.SocketDrops(now, new Where.Line(l.feed(), l.channel(), l.line(), l.site()), value, before));
            }
        }
    }

    /** A configured window or occurrence that ended in the last day while the monitor was not running gets its report now. */
    private void reportMissedWindows() {
        Instant now = clock.now();
        for (Window w : windows.around(now)) {
            if (w.end() != null && w.end().isBefore(now) && w.end().isAfter(now.minus(WindowSchedule.REACH))
                    && !Files.exists(reportDir(w).resolve("report.json"))) {
                timer.execute(() -> writeReport(w, now));
            }
        }
    }

    /** Deletes the reports of windows ended more than reports.retention-days ago; the index follows. */
    private void applyReportRetention(Instant now) {
        try {
            List<Path> deleted = ReportRetention.apply(config.reportDir(), config.reportRetentionDays(), now);
            for (Path d : deleted) {
                LOG.info("report retention: deleted {} (ended more than {} days ago)", d, config.reportRetentionDays());
            }
            if (!deleted.isEmpty()) {
                writeIndex();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot apply the report retention in {}: {}", config.reportDir(), e.toString());
        }
    }

    /** index.html and index.md beside the report folders: every report, newest first, with its verdict. */
    private void writeIndex() {
        try {
            ReportIndexPages.write(config.reportDir(), config.display());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the reports index in {}: {}", config.reportDir(), e.toString());
        }
    }

    private Path reportDir(Window w) {
        return JournalReports.folder(config.reportDir(), w.name(), w.start(), config.displayZone());
    }

    /** Builds and writes a window's report from the journal (partial when the window is still open). */
    public ReportWriter.Written writeReport(Window w, Instant now) {
        try {
            if (!journal.sync(5, TimeUnit.SECONDS)) {
                LOG.warn("journal not synced within 5 s; the report of {} may miss the last events", w.name());
            }
            Instant end = w.end() == null ? now : w.end();
            ReportModel report = JournalReports.build(journal.dir(), new ReportBuilder.WindowSpec(w.name(), w.start(), end,
                    w.description(), config.displayZone().getId(), config.liveness().staleAfter()), inventory, now);
            ReportWriter.Written written = ReportWriter.write(report, reportDir(w));
            LOG.info("report of window {} ({}): {}", w.name(), report.verdict(), written.html().toAbsolutePath());
            writeIndex();
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
     * Stops recording: counters, the monitor_stop record, a partial report for every window still
     * open (the record goes on when the monitor is started again), the journal forced to disk, the lock let go.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Instant now = clock.now();
        synchronized (this) {
            snapshot(now);
            journal.accept(new Lifecycle.Stop(now));
        }
        for (Window w : windows.activeAt(now)) {
            writeReport(w, now);
        }
        journal.close();
        lock.close();
    }
}
