package io.omdprt.rts;

import io.omdprt.protocol.OmdPacket;
import io.omdprt.time.MonitorClock;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * Cuts a TCP byte stream into OMD packets by their PktSize, for both ends of an RTS session. The
 * socket must have a short read timeout: a read that times out only checks the deadline, keeping
 * whatever part of a packet has arrived.
 */
public final class PacketFramer {
    private final InputStream in;
    private final MonitorClock clock;
    private byte[] buf = new byte[4096];
    private int filled;

    public PacketFramer(InputStream in, MonitorClock clock) {
        this.in = in;
        this.clock = clock;
    }

    /**
     * The next whole packet, or null at the deadline (the clock's monotonic time).
     *
     * @throws EOFException when the other end closed
     * @throws IOException  when a PktSize below the header makes the stream unframeable
     */
    public byte[] next(long deadline) throws IOException {
        while (true) {
            if (filled >= 2) {
                int size = (buf[0] & 0xFF) | (buf[1] & 0xFF) << 8;
                if (size < OmdPacket.HEADER_LENGTH) {
                    throw new IOException("PktSize " + size + " below the 16-byte header: the stream cannot be framed");
                }
                if (filled >= size) {
                    byte[] p = Arrays.copyOf(buf, size);
                    System.arraycopy(buf, size, buf, 0, filled - size);
                    filled -= size;
                    return p;
                }
                if (buf.length < size) {
                    buf = Arrays.copyOf(buf, Math.max(size, buf.length * 2));
                }
            }
            if (clock.monotonicNanos() >= deadline) {
                return null;
            }
            try {
                int r = in.read(buf, filled, buf.length - filled);
                if (r < 0) {
                    throw new EOFException("closed by the other end");
                }
                filled += r;
            } catch (SocketTimeoutException e) {
                // check the deadline, then read on
            }
        }
    }
}
