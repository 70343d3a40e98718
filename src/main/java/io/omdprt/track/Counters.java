package io.omdprt.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed set of long values written by one thread (the event loop that owns a channel) and read by
 * any other (the metrics scrape, the status page). Writes are opaque: no fence, no lock, no
 * allocation, yet never torn and eventually visible to readers.
 */
public final class Counters {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] values;

    public Counters(int size) {
        values = new long[size];
    }

    /** Writer thread only. */
    public void add(int index, long delta) {
        SLOT.setOpaque(values, index, values[index] + delta);
    }

    /** Writer thread only. */
    public void increment(int index) {
        add(index, 1);
    }

    /** Writer thread only. */
    public void set(int index, long value) {
        SLOT.setOpaque(values, index, value);
    }

    /** Any thread. */
    public long get(int index) {
        return (long) SLOT.getOpaque(values, index);
    }

    public int size() {
        return values.length;
    }
}
