package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.testing.Eventually;
import io.omdprt.track.LineCounter;
import io.omdprt.track.LineTracker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The epoll reader takes one datagram an event from a quiet line and relies on the socket being
 * level-triggered for the rest ({@link ReadPacing}): a burst on a quiet line, datagrams spaced wider
 * than the busy gap, and a burst again must all be tracked, once each and in order.
 */
class QuietLineReadTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int BURST = 100;
    private static final int SPACED = 20;

    @Test
    void burstsAndSpacedDatagramsOnAQuietLineAreAllRead() throws Exception {
        assumeTrue(Epoll.isAvailable(), "skipped: no epoll here");
        TwoLineSetup setup = TwoLineSetup.of("epoll");
        InetSocketAddress a = setup.group(0);
        LineTracker lineA = setup.tracker().line(0);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        PacketEncoder encoder = new PacketEncoder(256);
        long seq = 1;
        try (Receiver receiver = setup.start(); MulticastSender sender = MulticastSender.loopback()) {
            for (int i = 0; i < BURST; i++) { // a fresh line is quiet: the burst starts in one-a-read mode
                seq = send(sender, encoder, buffer, a, seq);
            }
            awaitPackets(lineA, BURST);
            for (int i = 0; i < SPACED; i++) { // quiet again: each datagram is read at its own event
                LockSupport.parkNanos(2 * ReadPacing.BUSY_GAP_NANOS);
                seq = send(sender, encoder, buffer, a, seq);
                awaitPackets(lineA, BURST + i + 1);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            for (int i = 0; i < BURST; i++) {
                seq = send(sender, encoder, buffer, a, seq);
            }
            awaitPackets(lineA, 2 * BURST + SPACED);
        }
        int total = 2 * BURST + SPACED;
        assertEquals(total, lineA.get(LineCounter.PACKETS));
        assertEquals(total, lineA.get(LineCounter.MESSAGES));
        assertEquals(0, lineA.get(LineCounter.GAPS), "read in order, none left behind");
        assertEquals(0, lineA.get(LineCounter.DUPLICATE_MESSAGES));
        assertEquals(0, lineA.get(LineCounter.OUT_OF_ORDER_PACKETS));
    }

    private static long send(MulticastSender sender, PacketEncoder encoder, UnsafeBuffer buffer, InetSocketAddress to, long seq)
            throws IOException {
        encoder.begin(buffer, 0, seq, System.currentTimeMillis() * 1_000_000L);
        encoder.message(50, 32);
        sender.send(buffer.byteArray(), encoder.finish(), to);
        return seq + 1;
    }

    private static void awaitPackets(LineTracker line, long n) throws Exception {
        Eventually.await(WAIT, () -> line.get(LineCounter.PACKETS) >= n ? null : "packets " + line.get(LineCounter.PACKETS) + " of " + n);
    }
}
