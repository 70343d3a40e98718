package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.omdprt.protocol.Malformed;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.testing.Eventually;
import io.omdprt.track.LineCounter;
import io.omdprt.track.LineTracker;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What both transports make of the datagrams at the edges of the receive buffer: an empty one is a
 * packet too short to be one, one longer than the largest kept arrives cut to it (its PktSize then
 * disagrees), and the line reads on.
 */
class DatagramEdgesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "nio"})
    void emptyAndOversizedDatagramsAreCountedMalformedAndReadingGoesOn(String transport) throws Exception {
        assumeTrue(!transport.equals("epoll") || Epoll.isAvailable(), "skipped: no epoll here");
        TwoLineSetup setup = TwoLineSetup.of(transport);
        InetSocketAddress a = setup.group(0);
        LineTracker lineA = setup.tracker().line(0);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        PacketEncoder encoder = new PacketEncoder(4096);
        try (Receiver receiver = setup.start(); MulticastSender sender = MulticastSender.loopback()) {
            sender.send(new byte[0], 0, a);
            encoder.begin(buffer, 0, 1, System.currentTimeMillis() * 1_000_000L);
            while (encoder.messageCount() < 90) {
                encoder.message(50, 32);
            }
            int oversized = encoder.finish();
            assertEquals(16 + 90 * 32, oversized);
            sender.send(buffer.byteArray(), oversized, a);
            encoder.begin(buffer, 0, 1, System.currentTimeMillis() * 1_000_000L);
            encoder.message(50, 32);
            sender.send(buffer.byteArray(), encoder.finish(), a);
            Eventually.await(WAIT, () -> lineA.get(LineCounter.PACKETS) >= 3 ? null : "packets " + lineA.get(LineCounter.PACKETS));
            assertEquals(3, lineA.get(LineCounter.PACKETS));
            assertEquals(1, lineA.malformed(Malformed.TOO_SHORT), "the empty datagram");
            assertEquals(1, lineA.malformed(Malformed.SIZE_MISMATCH), "the datagram cut to " + Receiver.MAX_DATAGRAM + " bytes");
            assertEquals(1, lineA.get(LineCounter.MESSAGES), "the good packet after them");
            assertEquals(Receiver.MAX_DATAGRAM + 16 + 32, lineA.get(LineCounter.BYTES), "bytes as received");
        }
    }
}
