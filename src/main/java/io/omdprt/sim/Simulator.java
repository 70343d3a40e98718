package io.omdprt.sim;

import io.omdprt.text.Counts;
import io.omdprt.config.ChannelConfig;
import io.omdprt.config.ChannelKind;
import io.omdprt.config.FeedConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.time.MonitorClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every channel of a config in real time (or in simulated time, on a
 * {@link io.omdprt.time.ManualClock}: a run then takes only as long as encoding its packets), injects the
 * scenario's faults on schedule and keeps the ground truth. One thread, a 1 ms duty cycle.
 */
public final class Simulator {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private static final long TICK_NANOS = 1_000_000L;

    private final Scenario scenario;
    private final List<ChannelPublisher> publishers = new ArrayList<>();
    private final List<Fault> pending;
    private final GroundTruth truth = new GroundTruth();
    private final ConcurrentLinkedQueue<Fault> injected = new ConcurrentLinkedQueue<>();
    private final MonitorClock clock;
    private volatile boolean stopRequested;
    private volatile boolean linger;
    private volatile boolean scenarioDone;
    private volatile double progress;

    /** @param clock schedules the ticks (monotonic time) and stamps SendTime and the ground truth (epoch time) */
    public Simulator(MonitorConfig config, Scenario scenario, PacketSink sink, long seed, MonitorClock clock) {
        this.scenario = scenario;
        this.clock = clock;
        long heartbeat = config.liveness().heartbeatInterval().toNanos();
        int i = 0;
        for (FeedConfig feed : config.feeds()) {
            for (ChannelConfig channel : feed.channels()) {
                int rate = channel.kind() == ChannelKind.REFRESH ? Math.max(1, scenario.rateOf(feed.name(), channel.label()) / 10)
                        : scenario.rateOf(feed.name(), channel.label());
                publishers.add(new ChannelPublisher(feed, channel, rate, heartbeat, sink, truth, seed + 31L * i++));
            }
        }
        for (FeedConfig feed : config.feeds()) {
            for (ChannelConfig channel : feed.channels()) {
                if (channel.kind() == ChannelKind.REFRESH && channel.realtimeId() != ChannelConfig.NO_ID) {
                    publisher(feed.name(), channel.label()).refreshes(publisher(feed.name(), Integer.toString(channel.realtimeId())));
                }
            }
        }
        this.pending = new ArrayList<>(scenario.faults());
        this.pending.sort(Comparator.comparing(Fault::at));
        truth.scenario = scenario.name();
    }

    /**
     * Keeps the last 50,000 messages of every real-time channel from now on, for an {@link RtsServer}
     * (call before {@link #run()}; off by default: it costs a few MB per channel).
     */
    public Published keepPublished() {
        Published store = new Published();
        for (ChannelPublisher p : publishers) {
            p.keepFor(store);
        }
        return store;
    }

    public GroundTruth truth() {
        return truth;
    }

    /** Fraction of the run done, 0..1. Any thread. */
    public double progress() {
        return progress;
    }

    /** Asks a running {@link #run()} to finish (early, or at the end of its lingering). */
    public void stop() {
        stopRequested = true;
    }

    /**
     * After the scenario, keep every line alive with heartbeats until {@link #stop()}, so whoever checks
     * the monitor afterwards does not see the lines go down because the simulation ended.
     */
    public Simulator lingerUntilStopped() {
        linger = true;
        return this;
    }

    /**
     * Injects a fault now, from any thread, on top of the script (its {@code at} is ignored): for
     * tests and rehearsals that react to what they observe. It is recorded in the ground truth.
     */
    public void inject(Fault fault) {
        injected.add(fault);
    }

    /** Whether the scenario's timeline is over (the ground truth is final). */
    public boolean scenarioDone() {
        return scenarioDone;
    }

    /** Runs the whole scenario; returns when it is over (or, lingering, when stopped). */
    public GroundTruth run() {
        long start = clock.monotonicNanos();
        long end = start + scenario.duration().toNanos();
        truth.started = clock.now().toString();
        long wall = clock.epochNanos();
        for (ChannelPublisher p : publishers) {
            p.start(start, wall);
        }
        LOG.info("simulating {} channels for {} s: {}", publishers.size(), scenario.duration().toSeconds(), scenario.name());
        int nextFault = 0;
        long nextTick = start;
        while (!stopRequested) {
            long now = clock.monotonicNanos();
            if (now >= end && !scenarioDone) {
                finish(now);
                if (!linger) {
                    break;
                }
            }
            wall = clock.epochNanos();
            while (nextFault < pending.size() && start + pending.get(nextFault).at().toNanos() <= now) {
                apply(pending.get(nextFault++), now, start, wall);
            }
            for (Fault f = injected.poll(); f != null; f = injected.poll()) {
                apply(f, now, start, wall);
            }
            for (ChannelPublisher p : publishers) {
                p.tick(now, wall, scenarioDone);
            }
            if (!scenarioDone) {
                progress = (now - start) / (double) (end - start);
            }
            nextTick += TICK_NANOS;
            long sleep = nextTick - clock.monotonicNanos();
            if (sleep > 0) {
                clock.sleep(sleep);
            } else if (sleep < -100 * TICK_NANOS) {
                nextTick = clock.monotonicNanos();
            }
        }
        if (!scenarioDone) {
            finish(clock.monotonicNanos());
        }
        return truth;
    }

    /** The scenario is over (at its end, or stopped early): every channel finishes and the ground truth is final. */
    private void finish(long now) {
        long wall = clock.epochNanos();
        for (ChannelPublisher p : publishers) {
            p.finish(now, wall);
        }
        truth.ended = clock.now().toString();
        progress = 1.0;
        scenarioDone = true;
    }

    private ChannelPublisher publisher(String feed, String channel) {
        for (ChannelPublisher p : publishers) {
            if (p.feed.equals(feed) && p.label.equals(channel)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no channel " + feed + "/" + channel);
    }

    private void apply(Fault f, long now, long start, long wall) {
        ChannelPublisher p = publisher(f.feed(), f.channel());
        GroundTruth.InjectedFault record = truth.record(f, Instant.ofEpochSecond(0, wall), (now - start) / 1e9);
        LOG.info("fault at {}s: {}", String.format(java.util.Locale.ROOT, "%.1f", record.atSeconds), f.describe());
        List<LineState> targets = new ArrayList<>();
        if (f.line() == null) {
            targets.addAll(List.of(p.lines));
        } else {
            targets.add(p.line(f.line()));
        }
        switch (f.type()) {
            case DROP -> {
                for (LineState l : targets) {
                    l.dropRemaining = f.count();
                    l.dropFault = record;
                    l.truth.gaps++;
                    l.truth.missingMessages += f.count();
                }
                if (f.line() == null) {
                    p.truth().arbitratedGaps++;
                    p.truth().arbitratedMissingMessages += f.count();
                    record.effect = "real loss: " + Counts.of(f.count(), "message") + " missing on every line";
                } else {
                    record.effect = "line gap of " + Counts.of(f.count(), "message") + ", covered by the other line(s)";
                }
            }
            case LINE_DOWN -> {
                LineState l = targets.get(0);
                p.releaseAll(l, now);
                l.down = true;
                l.downUntilNanos = now + f.duration().toNanos();
                record.silenceSeconds = f.duration().toMillis() / 1e3;
                record.effect = "line outage, and a line gap for what was published meanwhile";
            }
            case CHANNEL_SILENT -> {
                p.silence(now, f.duration().toNanos());
                record.silenceSeconds = f.duration().toMillis() / 1e3;
                record.effect = "channel outage (every line), nothing lost";
            }
            case DUPLICATE -> {
                targets.get(0).duplicateRemaining = f.count();
                record.effect = "duplicate messages on the line";
            }
            case REORDER -> {
                targets.get(0).reorderRemaining = f.count();
                record.effect = "line gaps filled late (out of order), no real loss";
            }
            case DELAY -> {
                LineState l = targets.get(0);
                l.delayNanos = f.delay().toNanos();
                l.delayUntilNanos = now + f.duration().toNanos();
                record.effect = "A/B skew of about " + f.delay().toMillis() + " ms, no loss";
            }
            case SEQUENCE_RESET -> {
                p.sequenceReset(now, wall);
                record.effect = "sequence reset on every line, no gap";
            }
            case DR_SIGNAL -> {
                p.drSignal(f.status(), now);
                record.effect = "DR status " + f.status() + (f.status() == 1 ? " (failover in progress)" : " (completed)");
            }
            case BURST -> {
                LineState l = targets.get(0);
                p.burst(l, f.count(), f.duration().toNanos(), now);
                l.truth.burstPackets = Math.max(l.truth.burstPackets, f.count());
                record.effect = "a burst of " + Counts.of(f.count(), "packet") + " on the line, nothing lost";
            }
            case REFRESH_STALL -> {
                p.refreshStall(now, f.duration().toNanos());
                record.silenceSeconds = f.duration().toMillis() / 1e3;
                record.effect = "no Refresh Complete for " + f.duration().toMillis() + " ms: a refresh stall";
            }
            case REFRESH_GAP -> {
                p.refreshGap(f.count(), record);
                record.effect = "real loss on the refresh channel inside one snapshot: it is unusable";
            }
            case REFRESH_AHEAD -> {
                p.refreshAhead(f.count());
                record.effect = Counts.of(f.count(), "Refresh Complete") + " with LastSeqNum above the real-time channel's";
            }
            default -> throw new IllegalStateException(f.type().toString());
        }
    }
}
