package io.omdprt.protocol;

/** Why a datagram is not a well-formed OMD packet. The label is the metric's {@code reason} value. */
public enum Malformed {
    /** Not malformed. Never exported as a reason. */
    NONE("none"),
    /** Shorter than the 16-byte packet header. */
    TOO_SHORT("too_short"),
    /** PktSize differs from the datagram length. */
    SIZE_MISMATCH("size_mismatch"),
    /** MsgCount or a MsgSize runs past the end of the packet. */
    MESSAGE_OVERRUN("message_overrun"),
    /** A MsgSize smaller than the 4-byte message header. */
    MESSAGE_TOO_SMALL("message_too_small"),
    /** A heartbeat (MsgCount 0) that carries bytes after its header. */
    HEARTBEAT_WITH_PAYLOAD("heartbeat_with_payload"),
    /** The messages end before PktSize does. */
    TRAILING_BYTES("trailing_bytes"),
    /** A control message (reset, DR signal, refresh complete) too short for its fields. */
    CONTROL_TOO_SHORT("control_too_short");

    /** Every real reason, in a fixed order, for metrics that pre-register them. */
    public static final Malformed[] REASONS = {
        TOO_SHORT, SIZE_MISMATCH, MESSAGE_OVERRUN, MESSAGE_TOO_SMALL, HEARTBEAT_WITH_PAYLOAD, TRAILING_BYTES, CONTROL_TOO_SHORT
    };

    private final String label;

    Malformed(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
