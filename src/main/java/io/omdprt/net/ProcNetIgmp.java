package io.omdprt.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernel's IPv4 multicast memberships per interface, from /proc/net/igmp:
 * <pre>
 * Idx Device    : Count Querier   Group    Users Timer    Reporter
 * 2   eth1      :     2      V3
 *                 010101EF     1 0:00000000     0
 * 3   enp3s0f0.100:     1      V3
 * </pre>
 * Groups are the address in network order printed as a host-order hex word (so 239.1.1.1 reads
 * 010101EF on little-endian hosts). Querier is the IGMP version the interface speaks (V1, V2, V3).
 */
public final class ProcNetIgmp {
    public static final Path DEFAULT = Path.of("/proc/net/igmp");

    /** One interface's memberships and IGMP version. */
    public static final class Device {
        private final String name;
        private final String querier;
        private int[] groups = new int[16];
        private int count;

        private Device(String name, String querier) {
            this.name = name;
            this.querier = querier;
        }

        public String name() {
            return name;
        }

        public String querier() {
            return querier;
        }

        /** Whether an IPv4 group is joined here. */
        public boolean joined(InetAddress group) {
            return joined(word(group));
        }

        /** Whether the group of this {@link #word} is joined here. */
        public boolean joined(long word) {
            return word >= 0 && Arrays.binarySearch(groups, 0, count, (int) word) >= 0;
        }

        private void add(int word) {
            if (count == groups.length) {
                groups = Arrays.copyOf(groups, count * 2);
            }
            groups[count++] = word;
        }
    }

    private ProcNetIgmp() {
    }

    public static boolean available() {
        return Files.isReadable(DEFAULT);
    }

    /** An IPv4 group as the file writes it (its address read in host order), or -1 for any other address. */
    public static long word(InetAddress group) {
        if (!(group instanceof Inet4Address)) {
            return -1;
        }
        return ByteBuffer.wrap(group.getAddress()).order(ByteOrder.nativeOrder()).getInt() & 0xFFFFFFFFL;
    }

    /** By interface name; empty when the file cannot be read. */
    public static Map<String, Device> read(Path file) {
        return read(file, new ProcText());
    }

    /** Read into {@code buffer}, which is kept for the next read. */
    static Map<String, Device> read(Path file, ProcText buffer) {
        try {
            return parse(buffer.read(file));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    static Map<String, Device> parse(ProcText t) {
        Map<String, Device> out = new HashMap<>();
        Device current = null;
        t.rewind();
        t.nextLine();
        while (t.nextLine()) {
            if (t.blank()) {
                continue;
            }
            if (!t.indented()) {
                current = null;
                String name = t.next(2) ? deviceName(t) : null;
                if (name != null && t.next(2)) {
                    current = new Device(name, t.string());
                    out.put(name, current);
                }
                continue;
            }
            if (current != null && t.next() && t.end() - t.start() == 8) {
                long word = t.hex();
                if (word >= 0) {
                    current.add((int) word);
                }
            }
        }
        for (Device d : out.values()) {
            Arrays.sort(d.groups, 0, d.count);
        }
        return out;
    }

    /**
     * The name of {@code Idx Device : Count Querier}, after it its ':'; or null. The kernel pads the
     * name to 10 characters ({@code %-10s:}), so a longer one runs into the ':' (a name has none of its own).
     */
    private static String deviceName(ProcText t) {
        int colon = t.indexOf(':');
        if (colon < 0) {
            String name = t.string();
            return t.next() && t.is(":") ? name : null;
        }
        return colon == t.end() - 1 && colon > t.start() ? t.string(t.start(), colon) : null;
    }
}
