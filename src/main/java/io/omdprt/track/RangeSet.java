package io.omdprt.track;

/**
 * A bounded, ordered set of disjoint inclusive ranges of sequence numbers, each with a tag (a time).
 * Holes are opened in sequence order, so ranges are appended at the end and the first range is both
 * the lowest and the oldest. No allocation after construction.
 */
final class RangeSet {
    private final long[] starts;
    private final long[] ends;
    private final long[] tags;
    private int size;

    RangeSet(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2");
        }
        starts = new long[capacity];
        ends = new long[capacity];
        tags = new long[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** True when one more range (from an append or a split) would not fit. */
    boolean isFull() {
        return size >= starts.length - 1;
    }

    long start(int i) {
        return starts[i];
    }

    long end(int i) {
        return ends[i];
    }

    long tag(int i) {
        return tags[i];
    }

    long count(int i) {
        return ends[i] - starts[i] + 1;
    }

    /** Appends a range above every range held. The caller keeps room (see {@link #isFull()}). */
    void append(long start, long end, long tag) {
        if (size > 0 && start <= ends[size - 1]) {
            throw new IllegalStateException("ranges must be appended in order");
        }
        starts[size] = start;
        ends[size] = end;
        tags[size] = tag;
        size++;
    }

    /** Appends a range above every range held, forgetting the oldest when one more would not fit. */
    void appendForgettingOldest(long start, long end, long tag) {
        if (isFull()) {
            removeFirst();
        }
        append(start, end, tag);
    }

    void removeFirst() {
        remove(0);
    }

    void clear() {
        size = 0;
    }

    /**
     * Removes the part of every range that lies in [from, to], splitting a range when the removed part
     * is inside it. The caller keeps room for one split (see {@link #isFull()}).
     *
     * @return how many sequence numbers were removed
     */
    long removeOverlap(long from, long to) {
        long removed = 0;
        for (int i = size - 1; i >= 0; i--) {
            long s = starts[i];
            long e = ends[i];
            if (e < from) {
                break;
            }
            if (s > to) {
                continue;
            }
            long cutFrom = Math.max(s, from);
            long cutTo = Math.min(e, to);
            removed += cutTo - cutFrom + 1;
            boolean keepLow = s < cutFrom;
            boolean keepHigh = e > cutTo;
            if (keepLow && keepHigh) {
                insertAt(i + 1, cutTo + 1, e, tags[i]);
                ends[i] = cutFrom - 1;
            } else if (keepLow) {
                ends[i] = cutFrom - 1;
            } else if (keepHigh) {
                starts[i] = cutTo + 1;
            } else {
                remove(i);
            }
        }
        return removed;
    }

    /** Whether any range holds a sequence number in [from, to]. */
    boolean overlaps(long from, long to) {
        for (int i = size - 1; i >= 0; i--) {
            if (ends[i] < from) {
                return false;
            }
            if (starts[i] <= to) {
                return true;
            }
        }
        return false;
    }

    /** Total sequence numbers held. */
    long total() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += ends[i] - starts[i] + 1;
        }
        return sum;
    }

    private void insertAt(int index, long start, long end, long tag) {
        System.arraycopy(starts, index, starts, index + 1, size - index);
        System.arraycopy(ends, index, ends, index + 1, size - index);
        System.arraycopy(tags, index, tags, index + 1, size - index);
        starts[index] = start;
        ends[index] = end;
        tags[index] = tag;
        size++;
    }

    private void remove(int index) {
        int tail = size - index - 1;
        System.arraycopy(starts, index + 1, starts, index, tail);
        System.arraycopy(ends, index + 1, ends, index, tail);
        System.arraycopy(tags, index + 1, tags, index, tail);
        size--;
    }
}
