package io.omdprt.analyze;

import io.omdprt.config.LineConfig;
import io.omdprt.model.ChannelSet;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.pcap.Ipv4;
import org.agrona.collections.Long2LongHashMap;

/**
 * Which configured line a datagram belongs to, by its destination group and port (the config makes
 * every group:port unique). The answer is a slot: the channel's index in the {@link ChannelSet} and
 * the line's index in the channel. Lookups neither allocate nor box.
 */
public final class LineMap {
    public static final int UNKNOWN = -1;
    private static final int LINE_BITS = 8;

    private final Long2LongHashMap slots = new Long2LongHashMap(UNKNOWN);

    public LineMap(ChannelSet channels) {
        int channel = 0;
        for (MonitoredChannel c : channels.channels()) {
            for (int line = 0; line < c.config().lines().size(); line++) {
                LineConfig l = c.line(line);
                slots.put(Destinations.key(Ipv4.toInt(l.group()), l.port()), (long) channel << LINE_BITS | line);
            }
            channel++;
        }
    }

    /** @return the slot of the line with this destination, or {@link #UNKNOWN} */
    public int find(int group, int port) {
        return (int) slots.get(Destinations.key(group, port));
    }

    public static int channelOf(int slot) {
        return slot >>> LINE_BITS;
    }

    public static int lineOf(int slot) {
        return slot & (1 << LINE_BITS) - 1;
    }
}
