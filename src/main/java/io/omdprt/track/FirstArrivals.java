package io.omdprt.track;

/**
 * When, and on which line, recent message ranges first arrived: one entry per packet that brought
 * new messages, so A/B skew can be measured per message without a write per message. Entries are
 * appended in increasing sequence order, which makes lookup a binary search.
 */
final class FirstArrivals {
    private static final int CAPACITY = 1024;
    private static final int MASK = CAPACITY - 1;
    private static final int RECENT_PROBES = 8;

    private final long[] from = new long[CAPACITY];
    private final long[] to = new long[CAPACITY];
    private final long[] time = new long[CAPACITY];
    private final int[] line = new int[CAPACITY];
    /** Entries ever appended; the newest is at (count - 1) & MASK. */
    private long count;

    void clear() {
        count = 0;
    }

    /** Messages from..to were first delivered by lineIndex at timeNanos; from is above every range held. */
    void add(long fromSeq, long toSeq, int lineIndex, long timeNanos) {
        int slot = (int) (count & MASK);
        from[slot] = fromSeq;
        to[slot] = toSeq;
        time[slot] = timeNanos;
        line[slot] = lineIndex;
        count++;
    }

    /**
     * @return the first arrival time of seq if another line than lineIndex delivered it first and it is
     *         still held, otherwise -1
     */
    long firstArrivalOnOtherLine(long seq, int lineIndex) {
        long oldest = Math.max(0, count - CAPACITY);
        long newest = count - 1;
        // The other line is usually only a few packets behind: look at the newest entries first.
        long probeEnd = Math.max(oldest, newest - RECENT_PROBES + 1);
        for (long i = newest; i >= probeEnd; i--) {
            int slot = (int) (i & MASK);
            if (from[slot] <= seq) {
                return found(slot, seq, lineIndex);
            }
        }
        long lo = oldest;
        long hi = probeEnd - 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            int slot = (int) (mid & MASK);
            if (from[slot] > seq) {
                hi = mid - 1;
            } else if (to[slot] < seq) {
                lo = mid + 1;
            } else {
                return found(slot, seq, lineIndex);
            }
        }
        return -1;
    }

    private long found(int slot, long seq, int lineIndex) {
        return to[slot] >= seq && line[slot] != lineIndex ? time[slot] : -1;
    }
}
