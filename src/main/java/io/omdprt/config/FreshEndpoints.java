package io.omdprt.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The same feeds, channels and lines on groups and ports of their own: a random organisation-local group
 * (239.255.0.0/16) per line and a free UDP port per channel. The demo uses it on every run, and the tests, so that
 * two demos (or a demo and a test) on one host never hear each other's traffic.
 */
public final class FreshEndpoints {
    private FreshEndpoints() {
    }

    /** The config with every line moved to a fresh group (unique in the config) and each channel to a free port. */
    public static MonitorConfig of(MonitorConfig base) {
        List<FeedConfig> feeds = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (FeedConfig f : base.feeds()) {
            List<ChannelConfig> channels = new ArrayList<>();
            for (ChannelConfig c : f.channels()) {
                int port = freeUdpPort();
                List<LineConfig> lines = new ArrayList<>();
                for (LineConfig l : c.lines()) {
                    lines.add(new LineConfig(l.name(), l.site(), ConfigLoader.parseIpv4Literal(uniqueGroup(used)), port, l.source(),
                            l.interfaceName()));
                }
                channels.add(new ChannelConfig(c.feed(), c.id(), c.kind(), lines));
            }
            feeds.add(new FeedConfig(f.name(), f.protocol(), channels));
        }
        return base.withFeeds(feeds);
    }

    /** A free UDP port of the loopback interface (bound, then released). */
    public static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free UDP port on loopback", e);
        }
    }

    /** A random group in 239.255.0.0/16 (organisation-local scope), never .0 or .255 in the last two bytes. */
    public static String randomGroup() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "239.255." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
    }

    /** A random group not yet in {@code used}, which it is added to. */
    public static String uniqueGroup(Set<String> used) {
        String group = randomGroup();
        while (!used.add(group)) {
            group = randomGroup();
        }
        return group;
    }
}
