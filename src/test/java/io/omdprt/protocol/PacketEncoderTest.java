package io.omdprt.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The encoder writes what the decoder reads, byte for byte as the spec lays it out. */
class PacketEncoderTest {
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);
    private final PacketEncoder encoder = new PacketEncoder();
    private final OmdPacket packet = new OmdPacket();

    @Test
    void heartbeatBytesMatchTheSpecLayout() {
        int length = encoder.heartbeat(buffer, 0, 42, 1_000_000L);
        byte[] expected = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 16).put((byte) 0).put((byte) 0).putInt(42).putLong(1_000_000L).array();
        byte[] actual = new byte[length];
        buffer.getBytes(0, actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void everyControlMessageRoundTrips() {
        int length = encoder.begin(buffer, 100, 9, 123_456L)
                .sequenceReset(1)
                .drSignal(ControlMessages.DR_COMPLETED)
                .refreshComplete(0xFFFF_FFF0L)
                .logon("vendor01")
                .logonResponse(ControlMessages.LOGON_ALREADY_CONNECTED)
                .retransmissionRequest(31, 1_000, 1_999)
                .retransmissionResponse(31, ControlMessages.RETRANS_RANGE_TOO_LARGE, 1_000, 20_999)
                .finish();
        assertEquals(16 + 8 + 8 + 8 + 16 + 8 + 16 + 16, length);
        packet.wrap(buffer, 100, length);
        assertEquals(Malformed.NONE, packet.validate());
        assertEquals(7, packet.msgCount());
        assertEquals(9, packet.seqNum());
        assertEquals(123_456L, packet.sendTime());
        MessageCursor m = packet.messages();
        assertTrue(m.next());
        assertEquals(1, ControlMessages.newSeqNo(buffer, m.offset()));
        assertTrue(m.next());
        assertEquals(ControlMessages.DR_COMPLETED, ControlMessages.drStatus(buffer, m.offset()));
        assertTrue(m.next());
        assertEquals(0xFFFF_FFF0L, ControlMessages.lastSeqNum(buffer, m.offset()));
        assertTrue(m.next());
        assertEquals(MessageTypes.LOGON, m.type());
        assertEquals("vendor01", ControlMessages.username(buffer, m.offset()));
        assertTrue(m.next());
        assertEquals(ControlMessages.LOGON_ALREADY_CONNECTED, ControlMessages.sessionStatus(buffer, m.offset()));
        assertTrue(m.next());
        assertEquals(MessageTypes.RETRANSMISSION_REQUEST, m.type());
        assertEquals(31, ControlMessages.retransChannelId(buffer, m.offset()));
        assertEquals(1_000, ControlMessages.beginSeqNum(buffer, m.offset()));
        assertEquals(1_999, ControlMessages.endSeqNum(buffer, m.offset()));
        assertTrue(m.next());
        assertEquals(MessageTypes.RETRANSMISSION_RESPONSE, m.type());
        assertEquals(ControlMessages.RETRANS_RANGE_TOO_LARGE, ControlMessages.retransStatus(buffer, m.offset()));
        assertEquals(20_999, ControlMessages.endSeqNum(buffer, m.offset()));
        assertFalse(m.next());
    }

    @Test
    void dataMessagesRoundTripWithTheirSizes() {
        encoder.begin(buffer, 0, 4_294_967_000L, 0);
        for (MessageType t : MessageTypes.OMD_C.all()) {
            int size = t.fixedSize() == MessageType.VARIABLE ? 100 : t.fixedSize() + 2 * t.entrySize();
            if (encoder.fits(size)) {
                encoder.message(t.type(), size);
            }
        }
        int length = encoder.finish();
        packet.wrap(buffer, 0, length);
        assertEquals(Malformed.NONE, packet.validate());
        assertEquals(4_294_967_000L, packet.seqNum());
        MessageCursor m = packet.messages();
        int n = 0;
        while (m.next()) {
            MessageType t = MessageTypes.OMD_C.lookup(m.type());
            assertTrue(t.sizeMatches(m.size()), t.name());
            n++;
        }
        assertEquals(encoder.messageCount(), n);
        assertTrue(length <= PacketEncoder.DEFAULT_MAX_PACKET_LENGTH);
    }

    @Test
    void refusesWhatTheFormatCannotExpress() {
        encoder.begin(buffer, 0, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> encoder.message(30, 3));
        assertThrows(IllegalStateException.class, () -> encoder.message(30, 1_500));
        PacketEncoder small = new PacketEncoder(16 + 4 * 300);
        small.begin(buffer, 0, 1, 0);
        for (int i = 0; i < 255; i++) {
            small.message(30, 4);
        }
        assertFalse(small.fits(4), "MsgCount is a u8");
    }

    @Test
    void unknownTypesAreAllowedAndNamed() {
        assertEquals(null, MessageTypes.OMD_C.lookup(999));
        assertEquals("top_of_book", MessageTypes.OMD_CC.lookup(655).name());
        assertEquals("sequence_reset", MessageTypes.OMD_CC.lookup(100).name());
        assertEquals(null, MessageTypes.OMD_C.lookup(-1));
        assertEquals(null, MessageTypes.OMD_C.lookup(70_000));
    }

    @Test
    void hotPathCheckAgreesWithTheTable() {
        for (MessageTypes table : new MessageTypes[] {MessageTypes.OMD_C, MessageTypes.OMD_CC}) {
            for (int type = 0; type < 1_100; type++) {
                for (int size = 4; size < 700; size++) {
                    MessageType t = table.lookup(type);
                    int expected = t == null ? MessageTypes.TALLY_UNKNOWN
                            : t.sizeMatches(size) ? 0 : MessageTypes.TALLY_MISMATCH;
                    assertEquals(expected, table.tally(type, size), "type " + type + " size " + size);
                }
            }
        }
    }
}
