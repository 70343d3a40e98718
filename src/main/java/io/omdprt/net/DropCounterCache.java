package io.omdprt.net;

import io.omdprt.time.MonitorClock;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The kernel's per-socket UDP counters (/proc/net/udp) as last read, read again at most every
 * {@link #CHECK_NANOS} however many lines and scrapes ask. Any thread.
 */
final class DropCounterCache {
    static final long CHECK_NANOS = 200_000_000L;

    private final Path udp;
    private final MonitorClock clock;
    private final ProcText text = new ProcText(); // used under this
    private ProcNetUdp.Sockets sockets = ProcNetUdp.Sockets.NONE;
    private boolean read;
    private long readAtNanos;

    DropCounterCache(Path udp, MonitorClock clock) {
        this.udp = udp;
        this.clock = clock;
    }

    /** The socket's drops, or -1 when it is not in the file. */
    long drops(long inode) {
        return sockets().drops(inode);
    }

    private synchronized ProcNetUdp.Sockets sockets() {
        long now = clock.monotonicNanos();
        if (!read || now - readAtNanos > CHECK_NANOS) {
            try {
                sockets = ProcNetUdp.read(udp, text);
            } catch (IOException | RuntimeException e) {
                sockets = ProcNetUdp.Sockets.NONE;
            }
            read = true;
            readAtNanos = now;
        }
        return sockets;
    }
}
