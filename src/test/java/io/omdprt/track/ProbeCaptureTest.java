package io.omdprt.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.protocol.MessageHash;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.protocol.Protocol;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The probe's capture on the receive path: exact hashes of the armed messages, and no allocation armed or not. */
class ProbeCaptureTest {
    private final ChannelTracker tracker = new ChannelTracker(new ChannelInfo("f", "11", Protocol.OMD_C),
            List.of(new LineInfo("A", "primary"), new LineInfo("B", "primary")),
            TrackerSettings.of(Duration.ofSeconds(5), Duration.ofMillis(250)), TrackerListener.NONE, 0);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1500]);
    private final PacketEncoder encoder = new PacketEncoder();

    /** A packet of {@code count} 32-byte messages from {@code seq}, each stamped with its number. @return its length */
    private int packet(long seq, int count) {
        encoder.begin(buffer, 0, seq, 0);
        for (int i = 0; i < count; i++) {
            int at = encoder.message(50, 32);
            buffer.putInt(at + 4, (int) (seq + i), ByteOrder.LITTLE_ENDIAN);
        }
        return encoder.finish();
    }

    private static long hashOf(long seq) {
        UnsafeBuffer m = new UnsafeBuffer(new byte[32]);
        m.putShort(0, (short) 32, ByteOrder.LITTLE_ENDIAN);
        m.putShort(2, (short) 50, ByteOrder.LITTLE_ENDIAN);
        m.putInt(4, (int) seq, ByteOrder.LITTLE_ENDIAN);
        return MessageHash.of(m, 0, 32);
    }

    @Test
    void armedMessagesAreHashedOnTheirFirstCopyWhateverTheFraming() {
        tracker.onDatagram(0, buffer, 0, packet(1, 4), 1, 1);
        ProbeCapture c = tracker.probeCapture();
        c.arm(5, 9);
        tracker.onDatagram(0, buffer, 0, packet(5, 2), 2, 2);   // 5, 6 on A
        tracker.onDatagram(1, buffer, 0, packet(5, 3), 3, 3);   // 5..7 on B: 7 is new
        tracker.onDatagram(0, buffer, 0, packet(7, 5), 4, 4);   // 7..11 on A: 8, 9 armed, 10, 11 not
        assertEquals(5, c.captured());
        assertEquals(5, c.firstRun(5));
        assertEquals(5, c.firstRun(3));
        for (long s = 5; s <= 9; s++) {
            assertEquals(hashOf(s), c.hash(s), "message " + s);
        }
        assertNull(c.hash(4));
        assertNull(c.hash(10));
    }

    @Test
    void theReceivePathAllocatesNothingArmedOrNot() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long seq = 1;
        for (int i = 0; i < 100_000; i++, seq += 4) {
            tracker.onDatagram(i & 1, buffer, 0, packet(seq, 4), seq, seq);
            tracker.onDatagram((i + 1) & 1, buffer, 0, packet(seq, 4), seq, seq);
        }
        for (boolean armed : new boolean[] {false, true}) {
            if (armed) {
                tracker.probeCapture().arm(seq + 400, seq + 400 + ProbeCapture.CAPACITY - 1);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200_000; i++, seq += 4) {
                int n = packet(seq, 4);
                tracker.onDatagram(0, buffer, 0, n, seq, seq);
                tracker.onDatagram(1, buffer, 0, n, seq, seq);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 1_024, allocated + " bytes allocated by 400,000 datagrams, capture armed: " + armed);
        }
        assertEquals(ProbeCapture.CAPACITY, tracker.probeCapture().captured());
    }
}
