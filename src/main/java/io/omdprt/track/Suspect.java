package io.omdprt.track;

/**
 * Packets of one line held back because their sequence numbers do not fit the line's sequence space:
 * too far beyond anything the channel could have reached, or far below what the line already
 * delivered. They stay held until the lines show what they were: strays, or the first packets of a
 * sequence that jumped or restarted without a Sequence Reset. Preallocated, so holding allocates nothing.
 */
final class Suspect {
    static final int CAPACITY = 64;

    /** A data packet's SeqNum, or a heartbeat's (the last message sent). */
    private final long[] seqs = new long[CAPACITY];
    /** MsgCount; 0 for a heartbeat. */
    private final int[] counts = new int[CAPACITY];
    private final long[] times = new long[CAPACITY];
    private int size;
    /** The lowest sequence number the held packets start at, and one past the highest they reach. */
    private long low;
    private long next;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == CAPACITY;
    }

    long seq(int i) {
        return seqs[i];
    }

    int count(int i) {
        return counts[i];
    }

    long time(int i) {
        return times[i];
    }

    long firstAt() {
        return times[0];
    }

    long low() {
        return low;
    }

    /** The caller keeps room (see {@link #isFull()}). */
    void add(long seq, int count, long now) {
        long from = start(seq, count);
        long end = end(seq, count);
        if (size == 0 || from < low) {
            low = from;
        }
        if (size == 0 || end > next) {
            next = end;
        }
        seqs[size] = seq;
        counts[size] = count;
        times[size] = now;
        size++;
    }

    /** Whether a packet starting at {@code from} lies within {@code distance} of the held sequence. */
    boolean near(long from, long distance) {
        return size > 0 && from >= low - distance && from <= next + distance;
    }

    void clear() {
        size = 0;
    }

    /** The first sequence number a packet speaks for: a heartbeat's is the one after the last it says was sent. */
    static long start(long seq, int count) {
        return count == 0 ? seq + 1 : seq;
    }

    /** One past the last sequence number a packet speaks for. */
    static long end(long seq, int count) {
        return count == 0 ? seq + 1 : seq + count;
    }
}
