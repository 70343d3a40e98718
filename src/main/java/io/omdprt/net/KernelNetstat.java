package io.omdprt.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        return reversePathFilterDrops(file, new ProcText());
    }

    /** Read into {@code buffer}, which is kept for the next read. */
    static long reversePathFilterDrops(Path file, ProcText buffer) {
        try {
            return counter(buffer.read(file), "TcpExt:", "IPReversePathFilter");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The value under {@code name} in the first pair of lines that both start with {@code prefix} and have it; else -1. */
    static long counter(ProcText t, String prefix, String name) {
        t.rewind();
        int names = -1;
        while (t.nextLine()) {
            if (!t.lineStartsWith(prefix)) {
                names = -1;
                continue;
            }
            int values = t.lineStart();
            if (names >= 0) {
                int k = column(t, names, name);
                t.toLine(values);
                if (k > 0 && t.next(k + 1)) {
                    return t.decimal();
                }
            }
            names = values;
        }
        return -1;
    }

    /** Which field of the line at {@code line} is {@code name} (the prefix is field 0), or -1. */
    private static int column(ProcText t, int line, String name) {
        t.toLine(line);
        t.next();
        for (int k = 1; t.next(); k++) {
            if (t.is(name)) {
                return k;
            }
        }
        return -1;
    }
}
