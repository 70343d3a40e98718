package io.omdprt.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kernel's IPv4 multicast memberships per interface, from /proc/net/igmp:
 * <pre>
 * Idx Device    : Count Querier   Group    Users Timer    Reporter
 * 2   eth1      :     2      V3
 *                 010101EF     1 0:00000000     0
 * </pre>
 * Groups are the address in network order printed as a host-order hex word (so 239.1.1.1 reads
 * 010101EF on little-endian hosts). Querier is the IGMP version the interface speaks (V1, V2, V3).
 */
public final class ProcNetIgmp {
    public static final Path DEFAULT = Path.of("/proc/net/igmp");

    /** One interface's memberships and IGMP version. */
    public record Device(String name, String querier, Set<InetAddress> groups) {
    }

    private ProcNetIgmp() {
    }

    public static boolean available() {
        return Files.isReadable(DEFAULT);
    }

    /** By interface name; empty when the file cannot be read. */
    public static Map<String, Device> read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    public static Map<String, Device> parse(List<String> lines) {
        Map<String, Device> out = new HashMap<>();
        Device current = null;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                String[] f = line.trim().split("\\s+");
                // Idx Device : Count Querier
                if (f.length >= 5 && ":".equals(f[2])) {
                    current = new Device(f[1], f[4], new HashSet<>());
                    out.put(f[1], current);
                } else {
                    current = null;
                }
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (current != null && f.length >= 1 && f[0].length() == 8) {
                try {
                    int raw = (int) Long.parseLong(f[0], 16);
                    byte[] b = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(raw).array();
                    current.groups().add(Inet4Address.getByAddress(b));
                } catch (NumberFormatException | UnknownHostException e) {
                    // a line in an unexpected format is skipped
                }
            }
        }
        return out;
    }
}
