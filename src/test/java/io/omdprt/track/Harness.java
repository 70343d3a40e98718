package io.omdprt.track;

import io.omdprt.protocol.Protocol;
import java.util.ArrayList;
import java.util.List;

/** A channel tracker with lines A, B (…), driven with times in milliseconds. */
final class Harness {
    static final long MS = 1_000_000L;
    /** An arbitrary epoch start (2024-01-06 09:00 HKT) so times look like real ones. */
    static final long T0 = 1_704_502_800_000L * MS;

    final Wire wire = new Wire();
    final RecordingListener events = new RecordingListener();
    final ChannelTracker tracker;

    Harness(long staleAfterMs, long waitMs, String... lineNames) {
        List<LineInfo> lines = new ArrayList<>();
        for (String name : lineNames.length == 0 ? new String[] {"A", "B"} : lineNames) {
            lines.add(new LineInfo(name, "primary"));
        }
        tracker = new ChannelTracker(new ChannelInfo("omdc-test", "11", Protocol.OMD_C), lines,
                new TrackerSettings(staleAfterMs * MS, waitMs * MS, 256), events, T0);
    }

    Harness() {
        this(5_000, 250);
    }

    static long at(long ms) {
        return T0 + ms * MS;
    }

    private int index(String line) {
        for (LineTracker l : tracker.lines()) {
            if (l.name().equals(line)) {
                return l.index();
            }
        }
        throw new IllegalArgumentException(line);
    }

    Harness data(String line, long seq, int count, long ms) {
        int length = wire.data(seq, count, at(ms));
        tracker.onDatagram(index(line), wire.buffer, 0, length, at(ms), at(ms));
        return this;
    }

    /** The same packet on every line, A first, at the same time. */
    Harness both(long seq, int count, long ms) {
        for (LineTracker l : tracker.lines()) {
            data(l.name(), seq, count, ms);
        }
        return this;
    }

    Harness heartbeat(String line, long lastSeq, long ms) {
        int length = wire.heartbeat(lastSeq);
        tracker.onDatagram(index(line), wire.buffer, 0, length, at(ms), at(ms));
        return this;
    }

    Harness reset(String line, long headerSeq, long ms) {
        int length = wire.reset(headerSeq, 1);
        tracker.onDatagram(index(line), wire.buffer, 0, length, at(ms), at(ms));
        return this;
    }

    Harness dr(String line, long seq, long status, long ms) {
        int length = wire.drSignal(seq, status);
        tracker.onDatagram(index(line), wire.buffer, 0, length, at(ms), at(ms));
        return this;
    }

    Harness raw(String line, byte[] bytes, long ms) {
        tracker.onDatagram(index(line), new org.agrona.concurrent.UnsafeBuffer(bytes), 0, bytes.length, at(ms), at(ms));
        return this;
    }

    Harness tick(long ms) {
        tracker.onTick(at(ms));
        return this;
    }

    /** Ticks every stepMs from fromMs to toMs inclusive, like the live timer. */
    Harness ticks(long fromMs, long toMs, long stepMs) {
        for (long t = fromMs; t <= toMs; t += stepMs) {
            tick(t);
        }
        return this;
    }

    long line(String line, LineCounter counter) {
        return tracker.line(index(line)).get(counter);
    }

    long channel(ChannelCounter counter) {
        return tracker.get(counter);
    }
}
