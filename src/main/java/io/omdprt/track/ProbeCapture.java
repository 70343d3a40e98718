package io.omdprt.track;

import io.omdprt.protocol.MessageCursor;
import io.omdprt.protocol.MessageHash;
import io.omdprt.protocol.OmdPacket;
import java.util.Arrays;

/**
 * The few multicast messages an RTS probe will ask for again, remembered as hashes of their bytes.
 * The probe (another thread) arms a range of sequence numbers not yet received; the channel's thread
 * hashes those messages as their first copy arrives, on any line. Unarmed, the receive path pays one
 * volatile read per data packet; armed, a hash of a handful of messages. Allocation-free on the
 * receive path.
 */
public final class ProbeCapture {
    /** The most messages one probe may capture. */
    public static final int CAPACITY = 100;
    private static final long NONE = -1;

    private final long[] hashes = new long[CAPACITY];
    private final boolean[] seen = new boolean[CAPACITY];
    private long first = NONE;
    /** Last armed sequence number; NONE when disarmed. Written by the probe, read by the channel's thread. */
    private volatile long last = NONE;
    private volatile int captured;

    /**
     * Arms the capture of messages {@code from..to} (at most {@link #CAPACITY}). Call from the probe's
     * thread; the previous capture is forgotten.
     */
    public synchronized void arm(long from, long to) {
        if (to < from || to - from + 1 > CAPACITY) {
            throw new IllegalArgumentException("capture " + from + ".." + to);
        }
        last = NONE;
        Arrays.fill(seen, false);
        captured = 0;
        first = from;
        last = to; // volatile write publishes first and the cleared arrays
    }

    public void disarm() {
        last = NONE;
    }

    /** How many of the armed messages have arrived. Any thread. */
    public int captured() {
        return captured;
    }

    /** The first sequence number from which {@code k} consecutive armed messages have arrived, or -1. Any thread. */
    public synchronized long firstRun(int k) {
        if (captured < k || first == NONE) {
            return -1;
        }
        int run = 0;
        for (int i = 0; i < CAPACITY; i++) {
            run = seen[i] ? run + 1 : 0;
            if (run == k) {
                return first + i - k + 1;
            }
        }
        return -1;
    }

    /** The hash of an armed message that arrived, or null. Any thread, after {@link #captured()} says so. */
    public synchronized Long hash(long seq) {
        int i = (int) (seq - first);
        int n = captured; // volatile read: the channel thread's writes before it are visible
        return n > 0 && first != NONE && i >= 0 && i < CAPACITY && seen[i] ? hashes[i] : null;
    }

    /** The channel's thread, per accepted data packet whose messages are numbered from {@code seq}. */
    void offer(OmdPacket packet, long seq, int count) {
        long to = last;
        if (to == NONE || seq > to || seq + count <= first) {
            return;
        }
        MessageCursor m = packet.messages();
        int added = 0;
        while (m.next()) {
            int i = (int) (seq + m.index() - first);
            if (i >= 0 && seq + m.index() <= to && !seen[i]) {
                hashes[i] = MessageHash.of(m.buffer(), m.offset(), m.size());
                seen[i] = true;
                added++;
            }
        }
        if (added > 0) {
            captured = captured + added; // only this thread writes it
        }
    }
}
