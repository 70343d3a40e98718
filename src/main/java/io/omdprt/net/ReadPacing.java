package io.omdprt.net;

/**
 * How many datagrams a line's epoll reader takes from its socket per readiness event. A quiet line
 * (its last two datagrams read more than {@link #BUSY_GAP_NANOS} apart, as at the 100 datagrams a
 * second of a real OMD-C line) is read one datagram an event, without the recv that would only
 * have answered "empty" (EAGAIN): the socket is level-triggered, so a datagram left behind is
 * reported again on the loop's next turn. That halves the receive syscalls of a quiet line. A busy
 * line is drained, up to {@link #READS_PER_EVENT} an event, until its socket is empty; when a drain
 * finds a single datagram the line is quiet again.
 *
 * <p>The cost of the quiet mode is at the start of a burst on a quiet line: its second datagram is
 * read one loop turn later (and timestamped then) instead of at once; the rest of the burst is drained.
 * One instance per reader, on its event loop.
 */
final class ReadPacing {
    /**
     * Datagrams read per readiness event of a busy line before the loop serves its other sockets; what
     * is left is reported again at once.
     */
    static final int READS_PER_EVENT = 64;
    /** Two datagrams read closer together than this make a line busy. */
    static final long BUSY_GAP_NANOS = 1_000_000L;

    private boolean busy;
    private long previousRead = Long.MIN_VALUE;

    /** The most datagrams to read at this readiness event. */
    int limit() {
        return busy ? READS_PER_EVENT : 1;
    }

    /** A datagram was read at {@code now} (the clock the tracker got). */
    void read(long now) {
        if (!busy && previousRead != Long.MIN_VALUE && now - previousRead < BUSY_GAP_NANOS) {
            busy = true;
        }
        previousRead = now;
    }

    /** The socket said EAGAIN after {@code reads} datagrams at this event. */
    void drained(int reads) {
        if (reads <= 1) {
            busy = false;
        }
    }
}
