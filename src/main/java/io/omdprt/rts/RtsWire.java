package io.omdprt.rts;

import io.omdprt.protocol.ControlMessages;
import io.omdprt.protocol.OmdPacket;
import io.omdprt.protocol.PacketEncoder;
import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What the client writes to the Retransmission Server (spec §3.5): a Logon (101) or a Retransmission
 * Request (201), each alone in a packet whose 16-byte header says PktSize 32, MsgCount 1, SeqNum 0
 * and SendTime 0; and the names of the status codes it gets back.
 */
public final class RtsWire {
    /** 16 bytes of header and 16 of Logon or Retransmission Request. */
    public static final int REQUEST_PACKET_LENGTH = 32;
    /** Spec §4.3 system limits. */
    public static final int MESSAGES_KEPT = 50_000;
    public static final int MAX_RANGE = 10_000;
    public static final int HKEX_DAILY_REQUESTS = 1_000;

    private RtsWire() {
    }

    public static byte[] logon(String username) {
        UnsafeBuffer b = new UnsafeBuffer(new byte[REQUEST_PACKET_LENGTH]);
        int n = new PacketEncoder().begin(b, 0, 0, 0).logon(username).finish();
        return Arrays.copyOf(b.byteArray(), n);
    }

    public static byte[] retransmissionRequest(int channelId, long beginSeqNum, long endSeqNum) {
        UnsafeBuffer b = new UnsafeBuffer(new byte[REQUEST_PACKET_LENGTH]);
        int n = new PacketEncoder().begin(b, 0, 0, 0).retransmissionRequest(channelId, beginSeqNum, endSeqNum).finish();
        return Arrays.copyOf(b.byteArray(), n);
    }

    /** A heartbeat is a bare header (MsgCount 0); the reply to one is an exact copy of it (§4.3). */
    public static boolean isHeartbeat(byte[] packet) {
        return packet.length >= OmdPacket.HEADER_LENGTH && packet[OmdPacket.MSG_COUNT_OFFSET] == 0;
    }

    /** SessionStatus of the Logon Response (102), as people read it. */
    public static String sessionStatusName(int status) {
        return switch (status) {
            case ControlMessages.LOGON_OK -> "session active";
            case ControlMessages.LOGON_INVALID_USER_OR_IP -> "invalid username or IP address";
            case ControlMessages.LOGON_ALREADY_CONNECTED -> "user already connected";
            default -> "unknown session status " + status;
        };
    }

    /** RetransStatus of the Retransmission Response (202), as people read it. */
    public static String retransStatusName(int status) {
        return switch (status) {
            case ControlMessages.RETRANS_OK -> "request accepted";
            case ControlMessages.RETRANS_UNKNOWN_CHANNEL -> "unknown or unauthorised channel ID";
            case ControlMessages.RETRANS_NOT_AVAILABLE -> "messages not available";
            case ControlMessages.RETRANS_RANGE_TOO_LARGE -> "exceeds maximum sequence range";
            case ControlMessages.RETRANS_DAILY_LIMIT -> "exceeds maximum requests in a day";
            default -> "unknown retransmission status " + status;
        };
    }

    /** The metric label of a RetransStatus: a fixed, small set (an unknown status is "other"). */
    public static String retransStatusLabel(int status) {
        return switch (status) {
            case ControlMessages.RETRANS_OK -> "accepted";
            case ControlMessages.RETRANS_UNKNOWN_CHANNEL -> "unknown_channel";
            case ControlMessages.RETRANS_NOT_AVAILABLE -> "not_available";
            case ControlMessages.RETRANS_RANGE_TOO_LARGE -> "range_too_large";
            case ControlMessages.RETRANS_DAILY_LIMIT -> "daily_limit";
            default -> "other";
        };
    }
}
