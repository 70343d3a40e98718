package io.omdprt.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * What the simulator published on each real-time channel, message by message, as the Retransmission
 * Server keeps it: the last {@link #KEPT} messages per channel (spec §4.3). Written by the simulator's
 * thread, read by the RTS server's.
 */
public final class Published {
    public static final int KEPT = 50_000;

    private final Map<String, Ring> channels = new HashMap<>();

    private static final class Ring {
        final long[] seqs = new long[KEPT];
        final byte[][] messages = new byte[KEPT][];
        long highest;

        Ring() {
            java.util.Arrays.fill(seqs, -1);
        }
    }

    private static String key(String feed, String channel) {
        return feed + "/" + channel;
    }

    /** Makes the channel known (its messages can be asked for), before it publishes anything. */
    public synchronized void channel(String feed, String channel) {
        channels.computeIfAbsent(key(feed, channel), k -> new Ring());
    }

    public synchronized boolean knows(String feed, String channel) {
        return channels.containsKey(key(feed, channel));
    }

    public synchronized void add(String feed, String channel, long seq, byte[] message) {
        Ring r = channels.computeIfAbsent(key(feed, channel), k -> new Ring());
        int i = (int) (seq % KEPT);
        r.seqs[i] = seq;
        r.messages[i] = message;
        r.highest = Math.max(r.highest, seq);
    }

    /** A new sequence space (reset): what was kept belongs to the old one. */
    synchronized void reset(String feed, String channel) {
        Ring r = channels.get(key(feed, channel));
        if (r != null) {
            java.util.Arrays.fill(r.seqs, -1);
            java.util.Arrays.fill(r.messages, null);
            r.highest = 0;
        }
    }

    /** The message of this sequence number, or null when it is not (or no longer) kept. */
    public synchronized byte[] get(String feed, String channel, long seq) {
        Ring r = channels.get(key(feed, channel));
        if (r == null || seq < 1) {
            return null;
        }
        int i = (int) (seq % KEPT);
        return r.seqs[i] == seq ? r.messages[i] : null;
    }

    /** The highest sequence number published on the channel (0 = none). */
    public synchronized long highest(String feed, String channel) {
        Ring r = channels.get(key(feed, channel));
        return r == null ? 0 : r.highest;
    }
}
