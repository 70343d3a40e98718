package io.omdprt.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counters of this network namespace's IP stack from /proc/net/netstat (pairs of lines: names, then
 * values). The one the monitor needs: {@code TcpExt: IPReversePathFilter}, datagrams the reverse-path
 * filter (rp_filter) dropped — silently, before any socket sees them.
 */
public final class KernelNetstat {
    public static final Path DEFAULT = Path.of("/proc/net/netstat");

    private KernelNetstat() {
    }

    /** IPReversePathFilter, or -1 when not readable here. */
    public static long reversePathFilterDrops(Path file) {
        try {
            return counter(Files.readAllLines(file), "TcpExt:", "IPReversePathFilter");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long counter(List<String> lines, String prefix, String name) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!lines.get(i).startsWith(prefix) || !lines.get(i + 1).startsWith(prefix)) {
                continue;
            }
            String[] names = lines.get(i).trim().split("\\s+");
            String[] values = lines.get(i + 1).trim().split("\\s+");
            for (int k = 1; k < names.length && k < values.length; k++) {
                if (names[k].equals(name)) {
                    return Long.parseLong(values[k]);
                }
            }
        }
        return -1;
    }
}
