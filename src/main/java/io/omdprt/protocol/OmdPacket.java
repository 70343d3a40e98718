package io.omdprt.protocol;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

/**
 * Flyweight over one OMD packet (spec §3.3): a 16-byte header followed by MsgCount messages.
 * Reuse one instance per thread; {@link #wrap} allocates nothing.
 *
 * <pre>
 * off 0 PktSize u16 | 2 MsgCount u8 | 3 Filler | 4 SeqNum u32 | 8 SendTime u64 (ns since epoch)
 * </pre>
 */
public final class OmdPacket {
    public static final int HEADER_LENGTH = 16;
    public static final int PKT_SIZE_OFFSET = 0;
    public static final int MSG_COUNT_OFFSET = 2;
    public static final int SEQ_NUM_OFFSET = 4;
    public static final int SEND_TIME_OFFSET = 8;
    /** Every message starts with MsgSize u16 and MsgType u16. */
    public static final int MESSAGE_HEADER_LENGTH = 4;
    /** A packet fits one IP frame; PktSize is a u16 so this is also the hard limit of the format. */
    public static final int MAX_PACKET_LENGTH = 0xFFFF;
    private static final boolean BIG_ENDIAN_HOST = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private final MessageCursor cursor = new MessageCursor();
    private DirectBuffer buffer;
    private int offset;
    private int length;
    private int unknownTypes;
    private int sizeMismatches;
    private int controlFlags;

    public OmdPacket wrap(DirectBuffer buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return this;
    }

    public DirectBuffer buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    /** The datagram length this flyweight was wrapped with. */
    public int length() {
        return length;
    }

    public int pktSize() {
        return buffer.getShort(offset + PKT_SIZE_OFFSET, LITTLE_ENDIAN) & 0xFFFF;
    }

    public int msgCount() {
        return buffer.getByte(offset + MSG_COUNT_OFFSET) & 0xFF;
    }

    /** Sequence number of the first message; for a heartbeat, of the last message sent (§3.4.1). */
    public long seqNum() {
        return buffer.getInt(offset + SEQ_NUM_OFFSET, LITTLE_ENDIAN) & 0xFFFF_FFFFL;
    }

    /** Nanoseconds since 1970-01-01 UTC: HKEX fills it to the nearest millisecond (spec §3.1), the simulator to the nanosecond. */
    public long sendTime() {
        return buffer.getLong(offset + SEND_TIME_OFFSET, LITTLE_ENDIAN);
    }

    /** Flags of {@link #controlFlags()}: which control messages the packet holds. */
    public static final int HAS_SEQUENCE_RESET = 1;
    public static final int HAS_DR_SIGNAL = 2;
    public static final int HAS_REFRESH_COMPLETE = 4;

    /**
     * Checks that the header and every message add up. Never throws, whatever the bytes.
     *
     * @return {@link Malformed#NONE} when the packet is well formed, otherwise the first problem found
     */
    public Malformed validate() {
        return validate(null);
    }

    /**
     * Validates, and in the same pass notes what the monitor needs per message: how many types the
     * table does not know, how many sizes do not fit the table, and which control messages are present.
     *
     * @param types the protocol's table, or null to skip the type checks
     */
    public Malformed validate(MessageTypes types) {
        unknownTypes = 0;
        sizeMismatches = 0;
        controlFlags = 0;
        if (length < HEADER_LENGTH) {
            return Malformed.TOO_SHORT;
        }
        int pktSize = pktSize();
        if (pktSize != length) {
            return Malformed.SIZE_MISMATCH;
        }
        int count = msgCount();
        if (count == 0) {
            return pktSize == HEADER_LENGTH ? Malformed.NONE : Malformed.HEARTBEAT_WITH_PAYLOAD;
        }
        // A method of its own keeps validate() small enough for the JIT to inline into its callers.
        return validateMessages(types, count);
    }

    private Malformed validateMessages(MessageTypes types, int count) {
        // One bounds check for the whole packet: every read below stays inside it, so the loop reads
        // without Agrona's check per read.
        buffer.boundsCheck(offset, length);
        byte[] array = buffer.byteArray();
        // Addresses, not indexes: a message's position is the previous one's plus its MsgSize, the only
        // chain from message to message (an index would add the buffer's address to it every time).
        long start = buffer.addressOffset() + offset;
        long at = start + HEADER_LENGTH;
        long end = start + length;
        int tallies = 0;
        int flags = 0;
        for (int i = 0; i < count; i++) {
            if (at + MESSAGE_HEADER_LENGTH > end) {
                return Malformed.MESSAGE_OVERRUN;
            }
            int sizeAndType = UnsafeApi.getInt(array, at);
            if (BIG_ENDIAN_HOST) {
                sizeAndType = Integer.reverseBytes(sizeAndType);
            }
            int msgSize = sizeAndType & 0xFFFF;
            if (msgSize < MESSAGE_HEADER_LENGTH) {
                return Malformed.MESSAGE_TOO_SMALL;
            }
            if (at + msgSize > end) {
                return Malformed.MESSAGE_OVERRUN;
            }
            int type = sizeAndType >>> 16;
            if (type >= MessageTypes.SEQUENCE_RESET && type <= MessageTypes.REFRESH_COMPLETE) {
                if (msgSize < ControlMessages.minimumSize(type)) {
                    return Malformed.CONTROL_TOO_SHORT;
                }
                flags |= ControlMessages.flag(type);
            }
            if (types != null) {
                tallies += types.tally(type, msgSize);
            }
            at += msgSize;
        }
        if (at != end) {
            return Malformed.TRAILING_BYTES;
        }
        unknownTypes = tallies & 0xFF;
        sizeMismatches = tallies >>> 8;
        controlFlags = flags;
        return Malformed.NONE;
    }

    /** After {@link #validate(MessageTypes)} returned {@link Malformed#NONE}: messages whose type the table does not know. */
    public int unknownTypes() {
        return unknownTypes;
    }

    /** After {@link #validate(MessageTypes)} returned {@link Malformed#NONE}: known messages whose size does not fit the table. */
    public int sizeMismatches() {
        return sizeMismatches;
    }

    /** After a validation that returned {@link Malformed#NONE}: {@link #HAS_SEQUENCE_RESET}, {@link #HAS_DR_SIGNAL}, {@link #HAS_REFRESH_COMPLETE} or'ed. */
    public int controlFlags() {
        return controlFlags;
    }

    /**
     * Positions the packet's reusable cursor before its first message. Only meaningful on a packet
     * that passed {@link #validate()}.
     */
    public MessageCursor messages() {
        return cursor.reset(buffer, offset + HEADER_LENGTH, msgCount());
    }
}
