package io.omdprt.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Every malformation is reported by reason; nothing throws. Each case is checked where the receivers
 * and the capture reader hold packets: at the start of a heap buffer, at an odd offset into one, and
 * at that offset in direct memory; all three must agree.
 */
class ValidationTest {
    private static final int OFFSET = 37;

    private static Malformed check(byte[] bytes, int length) {
        Malformed atStart = new OmdPacket().wrap(new UnsafeBuffer(bytes), 0, length).validate();
        byte[] shifted = new byte[OFFSET + bytes.length + 8];
        System.arraycopy(bytes, 0, shifted, OFFSET, bytes.length);
        assertEquals(atStart, new OmdPacket().wrap(new UnsafeBuffer(shifted), OFFSET, length).validate(), "at an offset");
        ByteBuffer direct = ByteBuffer.allocateDirect(shifted.length);
        direct.put(shifted).flip();
        assertEquals(atStart, new OmdPacket().wrap(new UnsafeBuffer(direct), OFFSET, length).validate(), "in direct memory");
        return atStart;
    }

    private static Malformed check(ByteBuffer b) {
        return check(b.array(), b.array().length);
    }

    private static ByteBuffer header(int bufferSize, int pktSize, int msgCount) {
        ByteBuffer b = ByteBuffer.allocate(bufferSize).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) pktSize).put((byte) msgCount).put((byte) 0).putInt(1).putLong(0);
        return b;
    }

    @Test
    void shorterThanAHeader() {
        assertEquals(Malformed.TOO_SHORT, check(new byte[15], 15));
        assertEquals(Malformed.TOO_SHORT, check(new byte[0], 0));
    }

    @Test
    void pktSizeDiffersFromDatagramLength() {
        assertEquals(Malformed.SIZE_MISMATCH, check(header(16, 17, 0)));
        assertEquals(Malformed.SIZE_MISMATCH, check(header(24, 16, 0)));
    }

    @Test
    void msgCountRunsPastTheEnd() {
        ByteBuffer b = header(28, 28, 2);
        b.putShort((short) 12).putShort((short) 40).putInt(0).putInt(0);
        assertEquals(Malformed.MESSAGE_OVERRUN, check(b));
    }

    @Test
    void msgSizeRunsPastTheEnd() {
        ByteBuffer b = header(28, 28, 1);
        b.putShort((short) 40).putShort((short) 40);
        assertEquals(Malformed.MESSAGE_OVERRUN, check(b));
    }

    @Test
    void msgSizeSmallerThanAMessageHeader() {
        for (int size = 0; size < 4; size++) {
            ByteBuffer b = header(28, 28, 1);
            b.putShort((short) size).putShort((short) 40);
            assertEquals(Malformed.MESSAGE_TOO_SMALL, check(b), "MsgSize " + size);
        }
    }

    @Test
    void heartbeatWithPayload() {
        assertEquals(Malformed.HEARTBEAT_WITH_PAYLOAD, check(header(20, 20, 0)));
    }

    @Test
    void messagesEndingBeforePktSize() {
        ByteBuffer b = header(32, 32, 1);
        b.putShort((short) 12).putShort((short) 40);
        assertEquals(Malformed.TRAILING_BYTES, check(b));
    }

    @Test
    void controlMessageTooShortForItsField() {
        ByteBuffer b = header(20, 20, 1);
        b.putShort((short) 4).putShort((short) MessageTypes.SEQUENCE_RESET);
        assertEquals(Malformed.CONTROL_TOO_SHORT, check(b));
    }

    @Test
    void lengthBeyondPktSizeLimitIsAMismatchNotACrash() {
        byte[] big = new byte[70_000];
        assertEquals(Malformed.SIZE_MISMATCH, check(big, big.length));
    }
}
