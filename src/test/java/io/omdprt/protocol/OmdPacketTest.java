package io.omdprt.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Hand-built vectors from the spec's tables (§3.3, §3.4), decoded by the flyweight. */
class OmdPacketTest {
    private final OmdPacket packet = new OmdPacket();

    /** Builds bytes the way the spec lays them out, independently of {@link PacketEncoder}. */
    private static ByteBuffer header(int pktSize, int msgCount, long seqNum, long sendTime) {
        ByteBuffer b = ByteBuffer.allocate(pktSize).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) pktSize).put((byte) msgCount).put((byte) 0).putInt((int) seqNum).putLong(sendTime);
        return b;
    }

    private OmdPacket wrap(ByteBuffer b) {
        byte[] bytes = b.array();
        return packet.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    @Test
    void heartbeatIsABareHeaderCarryingTheLastSequenceNumber() {
        long sendTime = 1_704_502_800_123_000_000L; // 2024-01-06 01:00:00.123 UTC = 09:00:00.123 HKT
        OmdPacket p = wrap(header(16, 0, 4_711, sendTime));
        assertEquals(Malformed.NONE, p.validate());
        assertEquals(0, p.msgCount(), "a heartbeat has no messages");
        assertEquals(16, p.pktSize());
        assertEquals(4_711, p.seqNum());
        assertEquals(sendTime, p.sendTime());
        assertFalse(p.messages().next());
    }

    @Test
    void sequenceResetCarriesNewSeqNo() {
        ByteBuffer b = header(24, 1, 1, 0);
        b.putShort((short) 8).putShort((short) 100).putInt(1);
        OmdPacket p = wrap(b);
        assertEquals(Malformed.NONE, p.validate());
        MessageCursor m = p.messages();
        assertTrue(m.next());
        assertEquals(MessageTypes.SEQUENCE_RESET, m.type());
        assertEquals(8, m.size());
        assertEquals(1, ControlMessages.newSeqNo(m.buffer(), m.offset()));
        assertFalse(m.next());
    }

    @Test
    void drSignalWithEachStatus() {
        for (int status : new int[] {ControlMessages.DR_IN_PROGRESS, ControlMessages.DR_COMPLETED}) {
            ByteBuffer b = header(24, 1, 77, 0);
            b.putShort((short) 8).putShort((short) 105).putInt(status);
            OmdPacket p = wrap(b);
            assertEquals(Malformed.NONE, p.validate());
            MessageCursor m = p.messages();
            assertTrue(m.next());
            assertEquals(MessageTypes.DISASTER_RECOVERY_SIGNAL, m.type());
            assertEquals(status, ControlMessages.drStatus(m.buffer(), m.offset()));
        }
    }

    @Test
    void multiMessagePacketIsWalkedInOrder() {
        // Add Order (30, 32 bytes), Trade (50, 32), Aggregate Order Book Update with 2 entries (53, 12 + 2*24), Refresh Complete (203, 8)
        int size = 16 + 32 + 32 + 60 + 8;
        ByteBuffer b = header(size, 4, 1_000, 0);
        b.putShort((short) 32).putShort((short) 30).put(new byte[28]);
        b.putShort((short) 32).putShort((short) 50).put(new byte[28]);
        b.putShort((short) 60).putShort((short) 53).put(new byte[56]);
        b.putShort((short) 8).putShort((short) 203).putInt(999);
        OmdPacket p = wrap(b);
        assertEquals(Malformed.NONE, p.validate());
        List<Integer> types = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        MessageCursor m = p.messages();
        int lastIndex = -1;
        while (m.next()) {
            types.add(m.type());
            sizes.add(m.size());
            lastIndex = m.index();
        }
        assertEquals(List.of(30, 50, 53, 203), types);
        assertEquals(List.of(32, 32, 60, 8), sizes);
        assertEquals(3, lastIndex);
        assertTrue(MessageTypes.OMD_C.lookup(53).sizeMatches(60));
        assertEquals(999, ControlMessages.lastSeqNum(m.buffer(), m.offset()));
    }

    @Test
    void spamFramingExampleOfSection41() {
        long[][] framing = {{1, 4}, {5, 2}, {7, 1}, {8, 3}, {11, 1}};
        long expected = 1;
        for (long[] f : framing) {
            ByteBuffer b = header(16 + 12 * (int) f[1], (int) f[1], f[0], 0);
            for (int i = 0; i < f[1]; i++) {
                b.putShort((short) 12).putShort((short) 40).putInt(0).putInt(0); // Nominal Price, 12 bytes
            }
            OmdPacket p = wrap(b);
            assertEquals(Malformed.NONE, p.validate());
            assertEquals(expected, p.seqNum(), "SeqNum is the first message's number");
            assertEquals(f[1], p.msgCount());
            expected = p.seqNum() + p.msgCount();
        }
        assertEquals(12, expected);
    }

    @Test
    void sequenceNumbersAboveTwoToThe31AreUnsigned() {
        OmdPacket p = wrap(header(16, 0, 0xFFFF_FFFEL, 0));
        assertEquals(4_294_967_294L, p.seqNum());
    }

    @Test
    void unknownTypesAndSizeMismatchesAreCountedPerPacket() {
        // Add Order (30) of its size, Add Order too long, unknown 999, Trade (50) too short, unknown 4000 (beyond the table)
        int size = 16 + 32 + 36 + 8 + 28 + 12;
        ByteBuffer b = header(size, 5, 1, 0);
        b.putShort((short) 32).putShort((short) 30).put(new byte[28]);
        b.putShort((short) 36).putShort((short) 30).put(new byte[32]);
        b.putShort((short) 8).putShort((short) 999).put(new byte[4]);
        b.putShort((short) 28).putShort((short) 50).put(new byte[24]);
        b.putShort((short) 12).putShort((short) 4000).put(new byte[8]);
        OmdPacket p = wrap(b);
        assertEquals(Malformed.NONE, p.validate(MessageTypes.OMD_C));
        assertEquals(2, p.unknownTypes());
        assertEquals(2, p.sizeMismatches());
    }

    @Test
    void countsStayApartWhenEveryOneOf255MessagesIsUnknownOrMismatched() {
        for (int type : new int[] {999, 30}) {
            ByteBuffer b = header(16 + 255 * 4, 255, 1, 0);
            for (int i = 0; i < 255; i++) {
                b.putShort((short) 4).putShort((short) type); // 4 bytes: unknown type 999, or an Add Order far too short
            }
            OmdPacket p = wrap(b);
            assertEquals(Malformed.NONE, p.validate(MessageTypes.OMD_C));
            assertEquals(type == 999 ? 255 : 0, p.unknownTypes(), "type " + type);
            assertEquals(type == 999 ? 0 : 255, p.sizeMismatches(), "type " + type);
        }
    }

    @Test
    void validatesInPlaceInOffHeapMemory() {
        ByteBuffer b = header(16 + 32 + 36, 2, 1, 0);
        b.putShort((short) 32).putShort((short) 30).put(new byte[28]);
        b.putShort((short) 36).putShort((short) 30).put(new byte[32]);
        ByteBuffer direct = ByteBuffer.allocateDirect(128);
        direct.position(7);
        direct.put(b.array());
        OmdPacket p = packet.wrap(new UnsafeBuffer(direct), 7, 84);
        assertEquals(Malformed.NONE, p.validate(MessageTypes.OMD_C));
        assertEquals(1, p.sizeMismatches());
        assertEquals(Malformed.SIZE_MISMATCH, packet.wrap(new UnsafeBuffer(direct), 7, 90).validate(MessageTypes.OMD_C));
    }
}
