package io.omdprt.protocol;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import org.agrona.DirectBuffer;

/**
 * Walks the messages of a validated packet without allocating.
 *
 * <pre>
 * MessageCursor m = packet.messages();
 * while (m.next()) { m.type(); m.size(); m.offset(); }
 * </pre>
 */
public final class MessageCursor {
    private DirectBuffer buffer;
    private int nextOffset;
    private int remaining;
    private int index = -1;
    private int offset;
    private int size;
    private int type;

    MessageCursor reset(DirectBuffer buffer, int firstOffset, int count) {
        this.buffer = buffer;
        this.nextOffset = firstOffset;
        this.remaining = count;
        this.index = -1;
        return this;
    }

    public boolean next() {
        if (remaining == 0) {
            return false;
        }
        remaining--;
        index++;
        offset = nextOffset;
        int sizeAndType = buffer.getInt(offset, LITTLE_ENDIAN);
        size = sizeAndType & 0xFFFF;
        type = sizeAndType >>> 16;
        nextOffset = offset + size;
        return true;
    }

    /** Position of this message in its packet, from 0; its sequence number is SeqNum + index. */
    public int index() {
        return index;
    }

    /** Offset of the message (its MsgSize field) in the buffer. */
    public int offset() {
        return offset;
    }

    public int size() {
        return size;
    }

    public int type() {
        return type;
    }

    public DirectBuffer buffer() {
        return buffer;
    }
}
