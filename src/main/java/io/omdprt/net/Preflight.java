package io.omdprt.net;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.FeedConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What this host must provide for the configured lines to be received, checked before joining: per
 * receiving interface that it exists, is up, has an IPv4 address and the MULTICAST flag, what
 * rp_filter does to multicast from the feed's source, the IGMP version it speaks; for the host the
 * receive buffer limit, the membership limit and whether the clock is synchronised. Each check is
 * OK, WARN or FAIL with the exact remedy. Reads only (sysfs, procfs, the interface list); never throws.
 */
public final class Preflight {
    public enum Result { OK, WARN, FAIL }

    /** @param iface the interface, or "*" for a host-wide check */
    public record Check(String check, String iface, Result result, String detail, String remedy) {
    }

    /** Where the kernel's settings are read (tests point them elsewhere). */
    public record Sources(Path sysClassNet, Path procSys, Path igmp, Path route, Path netstat, Path timesyncFlag,
                          boolean askTimedatectl) {
        public static final Sources LINUX = new Sources(LinkState.SYS_CLASS_NET, Path.of("/proc/sys"), ProcNetIgmp.DEFAULT,
                Path.of("/proc/net/route"), KernelNetstat.DEFAULT, Path.of("/run/systemd/timesync/synchronized"), true);
    }

    private Preflight() {
    }

    public static boolean anyFailed(List<Check> checks) {
        return checks.stream().anyMatch(c -> c.result() == Result.FAIL);
    }

    public static List<Check> run(MonitorConfig config, Sources src) {
        List<Check> out = new ArrayList<>();
        Map<String, List<LineConfig>> byInterface = new LinkedHashMap<>();
        for (FeedConfig f : config.feeds()) {
            for (ChannelConfig c : f.channels()) {
                for (LineConfig l : c.lines()) {
                    byInterface.computeIfAbsent(nameOf(l.interfaceName()), k -> new ArrayList<>()).add(l);
                }
            }
        }
        long rpDrops = KernelNetstat.reversePathFilterDrops(src.netstat());
        Map<String, ProcNetIgmp.Device> igmp = ProcNetIgmp.read(src.igmp());
        for (Map.Entry<String, List<LineConfig>> e : byInterface.entrySet()) {
            interfaceChecks(e.getKey(), e.getValue(), src, rpDrops, igmp, out);
        }
        long rmemMax = number(src.procSys().resolve("net/core/rmem_max"));
        int wanted = config.receiver().receiveBuffer();
        if (rmemMax < 0) {
            out.add(new Check("rmem_max", "*", Result.WARN, "net.core.rmem_max not readable here: the buffer granted is in "
                    + "omd_socket_receive_buffer_bytes", "cat /proc/sys/net/core/rmem_max"));
        } else if (rmemMax < wanted) {
            out.add(new Check("rmem_max", "*", Result.WARN, String.format(Locale.ROOT, "net.core.rmem_max is %d: each socket gets at "
                    + "most that, not receiver.receive-buffer %d (bursts are dropped sooner)", rmemMax, wanted),
                    "sysctl -w net.core.rmem_max=" + wanted + "   (and the same line in /etc/sysctl.d/90-omd.conf)"));
        } else {
            out.add(new Check("rmem_max", "*", Result.OK, "net.core.rmem_max " + rmemMax + " >= receiver.receive-buffer " + wanted, ""));
        }
        long maxMemberships = number(src.procSys().resolve("net/ipv4/igmp_max_memberships"));
        if (maxMemberships < 0) {
            out.add(new Check("igmp_max_memberships", "*", Result.WARN, "not readable here", "cat /proc/sys/net/ipv4/igmp_max_memberships"));
        } else if (maxMemberships < 1) {
            out.add(new Check("igmp_max_memberships", "*", Result.FAIL, "net.ipv4.igmp_max_memberships is " + maxMemberships
                    + ": a socket cannot join even the 1 group each line joins", "sysctl -w net.ipv4.igmp_max_memberships=20"));
        } else {
            out.add(new Check("igmp_max_memberships", "*", Result.OK, "each line's socket joins 1 group; limit " + maxMemberships
                    + " per socket", ""));
        }
        out.add(clock(src));
        return Collections.unmodifiableList(out);
    }

    /** An interface named by address in the config, by its name here; otherwise the name itself. */
    public static String nameOf(String configured) {
        try {
            InetAddress address = ConfigLoader.parseIpv4Literal(configured);
            if (address != null) {
                NetworkInterface ni = NetworkInterface.getByInetAddress(address);
                return ni == null ? configured : ni.getName();
            }
        } catch (SocketException | RuntimeException e) {
            return configured;
        }
        return configured;
    }

    private static void interfaceChecks(String name, List<LineConfig> lines, Sources src, long rpDrops,
                                        Map<String, ProcNetIgmp.Device> igmp, List<Check> out) {
        LinkState link = LinkState.read(src.sysClassNet(), name);
        if (!link.present()) {
            out.add(new Check("exists", name, Result.FAIL, "no interface " + name + " on this host",
                    "ip -br link   (then fix 'interface:' in the config, or create the interface)"));
            return;
        }
        out.add(new Check("exists", name, Result.OK, "ifindex " + link.ifindex(), ""));
        if (!link.adminUp()) {
            out.add(new Check("up", name, Result.FAIL, name + " is administratively down", "ip link set dev " + name + " up"));
        } else if (!link.up()) {
            out.add(new Check("up", name, Result.FAIL, name + " is up but has no carrier (operstate " + link.operstate() + ")",
                    "check the cable, the switch port and the peer: ip link show " + name));
        } else {
            out.add(new Check("up", name, Result.OK, "up, carrier", ""));
        }
        String ipv4 = ipv4Of(name);
        out.add(ipv4 == null ? new Check("ipv4", name, Result.FAIL, name + " has no IPv4 address: IGMP cannot be spoken on it",
                "ip addr add ADDRESS/PREFIX dev " + name) : new Check("ipv4", name, Result.OK, ipv4, ""));
        boolean loopback = (link.flags() & LinkState.IFF_LOOPBACK) != 0;
        out.add(link.multicast() || loopback ? new Check("multicast", name, Result.OK, loopback && !link.multicast()
                ? "loopback: multicast is delivered without the MULTICAST flag" : "MULTICAST flag set", "")
                : new Check("multicast", name, Result.FAIL, name + " has the MULTICAST flag off", "ip link set dev " + name + " multicast on"));
        out.add(rpFilter(name, lines, src, rpDrops));
        out.add(igmpVersion(name, lines, src, igmp));
    }

    private static String ipv4Of(String name) {
        try {
            NetworkInterface ni = NetworkInterface.getByName(name);
            if (ni == null) {
                return null;
            }
            return ni.inetAddresses().filter(a -> a instanceof Inet4Address).map(InetAddress::getHostAddress).findFirst().orElse(null);
        } catch (SocketException e) {
            return null;
        }
    }

    private static Check rpFilter(String name, List<LineConfig> lines, Sources src, long rpDrops) {
        long all = number(src.procSys().resolve("net/ipv4/conf/all/rp_filter"));
        long dflt = number(src.procSys().resolve("net/ipv4/conf/default/rp_filter"));
        long own = number(src.procSys().resolve("net/ipv4/conf/" + name + "/rp_filter"));
        long effective = Math.max(all, own);
        String values = String.format(Locale.ROOT, "all=%d default=%d %s=%d, effective %d", all, dflt, name, own, effective);
        String drops = rpDrops > 0 ? "; IPReversePathFilter: " + rpDrops + " datagrams dropped on this host so far" : "";
        String remedy = "sysctl -w net.ipv4.conf.all.rp_filter=2 net.ipv4.conf." + name + ".rp_filter=2   (loose), or a route to the"
                + " feed's source via " + name + ": ip route add SOURCE/PREFIX dev " + name;
        List<String> unrouted = new ArrayList<>();
        List<String> noRoute = new ArrayList<>();
        for (LineConfig l : lines) {
            if (l.source() != null) {
                String via = routeInterface(src.route(), l.source());
                if (via == null) {
                    noRoute.add(l.source().getHostAddress());
                } else if (!via.equals(name)) {
                    unrouted.add(l.source().getHostAddress() + " (routed via " + via + ")");
                }
            }
        }
        if (effective == 1) {
            List<String> bad = new ArrayList<>(unrouted);
            bad.addAll(noRoute.stream().map(s -> s + " (no route)").toList());
            if (!bad.isEmpty() || rpDrops > 0) {
                return new Check("rp_filter", name, Result.FAIL, "strict (" + values + "): multicast from a source not routed back "
                        + "through " + name + " is dropped silently" + (bad.isEmpty() ? "" : "; sources: " + String.join(", ", bad))
                        + drops, remedy);
            }
            return new Check("rp_filter", name, Result.WARN, "strict (" + values + "): multicast from a source not routed back through "
                    + name + " is dropped silently (no source configured to verify)", remedy);
        }
        if (effective == 2 && !noRoute.isEmpty()) {
            return new Check("rp_filter", name, Result.FAIL, "loose (" + values + "): no route at all to " + String.join(", ", noRoute)
                    + ", so its multicast is dropped" + drops, "ip route add SOURCE/PREFIX dev " + name);
        }
        if (rpDrops > 0) {
            return new Check("rp_filter", name, Result.WARN, (effective == 0 ? "off" : "loose") + " (" + values + ") on " + name
                    + drops + " (another interface's)", "sysctl -a 2>/dev/null | grep '\\.rp_filter'");
        }
        return new Check("rp_filter", name, Result.OK, (effective == 0 ? "off" : effective == 2 ? "loose: a source needs a route back on "
                + "any interface" : "value " + effective) + " (" + values + ")", "");
    }

    private static Check igmpVersion(String name, List<LineConfig> lines, Sources src, Map<String, ProcNetIgmp.Device> igmp) {
        long forced = number(src.procSys().resolve("net/ipv4/conf/" + name + "/force_igmp_version"));
        ProcNetIgmp.Device dev = igmp.get(name);
        String querier = dev == null ? "unknown" : dev.querier();
        boolean ssm = lines.stream().anyMatch(l -> l.source() != null);
        String detail = "force_igmp_version=" + forced + " (0 = as the network's querier), speaking " + querier;
        String remedy = "sysctl -w net.ipv4.conf." + name + ".force_igmp_version=0";
        boolean below3 = forced == 1 || forced == 2 || "V1".equals(querier) || "V2".equals(querier);
        if (ssm && below3) {
            return new Check("igmp_version", name, Result.FAIL, detail + ": the source-specific lines need IGMPv3",
                    remedy + "   (and an IGMPv3 querier on the network)");
        }
        if (forced == 1 || "V1".equals(querier)) {
            return new Check("igmp_version", name, Result.WARN, detail + ": IGMPv1 has no leave message", remedy);
        }
        return new Check("igmp_version", name, Result.OK, detail, "");
    }

    private static Check clock(Sources src) {
        String remedy = "timedatectl set-ntp true   (or run chrony / ptp4l); latency is receive time minus HKEX's SendTime";
        if (Files.exists(src.timesyncFlag())) {
            return new Check("clock", "*", Result.OK, "synchronised (systemd-timesyncd: " + src.timesyncFlag() + ")", "");
        }
        if (src.askTimedatectl() && ExternalTools.onPath("timedatectl")) {
            String answer = ExternalTools.output(List.of("timedatectl", "show", "-p", "NTPSynchronized", "--value"), 2);
            if ("yes".equals(answer)) {
                return new Check("clock", "*", Result.OK, "synchronised (timedatectl NTPSynchronized=yes)", "");
            }
            if ("no".equals(answer)) {
                return new Check("clock", "*", Result.WARN, "not synchronised (timedatectl NTPSynchronized=no): feed latency is "
                        + "meaningless", remedy);
            }
        }
        return new Check("clock", "*", Result.WARN, "synchronisation state unknown (no systemd-timesyncd flag, no answer from "
                + "timedatectl): check chronyc tracking or your PTP daemon", remedy);
    }

    /** The interface of the longest-prefix route to an address in /proc/net/route (main table), or null. */
    static String routeInterface(Path routeFile, InetAddress address) {
        ProcText t;
        try {
            t = new ProcText().read(routeFile);
        } catch (IOException e) {
            return null;
        }
        int target = ByteBuffer.wrap(address.getAddress()).order(ByteOrder.nativeOrder()).getInt();
        String best = null;
        int bestBits = -1;
        t.nextLine();
        while (t.nextLine()) {
            // Iface Destination Gateway Flags RefCnt Use Metric Mask
            if (!t.next()) {
                continue;
            }
            String iface = t.string();
            if (!t.next()) {
                continue;
            }
            long dest = t.hex();
            if (!t.next(6)) {
                continue;
            }
            long mask = t.hex();
            if (dest < 0 || mask < 0) {
                continue;
            }
            int bits = Integer.bitCount((int) mask);
            if ((target & (int) mask) == ((int) dest & (int) mask) && bits > bestBits) {
                best = iface;
                bestBits = bits;
            }
        }
        return best;
    }

    private static long number(Path file) {
        try {
            // Not Files.readString: procfs reports a size of 0 and some of its files then read short.
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Running a host tool with a deadline. */
    static final class ExternalTools {
        private ExternalTools() {
        }

        static boolean onPath(String name) {
            String path = System.getenv("PATH");
            if (path == null) {
                return false;
            }
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return true;
                }
            }
            return false;
        }

        static String output(List<String> command, long timeoutSeconds) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
                p.getOutputStream().close();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return null;
                }
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** Each check as one or two lines for a console: result, check, interface, detail, and the fix. */
    public static String format(List<Check> checks) {
        StringBuilder b = new StringBuilder();
        for (Check c : checks) {
            b.append(String.format(Locale.ROOT, "%-4s  %-20s %-10s %s%n", c.result(), c.check(), c.iface(), c.detail()));
            if (c.result() != Result.OK && !c.remedy().isEmpty()) {
                b.append(String.format(Locale.ROOT, "%-4s  %-20s %-10s fix: %s%n", "", "", "", c.remedy()));
            }
        }
        return b.toString();
    }
}
