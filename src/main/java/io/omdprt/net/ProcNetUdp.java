package io.omdprt.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The kernel's per-socket UDP counters from /proc/net/udp, keyed by socket inode:
 * {@code sl local rem st tx_queue:rx_queue tr:when retrnsmt uid timeout inode ref pointer drops}.
 */
final class ProcNetUdp {
    static final Path DEFAULT = Path.of("/proc/net/udp");

    /** Local address (as the file writes it), drops and receive-queue bytes of one socket. */
    record SocketCounters(String localAddress, long drops, long receiveQueueBytes) {
    }

    private ProcNetUdp() {
    }

    static boolean available() {
        return Files.isReadable(DEFAULT);
    }

    static Map<Long, SocketCounters> read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    static Map<Long, SocketCounters> parse(List<String> lines) {
        Map<Long, SocketCounters> out = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length < 13) {
                continue;
            }
            try {
                String[] queues = f[4].split(":");
                long rxQueue = queues.length == 2 ? Long.parseLong(queues[1], 16) : 0;
                long inode = Long.parseLong(f[9]);
                long drops = Long.parseLong(f[12]);
                out.put(inode, new SocketCounters(f[1], drops, rxQueue));
            } catch (NumberFormatException e) {
                // A line in an unexpected format is skipped; the metric for that socket stays absent.
            }
        }
        return out;
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

    static long inodeBoundTo(Map<Long, SocketCounters> sockets, Set<Long> ours, InetSocketAddress local, Set<Long> taken) {
        String wanted = procAddress(local);
        long found = -1;
        for (long inode : ours) {
            SocketCounters c = sockets.get(inode);
            if (c != null && !taken.contains(inode) && c.localAddress().equalsIgnoreCase(wanted)) {
                if (found >= 0) {
                    return -1;
                }
                found = inode;
            }
        }
        return found;
    }

    /** How /proc/net/udp writes an IPv4 address and port: the address as a host-order u32, both in hex. */
    static String procAddress(InetSocketAddress local) {
        int address = ByteBuffer.wrap(local.getAddress().getAddress()).order(ByteOrder.nativeOrder()).getInt();
        return String.format(Locale.ROOT, "%08X:%04X", address, local.getPort());
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
