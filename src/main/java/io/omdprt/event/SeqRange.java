package io.omdprt.event;

/** Sequence numbers from first to last, both included. */
public record SeqRange(long first, long last) {
    public long messages() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
