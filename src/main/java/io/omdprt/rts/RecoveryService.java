package io.omdprt.rts;

import io.omdprt.config.FeedConfig;
import io.omdprt.config.RtsConfig;
import io.omdprt.event.EventSink;
import io.omdprt.event.Gap;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Rts;
import io.omdprt.event.SeqRange;
import io.omdprt.event.Sequence;
import io.omdprt.event.Where;
import io.omdprt.model.ChannelSet;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.protocol.ControlMessages;
import io.omdprt.time.MonitorClock;
import io.omdprt.track.ChannelCounter;
import io.omdprt.track.ProbeCapture;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTS checks of every feed that has {@code rts:}: {@code recover-check} asks for what an arbitrated
 * gap inside a window lost, {@code probe} asks at window start and every N minutes for a few messages
 * multicast just delivered and compares their bytes. One thread does all of it, one session at a time
 * (never two servers at once), a session opened per check and closed after it. Never over the budget,
 * never a retry, never the same messages twice; after a 101 nothing more that day. Events arrive from
 * the trackers' threads and are only handed to that thread.
 */
public final class RecoveryService implements EventSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryService.class);
    /** How long a probe waits for multicast to deliver the messages it then asks for. */
    static final Duration CAPTURE_WAIT = Duration.ofSeconds(30);
    private static final long TICK_MILLIS = 200;

    private final Map<String, Feed> feeds = new LinkedHashMap<>();
    private final java.util.function.Supplier<ChannelSet> channels;
    private final BooleanSupplier windowActive;
    private final MonitorClock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "omd-rts");
        t.setDaemon(true);
        return t;
    });
    private volatile EventSink out = event -> { };
    private boolean activeBefore;

    /** One feed's client, budget and memory of what was recovered (per channel: from → to). */
    static final class Feed {
        final FeedConfig config;
        final RtsConfig rts;
        final RtsStats stats = new RtsStats();
        final RtsClient client;
        final RtsBudget budget;
        final Map<String, TreeMap<Long, Long>> recovered = new LinkedHashMap<>();
        long lastProbeNanos = Long.MIN_VALUE;

        Feed(FeedConfig config, MonitorClock clock, ZoneId zone) {
            this.config = config;
            this.rts = config.rts();
            this.client = new RtsClient(rts, stats, clock);
            this.budget = new RtsBudget(rts.dailyBudget(), clock, zone);
            stats.budgetLeft.set(budget.left());
        }
    }

    /** @param channels the trackers (a supplier: the monitor creates them after its event sinks) */
    public RecoveryService(List<FeedConfig> feedConfigs, java.util.function.Supplier<ChannelSet> channels, BooleanSupplier windowActive, MonitorClock clock, ZoneId zone) {
        this.channels = channels;
        this.windowActive = windowActive;
        this.clock = clock;
        for (FeedConfig f : feedConfigs) {
            if (f.rts() != null) {
                feeds.put(f.name(), new Feed(f, clock, zone));
            }
        }
    }

    public boolean enabled() {
        return !feeds.isEmpty();
    }

    /** The feeds with RTS and their figures, for the metrics. */
    public Map<String, RtsStats> stats() {
        Map<String, RtsStats> m = new LinkedHashMap<>();
        feeds.forEach((name, f) -> m.put(name, f.stats));
        return m;
    }

    /** @param events where its own events go (the journal and the log) */
    public void start(EventSink events) {
        this.out = events;
        if (enabled()) {
            thread.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void accept(MonitorEvent e) {
        try {
            if (e instanceof Gap.Arbitrated g && feeds.containsKey(g.where().feed())) {
                thread.execute(() -> gap(feeds.get(g.where().feed()), g.where().channel(), g.missing().first(), g.missing().last()));
            } else if (e instanceof Sequence.Reset r) {
                forgetRecovered(r.where());
            } else if (e instanceof Sequence.Restart r) {
                forgetRecovered(r.where());
            }
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // closing: the event came after the RTS thread stopped (never throw into a tracker's thread)
        }
    }

    /** After a reset or a restart, the sequence numbers recovered before are other messages. */
    private void forgetRecovered(Where w) {
        if (feeds.containsKey(w.feed())) {
            thread.execute(() -> feeds.get(w.feed()).recovered.remove(w.channel()));
        }
    }

    private Instant now() {
        return clock.now();
    }

    private void tick() {
        try {
            boolean active = windowActive.getAsBoolean();
            long now = clock.monotonicNanos();
            for (Feed f : feeds.values()) {
                f.stats.budgetLeft.set(f.budget.left());
                if (active && f.rts.has(RtsConfig.Mode.PROBE)
                        && (!activeBefore || now - f.lastProbeNanos >= f.rts.probeEvery().toNanos())) {
                    f.lastProbeNanos = now;
                    probe(f);
                }
            }
            activeBefore = active;
        } catch (RuntimeException e) {
            LOG.error("RTS check failed (monitoring continues): {}", e.toString());
        }
    }

    // ---- recover-check ----

    /** Runs on the RTS thread. */
    void gap(Feed f, String channel, long from, long to) {
        if (!f.rts.has(RtsConfig.Mode.RECOVER_CHECK) || !windowActive.getAsBoolean()) {
            return;
        }
        MonitoredChannel c = channel(f, channel);
        int id = c == null ? -1 : c.config().id();
        if (c == null || c.config().kind() != io.omdprt.config.ChannelKind.REALTIME) {
            notTried(f, channel, from, to, "RTS serves real-time channels only");
            return;
        }
        long next = Math.max(c.tracker().get(ChannelCounter.NEXT_EXPECTED_SEQ), to + 1);
        TreeMap<Long, Long> done = f.recovered.computeIfAbsent(channel, k -> new TreeMap<>());
        long[] left = unrecovered(done, from, to);
        if (left == null) {
            notTried(f, channel, from, to, "already recovered: RTS is never asked twice for the same messages");
            return;
        }
        from = left[0];
        to = left[1];
        if (to - from + 1 > RtsWire.MAX_RANGE) {
            notTried(f, channel, from, to, "longer than " + RtsWire.MAX_RANGE + " messages, the most RTS retransmits per request");
            return;
        }
        if (next - from > RtsWire.MESSAGES_KEPT) {
            notTried(f, channel, from, to, "older than the last " + RtsWire.MESSAGES_KEPT + " messages RTS keeps per channel");
            return;
        }
        String why = budgetBlocks(f);
        if (why != null) {
            notTried(f, channel, from, to, why);
            return;
        }
        RtsClient.Opened opened = open(f);
        if (opened.session() == null) {
            notTried(f, channel, from, to, "no RTS session: " + lastFailure(opened));
            return;
        }
        try {
            if (!f.budget.take()) {
                notTried(f, channel, from, to, budgetBlocks(f));
                return;
            }
            RtsSession.Reply r = opened.session().request(id, from, to, f.rts.replyTimeout());
            settle(f, r);
            long intact = r.malformed() == 0 ? r.receivedCount() : 0;
            if (intact > 0) {
                f.stats.recoveredMessages.addAndGet(intact);
                long run = -1;
                for (int i = 0; i <= r.received().length; i++) {
                    boolean got = i < r.received().length && r.received()[i];
                    if (got && run < 0) {
                        run = from + i;
                    } else if (!got && run >= 0) {
                        done.put(run, from + i - 1);
                        run = -1;
                    }
                }
            }
            request(f, channel, r, "recover", intact, 0, 0, describe(r, "recovered"));
        } finally {
            f.client.close(opened.session());
        }
    }

    /** What of from..to is not yet recovered, as one span, or null when all of it is. */
    static long[] unrecovered(TreeMap<Long, Long> done, long from, long to) {
        long lo = from;
        long hi = to;
        boolean moved = true;
        while (moved && lo <= hi) {
            moved = false;
            Map.Entry<Long, Long> e = done.floorEntry(lo);
            if (e != null && e.getValue() >= lo) {
                lo = e.getValue() + 1;
                moved = true;
            }
            e = done.floorEntry(hi);
            if (e != null && e.getValue() >= hi && lo <= hi) {
                hi = e.getKey() - 1;
                moved = true;
            }
        }
        return lo > hi ? null : new long[] {lo, hi};
    }

    // ---- probe ----

    void probe(Feed f) {
        MonitoredChannel c = channel(f, Integer.toString(f.rts.probeChannel()));
        String channel = Integer.toString(f.rts.probeChannel());
        long next = c.tracker().get(ChannelCounter.NEXT_EXPECTED_SEQ);
        String why = budgetBlocks(f);
        if (why != null) {
            notTriedProbe(f, channel, why);
            return;
        }
        if (next <= 0) {
            notTriedProbe(f, channel, "no message received on the channel yet");
            return;
        }
        int k = f.rts.probeMessages();
        ProbeCapture capture = c.tracker().probeCapture();
        capture.arm(next, next + ProbeCapture.CAPACITY - 1);
        long first;
        long deadline = clock.monotonicNanos() + CAPTURE_WAIT.toNanos();
        try {
            while ((first = capture.firstRun(k)) < 0 && clock.monotonicNanos() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            capture.disarm();
            return;
        }
        capture.disarm();
        if (first < 0) {
            notTriedProbe(f, channel, k + " consecutive messages did not arrive on multicast within " + CAPTURE_WAIT.toSeconds() + " s");
            return;
        }
        RtsClient.Opened opened = open(f);
        if (opened.session() == null) {
            notTriedProbe(f, channel, "no RTS session: " + lastFailure(opened));
            return;
        }
        try {
            if (!f.budget.take()) {
                notTriedProbe(f, channel, budgetBlocks(f));
                return;
            }
            long last = first + k - 1;
            RtsSession.Reply r = opened.session().request(c.config().id(), first, last, f.rts.replyTimeout());
            settle(f, r);
            int compared = 0;
            int mismatched = 0;
            for (int i = 0; i < k; i++) {
                Long multicast = capture.hash(first + i);
                if (r.received()[i] && multicast != null) {
                    compared++;
                    if (multicast != r.hashes()[i]) {
                        mismatched++;
                    }
                }
            }
            f.stats.contentMismatches.addAndGet(mismatched);
            String text = describe(r, "retransmitted");
            if (compared > 0) {
                text += mismatched == 0 ? "; content identical to multicast (" + compared + " compared)"
                        : "; CONTENT DIFFERS from multicast in " + mismatched + " of " + compared;
            }
            request(f, channel, r, "probe", r.receivedCount(), compared, mismatched, text);
        } finally {
            f.client.close(opened.session());
        }
    }

    // ---- shared ----

    private MonitoredChannel channel(Feed f, String label) {
        for (MonitoredChannel c : channels.get().channels()) {
            if (c.feedName().equals(f.config.name()) && c.label().equals(label) && c.config().kind() != io.omdprt.config.ChannelKind.DR) {
                return c;
            }
        }
        return null;
    }

    private static String budgetBlocks(Feed f) {
        if (f.budget.stoppedForTheDay()) {
            return "the server's daily request limit was reached (status 101): no more requests today";
        }
        if (f.budget.left() <= 0) {
            return "the daily budget of " + f.rts.dailyBudget() + " requests is used up";
        }
        return null;
    }

    private RtsClient.Opened open(Feed f) {
        RtsClient.Opened opened = f.client.open();
        for (RtsClient.Attempt a : opened.attempts()) {
            String text = a.server() + ": " + (a.accepted() ? RtsWire.sessionStatusName(0) : a.failure());
            out.accept(new Rts.Logon(now(), f.config.name(), a.status() < 0 ? OptionalLong.empty() : OptionalLong.of(a.status()),
                    a.latencyNanos() / 1e9, text));
            if (!a.accepted()) {
                LOG.warn("RTS logon {}: {}", f.config.name(), text);
            }
        }
        return opened;
    }

    private static String lastFailure(RtsClient.Opened opened) {
        List<RtsClient.Attempt> a = opened.attempts();
        return a.isEmpty() ? "no server configured" : a.get(a.size() - 1).failure();
    }

    /** Counts the request by its outcome; a 101 stops the day. */
    private void settle(Feed f, RtsSession.Reply r) {
        String label = r.status() >= 0 ? RtsWire.retransStatusLabel(r.status()) : r.outcome();
        f.stats.requests.incrementAndGet(RtsStats.outcomeIndex(label));
        if (r.status() == ControlMessages.RETRANS_DAILY_LIMIT) {
            f.budget.stopForTheDay();
        }
        f.stats.budgetLeft.set(f.budget.left());
    }

    private static String describe(RtsSession.Reply r, String verb) {
        long n = r.end() - r.begin() + 1;
        StringBuilder sb = new StringBuilder();
        if (r.status() >= 0) {
            sb.append("RetransStatus ").append(r.status()).append(" (").append(RtsWire.retransStatusName(r.status())).append(")");
        } else {
            sb.append(r.outcome().equals("disconnected") ? "the server closed the connection before responding" : "no response");
        }
        if (r.status() == ControlMessages.RETRANS_OK) {
            sb.append("; ").append(verb).append(' ').append(r.receivedCount()).append(" of ").append(n);
            if (r.outcome().equals("disconnected")) {
                sb.append(", then the server closed the connection");
            } else if (r.outcome().equals("incomplete")) {
                sb.append(", the rest did not come in time");
            }
            sb.append(String.format(Locale.ROOT, " in %.0f ms", r.completeNanos() / 1e6));
            if (r.malformed() > 0) {
                sb.append("; ").append(r.malformed()).append(" malformed");
            }
        }
        if (r.typeMismatch() || r.channelMismatch()) {
            sb.append("; the response had ").append(r.typeMismatch() ? "another MsgType than 202" : "")
                    .append(r.typeMismatch() && r.channelMismatch() ? " and " : "")
                    .append(r.channelMismatch() ? "another ChannelID than requested" : "").append(" (tolerated)");
        }
        return sb.toString();
    }

    private void request(Feed f, String channel, RtsSession.Reply r, String purpose, long good, int compared, int mismatched, String text) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("requested", r.end() - r.begin() + 1);
        counts.put("received", (long) r.receivedCount());
        counts.put("intact", good);
        counts.put("compared", (long) compared);
        counts.put("mismatched", (long) mismatched);
        counts.put("malformed", (long) r.malformed());
        counts.put("response_ms", Math.round(r.responseNanos() / 1e6));
        out.accept(new Rts.Request(now(), new Where.Channel(f.config.name(), channel), new SeqRange(r.begin(), r.end()),
                r.completeNanos() / 1e9, r.status() < 0 ? OptionalLong.empty() : OptionalLong.of(r.status()), purpose + ": " + text,
                counts));
    }

    private void notTried(Feed f, String channel, long from, long to, String why) {
        out.accept(new Rts.NotTried(now(), new Where.Channel(f.config.name(), channel), Optional.of(new SeqRange(from, to)),
                "recover: " + why));
    }

    private void notTriedProbe(Feed f, String channel, String why) {
        out.accept(new Rts.NotTried(now(), new Where.Channel(f.config.name(), channel), Optional.empty(), "probe: " + why));
    }

    /** A feed's state (tests). */
    Feed feed(String name) {
        return feeds.get(name);
    }

    /** Waits for the checks already handed over (tests). */
    void drain() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        thread.execute(done::countDown);
        done.await(1, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
