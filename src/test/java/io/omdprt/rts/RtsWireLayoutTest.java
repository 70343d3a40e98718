package io.omdprt.rts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omdprt.protocol.ControlMessages;
import io.omdprt.protocol.PacketEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The RTS packets byte by byte against the spec's tables (§3.5 header: PktSize 32, MsgCount 1, Filler,
 * SeqNum 0, SendTime 0; §3.5.1–§3.5.4 message fields), little-endian throughout.
 */
class RtsWireLayoutTest {
    private static final byte[] HEADER = {32, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void logonIsTheHeaderThenMsgSize16MsgType101AndTheUsernameNulPadded() {
        byte[] body = {16, 0, 101, 0, 'v', 'e', 'n', 'd', 'o', 'r', '0', '1', 0, 0, 0, 0};
        assertArrayEquals(concat(HEADER, body), RtsWire.logon("vendor01"));
        byte[] twelve = {16, 0, 101, 0, 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'};
        assertArrayEquals(concat(HEADER, twelve), RtsWire.logon("ABCDEFGHIJKL"));
    }

    @Test
    void retransmissionRequestCarriesChannelIdFillerBeginAndEnd() {
        // ChannelID 0x0102 @4, filler 2 @6, BeginSeqNum 0x00010203 @8, EndSeqNum 0x0A0B0C0D @12
        byte[] body = {16, 0, (byte) 201, 0, 0x02, 0x01, 0, 0, 0x03, 0x02, 0x01, 0x00, 0x0D, 0x0C, 0x0B, 0x0A};
        assertArrayEquals(concat(HEADER, body), RtsWire.retransmissionRequest(0x0102, 0x00010203L, 0x0A0B0C0DL));
        assertEquals(RtsWire.REQUEST_PACKET_LENGTH, RtsWire.retransmissionRequest(1, 1, 1).length);
    }

    @Test
    void logonResponseAndRetransmissionResponseAreReadAtTheSpecOffsets() {
        UnsafeBuffer b = new UnsafeBuffer(new byte[64]);
        int n = new PacketEncoder().begin(b, 0, 0, 0).logonResponse(100).finish();
        assertEquals(24, n);
        // 102: MsgSize 8, MsgType 102, SessionStatus u8 @4, filler 3
        assertArrayEquals(new byte[] {8, 0, 102, 0, 100, 0, 0, 0}, java.util.Arrays.copyOfRange(b.byteArray(), 16, 24));
        assertEquals(100, ControlMessages.sessionStatus(b, 16));

        n = new PacketEncoder().begin(b, 0, 0, 0).retransmissionResponse(0x0B, 101, 7, 9).finish();
        assertEquals(32, n);
        // 202: MsgSize 16, MsgType 202, ChannelID u16 @4, RetransStatus u8 @6, filler 1 @7, Begin @8, End @12
        assertArrayEquals(new byte[] {16, 0, (byte) 202, 0, 0x0B, 0, 101, 0, 7, 0, 0, 0, 9, 0, 0, 0},
                java.util.Arrays.copyOfRange(b.byteArray(), 16, 32));
        assertEquals(0x0B, ControlMessages.retransChannelId(b, 16));
        assertEquals(101, ControlMessages.retransStatus(b, 16));
        assertEquals(7, ControlMessages.beginSeqNum(b, 16));
        assertEquals(9, ControlMessages.endSeqNum(b, 16));
    }

    @Test
    void statusesHaveTheSpecNames() {
        assertEquals("session active", RtsWire.sessionStatusName(0));
        assertEquals("invalid username or IP address", RtsWire.sessionStatusName(5));
        assertEquals("user already connected", RtsWire.sessionStatusName(100));
        assertEquals("request accepted", RtsWire.retransStatusName(0));
        assertEquals("unknown or unauthorised channel ID", RtsWire.retransStatusName(1));
        assertEquals("messages not available", RtsWire.retransStatusName(2));
        assertEquals("exceeds maximum sequence range", RtsWire.retransStatusName(100));
        assertEquals("exceeds maximum requests in a day", RtsWire.retransStatusName(101));
        assertEquals(50_000, RtsWire.MESSAGES_KEPT);
        assertEquals(10_000, RtsWire.MAX_RANGE);
    }
}
