package io.omdprt.protocol;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import org.agrona.DirectBuffer;

/**
 * Field readers for the control and retransmission messages (spec §3.4–§3.6). Every reader takes the
 * buffer and the message's offset (its MsgSize field), as given by {@link MessageCursor#offset()}.
 */
public final class ControlMessages {
    /** DRStatus values of the Disaster Recovery Signal (105). */
    public static final int DR_IN_PROGRESS = 1;
    public static final int DR_COMPLETED = 2;

    /** RetransStatus values of the Retransmission Response (202). */
    public static final int RETRANS_OK = 0;
    public static final int RETRANS_UNKNOWN_CHANNEL = 1;
    public static final int RETRANS_NOT_AVAILABLE = 2;
    public static final int RETRANS_RANGE_TOO_LARGE = 100;
    public static final int RETRANS_DAILY_LIMIT = 101;

    /** SessionStatus values of the Logon Response (102). */
    public static final int LOGON_OK = 0;
    public static final int LOGON_INVALID_USER_OR_IP = 5;
    public static final int LOGON_ALREADY_CONNECTED = 100;

    public static final int USERNAME_LENGTH = 12;

    private ControlMessages() {
    }

    /** The size below which a message of this type cannot hold the fields the monitor reads. */
    static int minimumSize(int type) {
        switch (type) {
            case MessageTypes.SEQUENCE_RESET:
            case MessageTypes.DISASTER_RECOVERY_SIGNAL:
            case MessageTypes.REFRESH_COMPLETE:
            case MessageTypes.LOGON_RESPONSE:
                return 8;
            case MessageTypes.LOGON:
            case MessageTypes.RETRANSMISSION_REQUEST:
            case MessageTypes.RETRANSMISSION_RESPONSE:
                return 16;
            default:
                return OmdPacket.MESSAGE_HEADER_LENGTH;
        }
    }

    /** The {@link OmdPacket} control flag of a message type, 0 for types that need no special handling. */
    static int flag(int type) {
        switch (type) {
            case MessageTypes.SEQUENCE_RESET:
                return OmdPacket.HAS_SEQUENCE_RESET;
            case MessageTypes.DISASTER_RECOVERY_SIGNAL:
                return OmdPacket.HAS_DR_SIGNAL;
            case MessageTypes.REFRESH_COMPLETE:
                return OmdPacket.HAS_REFRESH_COMPLETE;
            default:
                return 0;
        }
    }

    /** Sequence Reset (100): the next expected sequence number (always 1 per the spec). */
    public static long newSeqNo(DirectBuffer buffer, int msgOffset) {
        return u32(buffer, msgOffset + 4);
    }

    /** Disaster Recovery Signal (105): 1 = failover in progress, 2 = completed. */
    public static long drStatus(DirectBuffer buffer, int msgOffset) {
        return u32(buffer, msgOffset + 4);
    }

    /** Refresh Complete (203): the real-time sequence number the snapshot is consistent with. */
    public static long lastSeqNum(DirectBuffer buffer, int msgOffset) {
        return u32(buffer, msgOffset + 4);
    }

    /** Logon (101): the username, NUL padding removed. Allocates; not for the hot path. */
    public static String username(DirectBuffer buffer, int msgOffset) {
        StringBuilder sb = new StringBuilder(USERNAME_LENGTH);
        for (int i = 0; i < USERNAME_LENGTH; i++) {
            byte b = buffer.getByte(msgOffset + 4 + i);
            if (b == 0) {
                break;
            }
            sb.append((char) (b & 0xFF));
        }
        return sb.toString();
    }

    /** Logon Response (102). */
    public static int sessionStatus(DirectBuffer buffer, int msgOffset) {
        return buffer.getByte(msgOffset + 4) & 0xFF;
    }

    /** Retransmission Request (201) and Response (202). */
    public static int retransChannelId(DirectBuffer buffer, int msgOffset) {
        return buffer.getShort(msgOffset + 4, LITTLE_ENDIAN) & 0xFFFF;
    }

    /** Retransmission Response (202). */
    public static int retransStatus(DirectBuffer buffer, int msgOffset) {
        return buffer.getByte(msgOffset + 6) & 0xFF;
    }

    /** Retransmission Request (201) and Response (202). */
    public static long beginSeqNum(DirectBuffer buffer, int msgOffset) {
        return u32(buffer, msgOffset + 8);
    }

    /** Retransmission Request (201) and Response (202). */
    public static long endSeqNum(DirectBuffer buffer, int msgOffset) {
        return u32(buffer, msgOffset + 12);
    }

    private static long u32(DirectBuffer buffer, int index) {
        return buffer.getInt(index, LITTLE_ENDIAN) & 0xFFFF_FFFFL;
    }
}
