package io.omdprt.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

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

    /** The sockets of one read of the file, looked up by inode without boxing. */
    static final class Sockets {
        static final Sockets NONE = new Sockets(0).index();

        private long[] inode;
        private long[] localAddress;
        private long[] drops;
        private long[] receiveQueue;
        private int rows;
        /** Open addressing by inode: row + 1, 0 for a free slot. */
        private int[] slots;
        private int size;

        private Sockets(int capacity) {
            inode = new long[capacity];
            localAddress = new long[capacity];
            drops = new long[capacity];
            receiveQueue = new long[capacity];
        }

        private void add(long inode, long localAddress, long drops, long receiveQueue) {
            if (rows == this.inode.length) {
                int capacity = Math.max(16, rows * 2);
                this.inode = Arrays.copyOf(this.inode, capacity);
                this.localAddress = Arrays.copyOf(this.localAddress, capacity);
                this.drops = Arrays.copyOf(this.drops, capacity);
                this.receiveQueue = Arrays.copyOf(this.receiveQueue, capacity);
            }
            this.inode[rows] = inode;
            this.localAddress[rows] = localAddress;
            this.drops[rows] = drops;
            this.receiveQueue[rows] = receiveQueue;
            rows++;
        }

        /** Once every row is in; a later row of an inode replaces an earlier one. */
        private Sockets index() {
            slots = new int[Integer.highestOneBit(Math.max(1, rows)) * 4];
            for (int row = 0; row < rows; row++) {
                int slot = slot(inode[row]);
                if (slots[slot] == 0) {
                    size++;
                }
                slots[slot] = row + 1;
            }
            return this;
        }

        private int slot(long key) {
            int mask = slots.length - 1;
            long h = key * 0x9E3779B97F4A7C15L;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (slots[i] != 0 && inode[slots[i] - 1] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private int row(long key) {
            return slots[slot(key)] - 1;
        }

        int size() {
            return size;
        }

        boolean contains(long inode) {
            return row(inode) >= 0;
        }

        /** The socket's drops, or -1 when it is not in the file. */
        long drops(long inode) {
            int row = row(inode);
            return row < 0 ? -1 : drops[row];
        }

        /** The socket's counters, or null when it is not in the file. */
        SocketCounters get(long inode) {
            int row = row(inode);
            return row < 0 ? null : new SocketCounters(localAddress[row], drops[row], receiveQueue[row]);
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
                out.add(inode, local, drops, rxQueue);
            }
        }
        return out.index();
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
