package io.omdprt.protocol;

import org.agrona.DirectBuffer;

/**
 * A 64-bit FNV-1a hash of one message's bytes (MsgSize included): how the RTS probe tells whether a
 * retransmitted message is byte for byte the one multicast delivered, without keeping the bytes.
 * Allocation-free.
 */
public final class MessageHash {
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private MessageHash() {
    }

    public static long of(DirectBuffer buffer, int offset, int length) {
        long h = OFFSET_BASIS;
        for (int i = 0; i < length; i++) {
            h ^= buffer.getByte(offset + i) & 0xFF;
            h *= PRIME;
        }
        return h;
    }

    public static long of(byte[] bytes, int offset, int length) {
        long h = OFFSET_BASIS;
        for (int i = 0; i < length; i++) {
            h ^= bytes[offset + i] & 0xFF;
            h *= PRIME;
        }
        return h;
    }
}
