package io.omdprt.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.agrona.collections.Hashing;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The kernel's per-socket UDP counters from /proc/net/udp, keyed by socket inode:
 * {@code sl local rem st tx_queue:rx_queue tr:when retrnsmt uid timeout inode ref pointer drops}.
 */
final class ProcNetUdp {
    static final Path DEFAULT = Path.of("/proc/net/udp");
    /** The kernel pads every line to 127 characters and a newline. */
    private static final int KERNEL_LINE = 128;

    /**
     * Local address (as {@link #localAddress(InetSocketAddress)} packs it, -1 when the file's is not
     * {@code %08X:%04X}), drops and receive-queue bytes of one socket.
     */
    record SocketCounters(long localAddress, long drops, long receiveQueueBytes) {
    }

    /** The sockets of one read of the file, looked up by inode without boxing; a later line of an inode replaces an earlier one. */
    static final class Sockets {
        static final Sockets NONE = new Sockets(0);

        private final Long2ObjectHashMap<SocketCounters> byInode;

        private Sockets(int capacity) {
            byInode = new Long2ObjectHashMap<>(Math.max(8, capacity), Hashing.DEFAULT_LOAD_FACTOR);
        }

        int size() {
            return byInode.size();
        }

        boolean contains(long inode) {
            return byInode.containsKey(inode);
        }

        /** The socket's drops, or -1 when it is not in the file. */
        long drops(long inode) {
            SocketCounters c = byInode.get(inode);
            return c == null ? -1 : c.drops();
        }

        /** The socket's counters, or null when it is not in the file. */
        SocketCounters get(long inode) {
            return byInode.get(inode);
        }
    }

    private ProcNetUdp() {
    }

    static boolean available() {
        return Files.isReadable(DEFAULT);
    }

    static Sockets read(Path file) throws IOException {
        return read(file, new ProcText());
    }

    /** Read into {@code buffer}, which is kept for the next read. */
    static Sockets read(Path file, ProcText buffer) throws IOException {
        return parse(buffer.read(file));
    }

    /** After the header line, every line with the 13 fields; one with a field not as the kernel writes it is skipped. */
    static Sockets parse(ProcText t) {
        t.rewind();
        if (!t.nextLine()) {
            return Sockets.NONE;
        }
        Sockets out = new Sockets(t.length() / KERNEL_LINE + 1);
        while (t.nextLine()) {
            if (!t.next(2)) { // sl, local_address
                continue;
            }
            long local = localAddress(t);
            if (!t.next(3)) { // rem_address, st, tx_queue:rx_queue
                continue;
            }
            long rxQueue = receiveQueue(t);
            if (rxQueue == ProcText.NONE || !t.next(5)) { // tr:tm->when, retrnsmt, uid, timeout, inode
                continue;
            }
            long inode = t.decimal();
            if (inode == ProcText.NONE || !t.next(3)) { // ref, pointer, drops
                continue;
            }
            long drops = t.decimal();
            if (drops != ProcText.NONE) {
                out.byInode.put(inode, new SocketCounters(local, drops, rxQueue));
            }
        }
        return out;
    }

    /** {@code ADDRESS:PORT} in hex, 8 and 4 digits, packed as {@link #localAddress(InetSocketAddress)} does; else -1. */
    private static long localAddress(ProcText t) {
        int colon = t.indexOf(':');
        if (colon - t.start() != 8 || t.end() - colon != 5) {
            return -1;
        }
        long address = t.hex(t.start(), colon);
        long port = t.hex(colon + 1, t.end());
        return address < 0 || port < 0 ? -1 : address << 16 | port;
    }

    /** The hex number after the one ':' of {@code tx_queue:rx_queue}; 0 when the field is not in two parts. */
    private static long receiveQueue(ProcText t) {
        int colon = t.indexOf(':');
        if (colon < 0 || colon + 1 == t.end() || t.indexOf(':', colon + 1) >= 0) {
            return 0;
        }
        return t.hex(colon + 1, t.end());
    }

    /**
     * The inode of this process's UDP socket bound to {@code local}, for sockets whose file descriptor
     * is out of reach (NIO): the one socket of ours with that local address not in {@code taken}, or -1
     * when there is none or more than one.
     */
    static long inodeBoundTo(InetSocketAddress local, Set<Long> taken) {
        if (!(local.getAddress() instanceof Inet4Address)) {
            return -1;
        }
        try {
            return inodeBoundTo(read(DEFAULT), ownSocketInodes(), local, taken);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long inodeBoundTo(Sockets sockets, Set<Long> ours, InetSocketAddress local, Set<Long> taken) {
        long wanted = localAddress(local);
        long found = -1;
        for (long inode : ours) {
            SocketCounters c = sockets.get(inode);
            if (c != null && !taken.contains(inode) && c.localAddress() == wanted) {
                if (found >= 0) {
                    return -1;
                }
                found = inode;
            }
        }
        return found;
    }

    /**
     * How /proc/net/udp writes an IPv4 address and port ({@code %08X:%04X}, the address as a host-order
     * u32), as one number: address << 16 | port.
     */
    static long localAddress(InetSocketAddress local) {
        int address = ByteBuffer.wrap(local.getAddress().getAddress()).order(ByteOrder.nativeOrder()).getInt();
        return (address & 0xFFFFFFFFL) << 16 | local.getPort();
    }

    private static Set<Long> ownSocketInodes() throws IOException {
        Set<Long> out = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                long inode = socketInode(fd);
                if (inode >= 0) {
                    out.add(inode);
                }
            }
        }
        return out;
    }

    /** The inode of the socket behind a file descriptor of this process, or -1. */
    static long socketInode(int fd) {
        return socketInode(Path.of("/proc/self/fd/" + fd));
    }

    private static long socketInode(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[") && target.endsWith("]")) {
                return Long.parseLong(target.substring(8, target.length() - 1));
            }
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
