package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.omdprt.config.FreshEndpoints;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.model.ChannelSet;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.TestConfigs;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.LineCounter;
import io.omdprt.track.TrackerListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.omdprt.time.MonitorClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lines A and B of a channel on one port, different groups, and a third group C on the same port that
 * another socket of this host has joined (so its datagrams do arrive on that port): A counts exactly
 * what was sent to A, B what was sent to B, and nothing sent to C reaches either.
 */
class SharedPortReceiverTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int TO_C = 20;
    private static final int TO_B = 25;
    private static final int TO_A = 30;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1500]);
    private final PacketEncoder encoder = new PacketEncoder();

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "nio"})
    void eachLineCountsOnlyWhatWasSentToItsGroup(String transport) throws Exception {
        assumeTrue(!transport.equals("epoll") || Epoll.isAvailable(), "skipped: no epoll here");
        MonitorConfig config = TestConfigs.twoLines("receiver: { transport: " + transport + " }\n");
        List<LineConfig> lines = config.feeds().get(0).channels().get(0).lines();
        InetSocketAddress a = lines.get(0).groupAddress();
        InetSocketAddress b = lines.get(1).groupAddress();
        Set<String> used = new HashSet<>(Set.of(a.getAddress().getHostAddress(), b.getAddress().getHostAddress()));
        InetSocketAddress c = new InetSocketAddress(InetAddress.getByName(FreshEndpoints.uniqueGroup(used)), a.getPort());
        assertEquals(a.getPort(), b.getPort(), "the test config puts both lines on one port");

        MonitorClock clock = MonitorClock.system();
        ChannelSet channels = ChannelSet.create(config, TrackerListener.NONE, clock.epochNanos());
        ChannelTracker tracker = channels.channels().get(0).tracker();
        try (Receiver receiver = Receiver.start(config, channels, clock); MulticastSocket groupC = joined(c);
             MulticastSender sender = MulticastSender.loopback()) {
            assertEquals(transport, receiver.transportName());
            // Each datagram to C goes out before one to A and one to B: had a line's socket got C's
            // datagrams, they would be queued ahead of the line's own and counted by the time its own are.
            for (int i = 1; i <= TO_A; i++) {
                if (i <= TO_C) {
                    send(sender, c, 1_000 + i);
                }
                send(sender, a, i);
                if (i <= TO_B) {
                    send(sender, b, i);
                }
            }
            Eventually.await(WAIT, () -> {
                long onA = tracker.line(0).get(LineCounter.PACKETS);
                long onB = tracker.line(1).get(LineCounter.PACKETS);
                return onA >= TO_A && onB >= TO_B ? null : "A " + onA + ", B " + onB;
            });
            for (int i = 0; i < TO_C; i++) {
                groupC.receive(new java.net.DatagramPacket(new byte[1500], 1500)); // every datagram to C did arrive on this port
            }
            assertEquals(TO_A, tracker.line(0).get(LineCounter.PACKETS), "line A");
            assertEquals(TO_B, tracker.line(1).get(LineCounter.PACKETS), "line B");
        }
    }

    private void send(MulticastSender sender, InetSocketAddress group, long seq) throws Exception {
        encoder.begin(buffer, 0, seq, System.currentTimeMillis() * 1_000_000L);
        encoder.message(50, 32);
        sender.send(buffer.byteArray(), encoder.finish(), group);
    }

    /** The ground truth for C: a plain socket bound to C and joined on loopback. */
    private static MulticastSocket joined(InetSocketAddress group) throws Exception {
        MulticastSocket s = new MulticastSocket(group);
        s.joinGroup(group, NetworkInterface.getByInetAddress(InetAddress.getByName(MulticastSender.LOOPBACK)));
        s.setSoTimeout((int) WAIT.toMillis());
        return s;
    }
}
