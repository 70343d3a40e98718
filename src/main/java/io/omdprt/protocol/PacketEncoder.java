package io.omdprt.protocol;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import org.agrona.MutableDirectBuffer;

/**
 * Writes OMD packets: {@code begin}, then messages, then {@code finish}. Used by the simulator and the
 * tests; it refuses to build a packet the format cannot express (more than 255 messages, larger than
 * its limit), so anything it writes is well formed.
 */
public final class PacketEncoder {
    /** What fits one Ethernet frame of 1500 bytes after the IPv4 and UDP headers. */
    public static final int DEFAULT_MAX_PACKET_LENGTH = 1500 - 20 - 8;

    private final int maxPacketLength;
    private MutableDirectBuffer buffer;
    private int start;
    private int position;
    private int count;
    private boolean open;

    public PacketEncoder() {
        this(DEFAULT_MAX_PACKET_LENGTH);
    }

    public PacketEncoder(int maxPacketLength) {
        if (maxPacketLength < OmdPacket.HEADER_LENGTH || maxPacketLength > OmdPacket.MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("maxPacketLength out of range: " + maxPacketLength);
        }
        this.maxPacketLength = maxPacketLength;
    }

    /** Starts a packet at {@code offset}; the header is completed by {@link #finish()}. */
    public PacketEncoder begin(MutableDirectBuffer buffer, int offset, long seqNum, long sendTimeNanos) {
        this.buffer = buffer;
        this.start = offset;
        this.position = offset + OmdPacket.HEADER_LENGTH;
        this.count = 0;
        this.open = true;
        buffer.putByte(offset + 3, (byte) 0);
        buffer.putInt(offset + OmdPacket.SEQ_NUM_OFFSET, (int) seqNum, LITTLE_ENDIAN);
        buffer.putLong(offset + OmdPacket.SEND_TIME_OFFSET, sendTimeNanos, LITTLE_ENDIAN);
        return this;
    }

    /** Bytes still free in this packet. */
    public int remaining() {
        return maxPacketLength - (position - start);
    }

    public int messageCount() {
        return count;
    }

    /** Whether a message of this size still fits (both by length and by MsgCount). */
    public boolean fits(int msgSize) {
        return count < 255 && msgSize <= remaining();
    }

    /**
     * Appends a message whose body is zero-filled; the caller may write fields into it.
     *
     * @return the offset of the message (its MsgSize field) in the buffer
     */
    public int message(int type, int msgSize) {
        if (!open) {
            throw new IllegalStateException("begin() first");
        }
        if (msgSize < OmdPacket.MESSAGE_HEADER_LENGTH || msgSize > 0xFFFF) {
            throw new IllegalArgumentException("MsgSize out of range: " + msgSize);
        }
        if (!fits(msgSize)) {
            throw new IllegalStateException("message of " + msgSize + " bytes does not fit (" + remaining()
                    + " left, " + count + " messages)");
        }
        int msgOffset = position;
        buffer.setMemory(msgOffset, msgSize, (byte) 0);
        buffer.putShort(msgOffset, (short) msgSize, LITTLE_ENDIAN);
        buffer.putShort(msgOffset + 2, (short) type, LITTLE_ENDIAN);
        position += msgSize;
        count++;
        return msgOffset;
    }

    public PacketEncoder sequenceReset(long newSeqNo) {
        int at = message(MessageTypes.SEQUENCE_RESET, 8);
        buffer.putInt(at + 4, (int) newSeqNo, LITTLE_ENDIAN);
        return this;
    }

    public PacketEncoder drSignal(long drStatus) {
        int at = message(MessageTypes.DISASTER_RECOVERY_SIGNAL, 8);
        buffer.putInt(at + 4, (int) drStatus, LITTLE_ENDIAN);
        return this;
    }

    public PacketEncoder refreshComplete(long lastSeqNum) {
        int at = message(MessageTypes.REFRESH_COMPLETE, 8);
        buffer.putInt(at + 4, (int) lastSeqNum, LITTLE_ENDIAN);
        return this;
    }

    public PacketEncoder logon(String username) {
        if (username.length() > ControlMessages.USERNAME_LENGTH) {
            throw new IllegalArgumentException("username longer than 12 characters");
        }
        int at = message(MessageTypes.LOGON, 16);
        for (int i = 0; i < username.length(); i++) {
            buffer.putByte(at + 4 + i, (byte) username.charAt(i));
        }
        return this;
    }

    public PacketEncoder logonResponse(int sessionStatus) {
        int at = message(MessageTypes.LOGON_RESPONSE, 8);
        buffer.putByte(at + 4, (byte) sessionStatus);
        return this;
    }

    public PacketEncoder retransmissionRequest(int channelId, long beginSeqNum, long endSeqNum) {
        int at = message(MessageTypes.RETRANSMISSION_REQUEST, 16);
        buffer.putShort(at + 4, (short) channelId, LITTLE_ENDIAN);
        buffer.putInt(at + 8, (int) beginSeqNum, LITTLE_ENDIAN);
        buffer.putInt(at + 12, (int) endSeqNum, LITTLE_ENDIAN);
        return this;
    }

    public PacketEncoder retransmissionResponse(int channelId, int retransStatus, long beginSeqNum, long endSeqNum) {
        int at = message(MessageTypes.RETRANSMISSION_RESPONSE, 16);
        buffer.putShort(at + 4, (short) channelId, LITTLE_ENDIAN);
        buffer.putByte(at + 6, (byte) retransStatus);
        buffer.putInt(at + 8, (int) beginSeqNum, LITTLE_ENDIAN);
        buffer.putInt(at + 12, (int) endSeqNum, LITTLE_ENDIAN);
        return this;
    }

    /** Completes the header (PktSize, MsgCount). @return the packet length in bytes */
    public int finish() {
        if (!open) {
            throw new IllegalStateException("begin() first");
        }
        int length = position - start;
        buffer.putShort(start + OmdPacket.PKT_SIZE_OFFSET, (short) length, LITTLE_ENDIAN);
        buffer.putByte(start + OmdPacket.MSG_COUNT_OFFSET, (byte) count);
        open = false;
        return length;
    }

    /** A heartbeat: a bare header whose SeqNum is the last message sent on the channel (§3.4.1). */
    public int heartbeat(MutableDirectBuffer buffer, int offset, long lastSeqNum, long sendTimeNanos) {
        return begin(buffer, offset, lastSeqNum, sendTimeNanos).finish();
    }
}
