package io.omdprt.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's per-socket UDP counters from /proc/net/udp, keyed by socket inode:
 * {@code sl local rem st tx_queue:rx_queue tr:when retrnsmt uid timeout inode ref pointer drops}.
 */
final class ProcNetUdp {
    static final Path DEFAULT = Path.of("/proc/net/udp");

    /** Drops and receive-queue bytes of one socket. */
    record SocketCounters(long drops, long receiveQueueBytes) {
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
                out.put(inode, new SocketCounters(drops, rxQueue));
            } catch (NumberFormatException e) {
                // A line in an unexpected format is skipped; the metric for that socket stays absent.
            }
        }
        return out;
    }

    /** The inode of the socket behind a file descriptor of this process, or -1. */
    static long socketInode(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            if (target.startsWith("socket:[") && target.endsWith("]")) {
                return Long.parseLong(target.substring(8, target.length() - 1));
            }
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
