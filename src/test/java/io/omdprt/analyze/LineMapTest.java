package io.omdprt.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ConfigLoader;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.model.ChannelSet;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.pcap.Ipv4;
import io.omdprt.track.TrackerListener;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Destination group and port to channel and line. */
class LineMapTest {
    private final ChannelSet channels;
    private final LineMap map;

    LineMapTest() throws Exception {
        MonitorConfig config = new ConfigLoader().load(Path.of("config/demo.yaml"));
        channels = ChannelSet.create(config, TrackerListener.NONE, 0);
        map = new LineMap(channels);
    }

    @Test
    void everyConfiguredLineMapsToItsChannelAndLine() {
        int lines = 0;
        for (int c = 0; c < channels.channels().size(); c++) {
            MonitoredChannel channel = channels.channels().get(c);
            for (int l = 0; l < channel.config().lines().size(); l++) {
                LineConfig line = channel.line(l);
                int slot = map.find(Ipv4.toInt(line.group()), line.port());
                assertEquals(c, LineMap.channelOf(slot), channel + " " + line.name());
                assertEquals(l, LineMap.lineOf(slot), channel + " " + line.name());
                lines++;
            }
        }
        assertEquals(12, lines);
    }

    @Test
    void groupAndPortMustBothMatch() {
        LineConfig a = channels.channels().get(0).line(0);
        LineConfig other = channels.channels().get(1).line(0);
        int group = Ipv4.toInt(a.group());
        assertEquals(LineMap.UNKNOWN, map.find(group, other.port()), "the group of one line with the port of another");
        assertEquals(LineMap.UNKNOWN, map.find(Ipv4.toInt(other.group()), a.port()), "the port of one line with the group of another");
        assertEquals(LineMap.UNKNOWN, map.find(group + 1, a.port()));
        assertEquals(LineMap.UNKNOWN, map.find(group, a.port() + 1));
        assertEquals(LineMap.UNKNOWN, map.find(0xFFFF_FFFF, 65_535), "the highest address and port");
    }

    @Test
    void lookupsDoNotAllocate() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LineConfig line = channels.channels().get(2).line(1);
        int group = Ipv4.toInt(line.group());
        long hits = 0;
        for (int warm = 0; warm < 100_000; warm++) {
            hits += map.find(group + (warm & 1), line.port()) >>> 31;
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000_000; i++) {
            hits += map.find(group + (i & 1), line.port()) >>> 31;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(550_000, hits, "every other lookup misses");
        assertTrue(allocated < 1_024, allocated + " bytes allocated by a million lookups");
    }
}
