package io.omdprt.sim;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.ChannelKind;
import io.omdprt.config.FeedConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.protocol.PacketEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Publishes one channel on all its lines: sequenced messages at a rate, heartbeats when idle, the
 * DR signal on the DR channel, and the faults applied to it. Keeps the ground truth of what each
 * line delivered. Driven by one thread.
 */
final class ChannelPublisher {
    /** Most messages per packet; the encoder also keeps packets within one Ethernet frame. */
    private static final int MAX_MESSAGES_PER_PACKET = 12;
    private static final long DR_REPEAT_NANOS = 3_000_000_000L;
    /** A snapshot every 2 s on a refresh channel, ending with a Refresh Complete. */
    static final long REFRESH_CYCLE_NANOS = 2_000_000_000L;
    /** How far above the real-time channel a refresh-ahead fault puts LastSeqNum. */
    static final long REFRESH_AHEAD_BY = 1_000_000L;
    private static final long HOLD_LIMIT_NANOS = 20_000_000L;

    final String feed;
    final String label;
    final ChannelKind kind;
    final LineState[] lines;
    private final GroundTruth.ChannelTruth truth;
    private final PacketSink sink;
    private final MessageMix mix;
    private final SplittableRandom random;
    private final int rate;
    private final long heartbeatIntervalNanos;
    private final PacketEncoder encoder = new PacketEncoder();
    private final UnsafeBuffer packet = new UnsafeBuffer(new byte[2048]);
    private int[] batch = new int[1024];
    /** Where real-time messages are kept for the RTS server, or null. */
    private Published published;

    private long nextSeq = 1;
    private double credit;
    private long lastTickNanos;
    private long lastDataNanos;
    private long lastHeartbeatNanos;
    private long lastRefreshNanos;
    private boolean silent;
    private long silentUntilNanos;
    private boolean channelOutagePending;
    private long silenceStartedNanos;
    private long drStatus;
    private long lastDrNanos;
    private long wallNanos;
    /** While a burst is published: its line, and the send-time step between its packets. */
    private LineState burstLine;
    private long burstStepNanos;
    /** A refresh channel: the real-time channel it refreshes (LastSeqNum is its last sequence number), or null. */
    private ChannelPublisher refreshes;
    private long refreshStallUntilNanos;
    private int refreshGapMessages;
    private GroundTruth.InjectedFault refreshGapFault;
    private int refreshAheadRemaining;
    private boolean refreshWasAhead;

    ChannelPublisher(FeedConfig feed, ChannelConfig channel, int rate, long heartbeatIntervalNanos, PacketSink sink,
                     GroundTruth truth, long seed) {
        this.feed = feed.name();
        this.label = channel.label();
        this.kind = channel.kind();
        this.sink = sink;
        this.truth = truth.channel(feed.name(), label);
        this.rate = channel.kind() == ChannelKind.DR ? 0 : rate;
        this.heartbeatIntervalNanos = heartbeatIntervalNanos;
        this.mix = MessageMix.forChannel(feed.protocol(), feed.name(), channel.kind());
        this.random = new SplittableRandom(seed);
        this.lines = new LineState[channel.lines().size()];
        for (int i = 0; i < lines.length; i++) {
            LineConfig l = channel.lines().get(i);
            lines[i] = new LineState(l, truth.line(feed.name(), label, l.name()));
        }
    }

    /** Makes this refresh channel's Refresh Completes carry {@code realtime}'s last sequence number. */
    void refreshes(ChannelPublisher realtime) {
        refreshes = realtime;
    }

    LineState line(String name) {
        for (LineState l : lines) {
            if (l.config.name().equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException(feed + "/" + label + " has no line " + name);
    }

    /** Keeps every message of this (real-time) channel in {@code store}, as the RTS server serves them. */
    void keepFor(Published store) {
        if (kind == ChannelKind.REALTIME) {
            published = store;
            store.channel(feed, label);
        }
    }

    /** The last sequence number published (0 = none yet). */
    long lastSeq() {
        return nextSeq - 1;
    }

    GroundTruth.ChannelTruth truth() {
        return truth;
    }

    /** Starts the day: a Sequence Reset on every line. */
    void start(long now, long wall) {
        lastTickNanos = now;
        lastDataNanos = now;
        lastHeartbeatNanos = now;
        lastRefreshNanos = now;
        sequenceReset(now, wall);
    }

    /** @param idle publish no new messages (after the scenario: heartbeats and DR repeats only) */
    void tick(long now, long wall, boolean idle) {
        wallNanos = wall;
        long elapsed = now - lastTickNanos;
        lastTickNanos = now;
        for (LineState l : lines) {
            if (l.down && now >= l.downUntilNanos) {
                l.down = false;
                l.outagePending = true;
            }
            releaseDue(l, now);
        }
        if (silent) {
            if (now < silentUntilNanos) {
                return;
            }
            silent = false;
            channelOutagePending = true;
            for (LineState l : lines) {
                l.outagePending = true;
            }
            credit = 0;
            elapsed = 0;
        }
        credit = idle ? 0 : Math.min(credit + rate * (elapsed / 1e9), Math.max(1, rate));
        int n = (int) credit;
        if (n > 0) {
            credit -= n;
            publish(n, now);
        }
        if (!idle && kind == ChannelKind.REFRESH && now - lastRefreshNanos >= REFRESH_CYCLE_NANOS) {
            lastRefreshNanos = now;
            if (now >= refreshStallUntilNanos) {
                refreshComplete(now);
            }
        }
        if (drStatus != 0 && now - lastDrNanos >= DR_REPEAT_NANOS) {
            sendDr(now);
        }
        if (now - Math.max(lastDataNanos, lastHeartbeatNanos) >= heartbeatIntervalNanos) {
            heartbeat(now);
        }
    }

    /** The end of a snapshot; a scripted gap starts the next one, a scripted ahead raises LastSeqNum. */
    private void refreshComplete(long now) {
        long lastSeqNum = refreshes == null ? nextSeq : refreshes.lastSeq();
        if (refreshAheadRemaining > 0) {
            refreshAheadRemaining--;
            lastSeqNum += REFRESH_AHEAD_BY;
            refreshWasAhead = true;
            truth.refreshAhead++;
        } else if (refreshWasAhead) {
            refreshWasAhead = false;
            truth.refreshLastSeqDecreases++; // back from above the real-time channel
        }
        long last = lastSeqNum;
        sendControl(now, (enc, seq) -> enc.refreshComplete(last));
        truth.refreshCompletes++;
        if (refreshGapMessages > 0) {
            for (LineState l : lines) {
                l.dropRemaining = refreshGapMessages;
                l.dropFault = refreshGapFault;
                l.truth.gaps++;
                l.truth.missingMessages += refreshGapMessages;
            }
            truth.arbitratedGaps++;
            truth.arbitratedMissingMessages += refreshGapMessages;
            truth.refreshUnusableSnapshots++;
            refreshGapMessages = 0;
        }
    }

    // ---- faults ----

    /** No Refresh Complete for a while (the snapshots' messages go on). */
    void refreshStall(long now, long durationNanos) {
        refreshStallUntilNanos = now + durationNanos;
        truth.refreshStalls++;
    }

    /** Messages lost on every line inside the snapshot after the next Refresh Complete. */
    void refreshGap(int messages, GroundTruth.InjectedFault record) {
        refreshGapMessages = messages;
        refreshGapFault = record;
    }

    /** The next {@code completes} Refresh Completes carry a LastSeqNum above the real-time channel's. */
    void refreshAhead(int completes) {
        refreshAheadRemaining = completes;
    }

    void silence(long now, long durationNanos) {
        silent = true;
        silentUntilNanos = now + durationNanos;
        long last = 0;
        for (LineState l : lines) {
            releaseAll(l, now);
            last = Math.max(last, l.lastDeliveryNanos);
        }
        silenceStartedNanos = last;
    }

    void sequenceReset(long now, long wall) {
        wallNanos = wall;
        for (LineState l : lines) {
            releaseAll(l, now);
        }
        int length = encoder.begin(packet, 0, 1, wall).sequenceReset(1).finish();
        for (LineState l : lines) {
            deliver(l, packet.byteArray(), length, 0, 0, true, now);
            l.lastSeqDelivered = 0;
            l.truth.sequenceResets++;
        }
        truth.sequenceResets++;
        nextSeq = 1;
        if (published != null) {
            published.reset(feed, label);
        }
        lastDataNanos = now;
    }

    void drSignal(long status, long now) {
        if (status != drStatus) {
            truth.drStatusChanges++;
        }
        drStatus = status;
        truth.drStatus = status;
        sendDr(now);
    }

    /** N more messages now, one a packet on {@code line} with send times {@code withinNanos / N} apart. */
    void burst(LineState line, int packets, long withinNanos, long now) {
        burstLine = line;
        burstStepNanos = withinNanos / packets;
        try {
            publish(packets, now);
        } finally {
            burstLine = null;
        }
    }

    // ---- publishing ----

    private void sendDr(long now) {
        lastDrNanos = now;
        sendControl(now, (enc, seq) -> enc.drSignal(drStatus));
    }

    private interface Control {
        void write(PacketEncoder encoder, long seq);
    }

    /** A sequenced control message (DR signal, refresh complete) on every line. */
    private void sendControl(long now, Control control) {
        long seq = nextSeq++;
        encoder.begin(packet, 0, seq, wallNanos);
        control.write(encoder, seq);
        int length = encoder.finish();
        keep(seq, 16, length - 16);
        for (LineState l : lines) {
            emit(l, length, seq, seq, false, now);
        }
        lastDataNanos = now;
        truth.messagesPublished++;
    }

    private void publish(int n, long now) {
        if (batch.length < n) {
            batch = new int[n];
        }
        for (int i = 0; i < n; i++) {
            batch[i] = mix.next(random);
        }
        long first = nextSeq;
        if (published != null) {
            for (int i = 0; i < n; i++) {
                int size = batch[i] & 0xFFFF;
                byte[] m = new byte[size];
                UnsafeBuffer b = new UnsafeBuffer(m);
                b.putShort(0, (short) size, java.nio.ByteOrder.LITTLE_ENDIAN);
                b.putShort(2, (short) (batch[i] >>> 16), java.nio.ByteOrder.LITTLE_ENDIAN);
                stamp(b, 0, size, first + i);
                published.add(feed, label, first + i, m);
            }
        }
        for (LineState l : lines) {
            int skip = Math.min(l.dropRemaining, n);
            if (skip > 0) {
                if (l.dropFault != null && l.dropFault.fromSeq == null) {
                    l.dropFault.fromSeq = first;
                }
                l.dropRemaining -= skip;
                if (l.dropRemaining == 0 && l.dropFault != null) {
                    l.dropFault.toSeq = first + skip - 1;
                    l.dropFault = null;
                }
            }
            // Line framing differs now and then, as the spec allows: same messages, other packet boundaries.
            int perPacket = random.nextInt(5) == 0 ? 1 + random.nextInt(MAX_MESSAGES_PER_PACKET) : MAX_MESSAGES_PER_PACKET;
            boolean bursting = l == burstLine;
            if (bursting) {
                perPacket = 1;
            }
            long wall = wallNanos;
            int i = skip;
            while (i < n) {
                long seq = first + i;
                if (bursting) {
                    wallNanos = wall + (i - skip) * burstStepNanos;
                }
                encoder.begin(packet, 0, seq, wallNanos);
                int k = 0;
                while (i < n && k < perPacket && encoder.fits(batch[i] & 0xFFFF)) {
                    int at = encoder.message(batch[i] >>> 16, batch[i] & 0xFFFF);
                    if (published != null) {
                        stamp(packet, at, batch[i] & 0xFFFF, seq + k);
                    }
                    i++;
                    k++;
                }
                emit(l, encoder.finish(), seq, seq + k - 1, false, now);
            }
            wallNanos = wall;
        }
        nextSeq += n;
        lastDataNanos = now;
        truth.messagesPublished += n;
    }

    /**
     * Writes the sequence number into the first four body bytes of a kept message, so that a message
     * retransmitted for the wrong number shows (the bodies are zeros otherwise).
     */
    private static void stamp(org.agrona.MutableDirectBuffer b, int at, int size, long seq) {
        if (size >= 8) {
            b.putInt(at + 4, (int) seq, java.nio.ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** Keeps a control message of {@link #packet} for the RTS server. */
    private void keep(long seq, int at, int size) {
        if (published != null) {
            byte[] m = new byte[size];
            packet.getBytes(at, m);
            published.add(feed, label, seq, m);
        }
    }

    private void heartbeat(long now) {
        lastHeartbeatNanos = now;
        int length = encoder.heartbeat(packet, 0, nextSeq - 1, wallNanos);
        for (LineState l : lines) {
            emit(l, length, nextSeq - 1, nextSeq - 1, true, now);
        }
    }

    /** Applies the line's faults to a packet in {@link #packet}, then delivers or holds it. */
    private void emit(LineState l, int length, long firstSeq, long lastSeq, boolean heartbeat, long now) {
        if (l.down) {
            return;
        }
        if (!heartbeat && l.reorderRemaining > 0) {
            if (l.held == null) {
                l.held = copy(length, firstSeq, lastSeq, false, now + HOLD_LIMIT_NANOS);
                return;
            }
            LineState.Pending first = l.held;
            l.held = null;
            l.reorderRemaining -= 2;
            long heldCount = first.lastSeq - first.firstSeq + 1;
            l.truth.gaps++;
            l.truth.missingMessages += heldCount;
            l.truth.lateMessages += heldCount;
            l.truth.outOfOrderPackets++;
            send(l, packet.byteArray(), length, firstSeq, lastSeq, false, now);
            send(l, first.bytes, first.length, first.firstSeq, first.lastSeq, false, now);
            return;
        }
        send(l, packet.byteArray(), length, firstSeq, lastSeq, heartbeat, now);
        if (!heartbeat && l.duplicateRemaining > 0) {
            l.duplicateRemaining--;
            l.truth.duplicateMessages += lastSeq - firstSeq + 1;
            send(l, packet.byteArray(), length, firstSeq, lastSeq, false, now);
        }
    }

    /** Through the line's delay, if one is on (order kept), to the sink. */
    private void send(LineState l, byte[] bytes, int length, long firstSeq, long lastSeq, boolean heartbeat, long now) {
        boolean delaying = l.delayUntilNanos > now;
        if (delaying || !l.delayed.isEmpty()) {
            l.delayed.add(new LineState.Pending(java.util.Arrays.copyOf(bytes, length), length, firstSeq, lastSeq, heartbeat,
                    now + (delaying ? l.delayNanos : 0)));
            return;
        }
        deliver(l, bytes, length, firstSeq, lastSeq, heartbeat, now);
    }

    private void releaseDue(LineState l, long now) {
        while (!l.delayed.isEmpty() && l.delayed.peek().releaseNanos <= now) {
            LineState.Pending p = l.delayed.poll();
            deliver(l, p.bytes, p.length, p.firstSeq, p.lastSeq, p.heartbeat, now);
        }
        if (l.held != null && l.held.releaseNanos <= now) {
            LineState.Pending p = l.held;
            l.held = null;
            send(l, p.bytes, p.length, p.firstSeq, p.lastSeq, false, now);
        }
    }

    /** Sends whatever a line still holds (end of run, or before a reset or a silence). */
    void releaseAll(LineState l, long now) {
        while (!l.delayed.isEmpty()) {
            LineState.Pending p = l.delayed.poll();
            deliver(l, p.bytes, p.length, p.firstSeq, p.lastSeq, p.heartbeat, now);
        }
        if (l.held != null) {
            LineState.Pending p = l.held;
            l.held = null;
            deliver(l, p.bytes, p.length, p.firstSeq, p.lastSeq, false, now);
        }
    }

    private void deliver(LineState l, byte[] bytes, int length, long firstSeq, long lastSeq, boolean heartbeat, long now) {
        if (l.outagePending) {
            l.outagePending = false;
            l.truth.outageSeconds.add(round((now - l.lastDeliveryNanos) / 1e9));
            long covered = heartbeat ? lastSeq : firstSeq - 1;
            if (covered > l.lastSeqDelivered) {
                l.truth.gaps++;
                l.truth.missingMessages += covered - l.lastSeqDelivered;
            }
        }
        if (channelOutagePending) {
            channelOutagePending = false;
            truth.outageSeconds.add(round((now - silenceStartedNanos) / 1e9));
        }
        try {
            sink.send(l.config, bytes == packet.byteArray() ? packet : new UnsafeBuffer(bytes), length, wallNanos);
        } catch (IOException e) {
            throw new UncheckedIOException("sending to " + l.config.endpoint() + " failed", e);
        }
        l.lastDeliveryNanos = now;
        l.lastSeqDelivered = Math.max(l.lastSeqDelivered, lastSeq);
    }

    private LineState.Pending copy(int length, long firstSeq, long lastSeq, boolean heartbeat, long releaseNanos) {
        return new LineState.Pending(java.util.Arrays.copyOf(packet.byteArray(), length), length, firstSeq, lastSeq, heartbeat,
                releaseNanos);
    }

    /** End of the run: release what is held and send a heartbeat on every line, so trailing loss shows. */
    void finish(long now, long wall) {
        wallNanos = wall;
        for (LineState l : lines) {
            releaseAll(l, now);
        }
        if (!silent) {
            heartbeat(now);
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
