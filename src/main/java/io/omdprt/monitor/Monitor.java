package io.omdprt.monitor;

import io.omdprt.event.EventLog;
import io.omdprt.time.MonitorClock;
import io.omdprt.model.ChannelSet;
import io.omdprt.config.MonitorConfig;
import io.omdprt.http.HttpServer;
import io.omdprt.http.MonitorRoutes;
import io.omdprt.journal.JournalLock;
import java.io.IOException;
import io.omdprt.metrics.JournalCollector;
import io.omdprt.metrics.Metrics;
import io.omdprt.metrics.OmdCollector;
import io.omdprt.metrics.StorageCollector;
import io.omdprt.net.Receiver;
import io.omdprt.net.ReceiverException;
import io.omdprt.status.Status;
import io.omdprt.status.StatusBuilder;
import io.omdprt.event.EventSink;
import io.omdprt.event.TrackerEvents;
import io.omdprt.window.Window;
import io.omdprt.metrics.WindowCollector;
import io.omdprt.window.WindowSchedule;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live service: trackers for every configured channel, the receiver feeding them, the metrics
 * registry reading them and the HTTP server publishing both. Starts whole or not at all.
 */
public final class Monitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    private final MonitorConfig config;
    private final MonitorClock clock;
    private final ChannelSet channels;
    private final Receiver receiver;
    private final Metrics metrics;
    private final StatusBuilder status;
    private final HttpServer http;
    private final WindowSchedule windows;
    private final EventSink events;
    private final Recorder recorder;
    private final io.omdprt.rts.RecoveryService recovery;
    private final io.omdprt.net.InterfaceWatcher interfaces;
    private final List<io.omdprt.net.Preflight.Check> preflight;

    /** What callers (the demo, tests) add to the service: more consumers of events. */
    public record Extensions(List<EventSink> eventSinks) {
        public static Extensions none() {
            return new Extensions(List.of());
        }
    }

    private Monitor(MonitorConfig config, MonitorClock clock, Extensions extensions)
            throws ReceiverException, InterruptedException, JournalLock.LockedException, IOException {
        this.config = config;
        this.clock = clock;
        this.windows = new WindowSchedule(config.windows(), config.recurringWindows());
        this.recorder = new Recorder(config, windows, clock, Metrics.VERSION);
        List<EventSink> sinks = new ArrayList<>();
        sinks.add(new EventLog(config.display()));
        sinks.add(recorder.journal());
        sinks.addAll(extensions.eventSinks());
        this.recovery = new io.omdprt.rts.RecoveryService(config.feeds(), this::channels, () -> !windows.activeAt(clock.now()).isEmpty(),
                clock, config.displayZone());
        sinks.add(recovery);
        EventSink[] all = sinks.toArray(new EventSink[0]);
        this.events = event -> {
            for (EventSink sink : all) {
                sink.accept(event);
            }
        };
        this.channels = ChannelSet.create(config, new TrackerEvents(events), clock.epochNanos());
        this.preflight = runPreflight(config);
        try {
            this.receiver = Receiver.start(config, channels, clock);
        } catch (ReceiverException | RuntimeException e) {
            recorder.abandon();
            throw e;
        }
        this.interfaces = new io.omdprt.net.InterfaceWatcher(receiver, events, clock, io.omdprt.net.InterfaceWatcher.Sources.LINUX);
        Metrics m = null;
        HttpServer h = null;
        try {
            m = new Metrics(config.instance(), config.site(), receiver.transportName(), clock);
            m.register(new OmdCollector(channels, receiver, clock));
            io.omdprt.metrics.RefreshCollector refreshes = new io.omdprt.metrics.RefreshCollector(channels);
            if (refreshes.any()) {
                m.register(refreshes);
            }
            m.register(new WindowCollector(windows, config.alertMode(), clock));
            m.register(new JournalCollector(recorder.journal()));
            StorageCollector storage = new StorageCollector(config.journal().dir(), config.reportDir(), clock);
            m.register(storage);
            if (recovery.enabled()) {
                m.register(new io.omdprt.metrics.RtsCollector(recovery.stats()));
            }
            m.register(new io.omdprt.metrics.InterfaceCollector(interfaces, preflight));
            this.status = new StatusBuilder(config, channels, receiver, clock, receiver.transportName(), Metrics.VERSION,
                    this::windowViews, recorder::baseline, () -> storageView(storage.sizes()), interfaces);
            h = HttpServer.start(config.http(), MonitorRoutes.of(m, status::build, config.reportDir(), config.display(),
                    windows, config.http().windowToken(), clock), clock);
        } catch (RuntimeException | InterruptedException e) {
            if (m != null) {
                m.close();
            }
            receiver.close();
            recorder.abandon();
            throw e;
        }
        this.metrics = m;
        this.http = h;
        recorder.start(events, receiver, channels);
        recovery.start(events);
        interfaces.start();
    }

    /** The preflight checks, at start: every problem logged with its remedy; the start goes on whatever they say. */
    private static List<io.omdprt.net.Preflight.Check> runPreflight(MonitorConfig config) {
        List<io.omdprt.net.Preflight.Check> checks;
        try {
            checks = io.omdprt.net.Preflight.run(config, io.omdprt.net.Preflight.Sources.LINUX);
        } catch (RuntimeException e) {
            LOG.warn("preflight checks failed to run: {}", e.toString());
            return List.of();
        }
        for (io.omdprt.net.Preflight.Check c : checks) {
            if (c.result() != io.omdprt.net.Preflight.Result.OK) {
                LOG.warn("preflight {} {} {}: {}{}", c.result(), c.check(), c.iface(), c.detail(),
                        c.remedy().isEmpty() ? "" : " -- fix: " + c.remedy());
            }
        }
        return checks;
    }

    /**
     * Starts whole or not at all: a start that fails (journal in use, port in use, a join refused)
     * leaves nothing in the journal.
     *
     * @throws JournalLock.LockedException when another monitor writes the same journal folder
     */
    public static Monitor start(MonitorConfig config)
            throws ReceiverException, InterruptedException, JournalLock.LockedException, IOException {
        return start(config, Extensions.none(), MonitorClock.system());
    }

    /**
     * @param clock the one clock of the whole service: arrivals, events, the journal, window boundaries,
     *              the RTS budget's day and every local timeout read it
     */
    public static Monitor start(MonitorConfig config, Extensions extensions, MonitorClock clock)
            throws ReceiverException, InterruptedException, JournalLock.LockedException, IOException {
        return new Monitor(config, clock, extensions);
    }

    private Status.Storage storageView(StorageCollector.Sizes sizes) {
        return new Status.Storage(config.journal().dir().toString(), sizes.journalBytes(), config.journal().retentionDays(),
                config.reportDir().toString(), sizes.reportsBytes(), config.reportRetentionDays());
    }

    private List<Status.Window> windowViews() {
        Instant now = clock.now();
        io.omdprt.time.DisplayTime display = config.display();
        List<Status.Window> views = new ArrayList<>();
        List<Window> shown = new ArrayList<>(windows.all());
        shown.addAll(windows.nextOccurrences(now, 2));
        for (Window w : shown) {
            views.add(new Status.Window(w.name(), display.dateTime(w.start()), w.end() == null ? "open" : display.dateTime(w.end()),
                    w.isActive(now), w.description(), w.start().toString()));
        }
        return views;
    }

    /** Every event goes through here: the log, then the extensions' sinks. */
    public EventSink events() {
        return events;
    }

    public WindowSchedule windows() {
        return windows;
    }

    public MonitorConfig config() {
        return config;
    }

    public ChannelSet channels() {
        return channels;
    }

    public Receiver receiver() {
        return receiver;
    }

    public Status status() {
        return status.build();
    }

    public MonitorClock clock() {
        return clock;
    }

    public int httpPort() {
        return http.port();
    }

    public io.omdprt.net.InterfaceWatcher interfaces() {
        return interfaces;
    }

    public Recorder recorder() {
        return recorder;
    }

    /** Stops receiving, records the stop (and the open windows' partial reports), then stops serving. */
    @Override
    public void close() {
        recovery.close();
        interfaces.close();
        receiver.close();
        recorder.close();
        http.close();
        metrics.close();
        LOG.info("monitor stopped");
    }
}
