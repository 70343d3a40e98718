package io.omdprt.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A window onto a file: a direct buffer refilled from a channel. What is not yet consumed moves to
 * the front before each refill, so a record straddling the window's end is whole after {@link #ensure}.
 */
final class ReadBuffer {
    private final FileChannel channel;
    private final UnsafeBuffer view;
    private ByteBuffer bytes;
    /** File offset of the window's first byte. */
    private long base;
    private int position;
    private int limit;
    private boolean endOfFile;

    ReadBuffer(FileChannel channel, int capacity) {
        this.channel = channel;
        this.bytes = ByteBuffer.allocateDirect(capacity);
        this.view = new UnsafeBuffer(bytes);
    }

    /** The window; re-wrapped in place when it grows, so this reference stays valid. */
    UnsafeBuffer view() {
        return view;
    }

    /** Index in {@link #view()} of the next unconsumed byte. */
    int position() {
        return position;
    }

    int available() {
        return limit - position;
    }

    /** File offset of the next unconsumed byte: how far reading has got. */
    long fileOffset() {
        return base + position;
    }

    void consume(int n) {
        position += n;
    }

    /**
     * Makes {@code n} bytes from {@link #position()} readable; the position may change.
     *
     * @return false when the file ends first; then {@link #available()} bytes are what is left (at most the capacity)
     */
    boolean ensure(int n) throws IOException {
        return limit - position >= n || refill(n);
    }

    private boolean refill(int n) throws IOException {
        int remaining = limit - position;
        if (n > bytes.capacity() && channel.size() - fileOffset() >= n) {
            // Grow only for a record the file really holds: a corrupt length must not allocate.
            ByteBuffer larger = ByteBuffer.allocateDirect(Math.max(n, bytes.capacity() * 2));
            larger.put(bytes.limit(limit).position(position));
            bytes = larger;
            view.wrap(bytes);
        } else {
            bytes.limit(limit).position(position);
            bytes.compact();
        }
        base += position;
        position = 0;
        limit = remaining;
        int wanted = Math.min(n, bytes.capacity());
        bytes.limit(bytes.capacity()).position(limit);
        while (limit < wanted && !endOfFile) {
            int read = channel.read(bytes);
            if (read < 0) {
                endOfFile = true;
            } else {
                limit += read;
            }
        }
        return limit >= n;
    }
}
