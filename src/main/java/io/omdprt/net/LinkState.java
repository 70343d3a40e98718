package io.omdprt.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A network interface as the kernel shows it in {@code /sys/class/net/IF/}: present or not, its
 * ifindex, IFF_UP / IFF_MULTICAST flags, operstate and carrier. Read in a few microseconds, from any
 * thread; never throws (an absent or unreadable interface is {@link #absent}).
 */
public record LinkState(String name, boolean present, int ifindex, long flags, String operstate, boolean carrier) {
    public static final Path SYS_CLASS_NET = Path.of("/sys/class/net");
    static final long IFF_UP = 0x1;
    static final long IFF_LOOPBACK = 0x8;
    static final long IFF_MULTICAST = 0x1000;

    public static LinkState absent(String name) {
        return new LinkState(name, false, -1, 0, "absent", false);
    }

    /** Whether this host exposes interfaces this way (Linux). */
    public static boolean available(Path root) {
        return Files.isDirectory(root);
    }

    public static LinkState read(Path root, String name) {
        return read(root, name, new ProcText());
    }

    /** Read with {@code buffer}, which is kept for the next read. */
    static LinkState read(Path root, String name, ProcText buffer) {
        Path dir = root.resolve(name);
        try {
            int index = Integer.parseInt(first(dir.resolve("ifindex"), buffer));
            long flags = Long.decode(first(dir.resolve("flags"), buffer));
            String oper = first(dir.resolve("operstate"), buffer);
            boolean carrier;
            try {
                carrier = "1".equals(first(dir.resolve("carrier"), buffer));
            } catch (IOException notUp) {
                carrier = false; // reading carrier of an interface that is administratively down fails with EINVAL
            }
            return new LinkState(name, true, index, flags, oper, carrier);
        } catch (IOException | RuntimeException e) {
            return absent(name);
        }
    }

    private static String first(Path file, ProcText buffer) throws IOException {
        return buffer.read(file).nextLine() ? buffer.trimmedLine() : "";
    }

    public boolean adminUp() {
        return (flags & IFF_UP) != 0;
    }

    public boolean multicast() {
        return (flags & IFF_MULTICAST) != 0;
    }

    /** Present, administratively up, with carrier and an operstate that lets traffic through (lo says "unknown"). */
    public boolean up() {
        return present && adminUp() && carrier && ("up".equals(operstate) || "unknown".equals(operstate));
    }

    /** Why it is not up, in words ("absent", "down", "no carrier"), or "up". */
    public String why() {
        if (!present) {
            return "absent";
        }
        if (!adminUp()) {
            return "down";
        }
        if (!carrier) {
            return "no carrier";
        }
        return up() ? "up" : "operstate " + operstate;
    }
}
