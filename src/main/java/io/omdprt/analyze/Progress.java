package io.omdprt.analyze;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How far the analysis of a file has got, on stderr about once a second: percent of its bytes and
 * packets per second. Shown for big files, or for any file when stderr is a terminal (then on one
 * line, rewritten in place).
 */
public final class Progress {
    /** Shows nothing. */
    public static final Progress NONE = new Progress(null, false, Long.MAX_VALUE);
    /** Files from this size on are big enough to report on even into a log. */
    public static final long BIG_FILE_BYTES = 256L << 20;
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long bigFileBytes;
    private boolean showing;
    private String name;
    private long size;
    private long startNanos;
    private long lastNanos;
    private long lastPackets;
    private boolean printed;

    Progress(PrintStream out, boolean terminal, long bigFileBytes) {
        this.out = out;
        this.terminal = terminal;
        this.bigFileBytes = bigFileBytes;
    }

    /** To stderr; in place when stderr is a terminal. */
    public static Progress toStderr() {
        return new Progress(System.err, stderrIsTerminal(), BIG_FILE_BYTES);
    }

    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A file begins. */
    void start(String fileName, long fileSize, long nowNanos) {
        showing = out != null && (terminal || fileSize >= bigFileBytes);
        name = fileName;
        size = Math.max(1, fileSize);
        startNanos = nowNanos;
        lastNanos = nowNanos;
        lastPackets = 0;
        printed = false;
    }

    /** Cheap enough to call often: prints only when a second has passed since the last line. */
    void update(long bytesRead, long packets, long nowNanos) {
        if (!showing || nowNanos - lastNanos < INTERVAL_NANOS) {
            return;
        }
        double rate = (packets - lastPackets) / ((nowNanos - lastNanos) / 1e9);
        out.print(String.format(Locale.ROOT, "%s%s: %3.0f%% of %s, %.2f M packets/s%s", terminal ? "\r" : "", name,
                100.0 * bytesRead / size, Sizes.bytes(size), rate / 1e6, terminal ? "   " : "\n"));
        out.flush();
        printed = true;
        lastNanos = nowNanos;
        lastPackets = packets;
    }

    /** The file is done (or reading it failed): a terminal's progress line is finished with where it ended. */
    void done(long bytesRead, long packets, long nowNanos) {
        if (showing && printed && terminal) {
            double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
            out.print(String.format(Locale.ROOT, "\r%s: %3.0f%% of %s, %.2f M packets/s%n", name, 100.0 * bytesRead / size,
                    Sizes.bytes(size), packets / seconds / 1e6));
            out.flush();
        }
    }
}
