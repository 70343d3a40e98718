package io.omdprt.net;

import io.omdprt.time.MonitorClock;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The kernel's per-socket UDP counters (/proc/net/udp) as last read, looked at again at most every
 * {@link #CHECK_NANOS} however many lines and scrapes ask, and read again only when a drop can have
 * happened: reading /proc/net/udp costs about 1.7 us a socket (mostly the kernel writing it),
 * /proc/net/snmp some 20 us. Every path of net/ipv4/udp.c that counts a drop in a socket's sk_drops
 * also counts it in this namespace's {@code Udp: InErrors} (receive buffer full, also RcvbufErrors;
 * memory, filter, checksum, failed multicast clone, copy to user), so the file is read again when
 * InErrors or RcvbufErrors moved since the last read. When /proc/net/snmp lacks them, at every check,
 * as before this gate. Any thread.
 */
final class DropCounterCache {
    static final Path SNMP = Path.of("/proc/net/snmp");
    static final long CHECK_NANOS = 200_000_000L;
    /** Read at least this often whatever /proc/net/snmp says: a drop on a path we do not know of is caught within 5 s. */
    static final long FULL_READ_NANOS = 5_000_000_000L;
    private static final long UNKNOWN = -1;

    private final Path udp;
    private final Path snmp;
    private final MonitorClock clock;
    private final ProcText text = new ProcText(); // used under this
    private ProcNetUdp.Sockets sockets = ProcNetUdp.Sockets.NONE;
    private boolean read;
    private long checkedAtNanos;
    private long readAtNanos;
    /** The counters as just before the last read of the file; UNKNOWN when that read failed. */
    private long inErrors = UNKNOWN;
    private long rcvbufErrors = UNKNOWN;

    DropCounterCache(Path udp, Path snmp, MonitorClock clock) {
        this.udp = udp;
        this.snmp = snmp;
        this.clock = clock;
    }

    /** The socket's drops, or -1 when it is not in the file. */
    long drops(long inode) {
        return sockets().drops(inode);
    }

    private synchronized ProcNetUdp.Sockets sockets() {
        long now = clock.monotonicNanos();
        if (read && now - checkedAtNanos <= CHECK_NANOS) {
            return sockets;
        }
        checkedAtNanos = now;
        // The counters before the file: a drop between the two reads is in this read or moves the next check's counters.
        long in = UNKNOWN;
        long rcvbuf = UNKNOWN;
        try {
            text.read(snmp);
            in = KernelNetstat.counter(text, "Udp:", "InErrors");
            rcvbuf = KernelNetstat.counter(text, "Udp:", "RcvbufErrors");
        } catch (IOException | RuntimeException e) {
            // unknown: read the file
        }
        boolean unchanged = in != UNKNOWN && rcvbuf != UNKNOWN && in == inErrors && rcvbuf == rcvbufErrors;
        if (read && unchanged && now - readAtNanos < FULL_READ_NANOS) {
            return sockets;
        }
        try {
            sockets = ProcNetUdp.read(udp, text);
            inErrors = in;
            rcvbufErrors = rcvbuf;
        } catch (IOException | RuntimeException e) {
            sockets = ProcNetUdp.Sockets.NONE;
            inErrors = UNKNOWN;
            rcvbufErrors = UNKNOWN;
        }
        read = true;
        readAtNanos = now;
        return sockets;
    }
}
