package io.omdprt.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway network for tests with real interfaces: an "exchange" network namespace, where the
 * simulator sends on a bridge {@code br0} (192.0.2.1, multicast snooping off, route 224.0.0.0/4), and
 * a "vendor" namespace, where the monitor receives line A on {@code vveA} and line B on {@code vveB},
 * each a veth pair to a bridge port ({@code vexA}, {@code vexB}). Addresses only from 192.0.2.0/24
 * (TEST-NET-1), IPv6 off; nothing is created in, or sent on, the host's own namespace, and nothing of
 * the host (interfaces, routes, sysctls) is read or changed. Namespaces are named
 * {@code omd-PID-N-ex/-ve/-sp}: {@link #close} deletes them (and with them every interface), a JVM
 * shutdown hook does if a test dies, and each new rig first deletes those of PIDs no longer alive.
 *
 * <p>Needs root (CAP_SYS_ADMIN, CAP_NET_ADMIN) and iproute2: without them a test is skipped with a
 * message, or fails under CI=true (see {@link ExternalTool}).
 */
public final class NetnsRig implements AutoCloseable {
    public static final String GROUP_A = "239.192.16.1";
    public static final String GROUP_B = "239.192.16.2";
    public static final int PORT = 51616;
    public static final String TOKEN = "rig-window-token";
    private static final Pattern OURS = Pattern.compile("omd-(\\d+)-\\d+-(ex|ve|sp)");
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Set<NetnsRig> OPEN = ConcurrentHashMap.newKeySet();
    private static final Thread HOOK = new Thread(() -> OPEN.forEach(NetnsRig::deleteQuietly), "netns-rig-cleanup");

    static {
        Runtime.getRuntime().addShutdownHook(HOOK);
    }

    public final String ex;
    public final String ve;
    private final String spare;
    private final boolean sourceOutsideRoute;

    private NetnsRig(boolean sourceOutsideRoute) {
        String base = "omd-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
        this.ex = base + "-ex";
        this.ve = base + "-ve";
        this.spare = base + "-sp";
        this.sourceOutsideRoute = sourceOutsideRoute;
    }

    /** A rig where sender and receivers share 192.0.2.0/24. */
    public static NetnsRig create() throws Exception {
        return create(false);
    }

    /**
     * @param sourceOutsideRoute the sender is 192.0.2.129/25 and the receivers 192.0.2.2-3/25: the vendor side has no
     *                           route back to the source (what rp_filter strict drops)
     */
    public static NetnsRig create(boolean sourceOutsideRoute) throws Exception {
        ExternalTool.require("ip", "iproute2");
        ExternalTool.require("tc", "iproute2");
        deleteStale();
        NetnsRig rig = new NetnsRig(sourceOutsideRoute);
        ExternalTool.Result probe = ExternalTool.run(List.of("ip", "netns", "add", rig.ex), null, 20);
        if (probe.exitCode() != 0) {
            String message = "network namespaces cannot be created here (needs root: CAP_SYS_ADMIN and CAP_NET_ADMIN): "
                    + probe.output().trim();
            if (ExternalTool.underCi()) {
                fail(message + " and CI=true, so this test may not be skipped");
            }
            Assumptions.abort("SKIPPED: " + message);
        }
        OPEN.add(rig);
        try {
            rig.build();
        } catch (Exception | AssertionError e) {
            rig.close();
            throw e;
        }
        return rig;
    }

    private void build() throws Exception {
        ip("netns", "add", ve);
        ip("netns", "add", spare);
        for (String ns : List.of(ex, ve)) {
            ip("-n", ns, "link", "set", "lo", "up");
            sysctl(ns, "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        }
        ip("-n", ex, "link", "add", "br0", "type", "bridge", "mcast_snooping", "0");
        ip("-n", ex, "addr", "add", sourceOutsideRoute ? "192.0.2.129/25" : "192.0.2.1/24", "dev", "br0");
        ip("-n", ex, "link", "set", "br0", "up");
        ip("-n", ex, "route", "add", "224.0.0.0/4", "dev", "br0");
        pair("A");
        pair("B");
    }

    /** The sender's address (what a source-specific line names). */
    public String source() {
        return sourceOutsideRoute ? "192.0.2.129" : "192.0.2.1";
    }

    /** Line L's veth pair: vexL a port of br0 in the exchange, vveL with its address and a multicast route in the vendor. */
    private void pair(String line) throws Exception {
        ip("link", "add", "vex" + line, "netns", ex, "type", "veth", "peer", "name", "vve" + line, "netns", ve);
        ip("-n", ex, "link", "set", "vex" + line, "master", "br0");
        ip("-n", ex, "link", "set", "vex" + line, "up");
        vendorSide(line);
    }

    private void vendorSide(String line) throws Exception {
        String dev = "vve" + line;
        String host = line.equals("A") ? "2" : "3";
        ip("-n", ve, "addr", "add", "192.0.2." + host + (sourceOutsideRoute ? "/25" : "/24"), "dev", dev);
        ip("-n", ve, "link", "set", dev, "up");
        ip("-n", ve, "route", "add", "224.0.0.0/4", "dev", dev, "metric", line.equals("A") ? "10" : "20");
    }

    // ---- faults --------------------------------------------------------------------------------------------------

    /** The receiving interface of a line, administratively down (its peer loses carrier: nothing arrives). */
    public void linkDown(String line) throws Exception {
        ip("-n", ve, "link", "set", "vve" + line, "down");
    }

    public void linkUp(String line) throws Exception {
        ip("-n", ve, "link", "set", "vve" + line, "up");
    }

    /** Deletes line L's veth pair (the receiving interface with it), then, after {@code gone}, creates it again: a new ifindex. */
    public void recreate(String line, Duration gone) throws Exception {
        ip("-n", ve, "link", "del", "vve" + line);
        Thread.sleep(gone.toMillis()); // the length of the fault itself
        pair(line);
    }

    /**
     * Line L's group membership lost while its interface stays (same ifindex): the interface is moved to a
     * spare namespace and back at once, and given its address again. The kernel drops every membership of
     * an interface that leaves a namespace; no IGMP snooping or querier is involved.
     */
    public void loseMembership(String line) throws Exception {
        ip("-n", ve, "link", "set", "vve" + line, "netns", spare);
        ip("-n", spare, "link", "set", "vve" + line, "netns", ve);
        vendorSide(line);
    }

    /** A token bucket on the sending side of line L (the bridge port towards it): bursts beyond it are dropped upstream. */
    public void rateLimit(String line, String rate, String burst) throws Exception {
        exec(ex, "tc", "qdisc", "add", "dev", "vex" + line, "root", "tbf", "rate", rate, "burst", burst, "latency", "1ms");
    }

    public void removeRateLimit(String line) throws Exception {
        exec(ex, "tc", "qdisc", "del", "dev", "vex" + line, "root");
    }

    /** What the token bucket of line L passed and dropped: {sent packets, dropped packets}. */
    public long[] rateLimitStats(String line) throws Exception {
        String out = exec(ex, "tc", "-s", "qdisc", "show", "dev", "vex" + line);
        Matcher m = Pattern.compile("(?s)qdisc tbf .*?Sent \\d+ bytes (\\d+) pkt \\(dropped (\\d+)").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no tbf statistics: " + out);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    /** rp_filter strict (1) on the vendor side: all, default and both receiving interfaces. */
    public void rpFilterStrict() throws Exception {
        sysctl(ve, "net.ipv4.conf.all.rp_filter=1", "net.ipv4.conf.default.rp_filter=1", "net.ipv4.conf.vveA.rp_filter=1",
                "net.ipv4.conf.vveB.rp_filter=1");
    }

    /** A sysctl of one of the rig's namespaces (per-namespace settings only: net.ipv4.conf.*, net.ipv4.igmp_*). */
    public void sysctl(String ns, String... settings) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sysctl", "-q", "-w"));
        cmd.addAll(List.of(settings));
        exec(ns, cmd.toArray(new String[0]));
    }

    /** The drops column of the vendor side's /proc/net/udp for sockets bound to a port, summed. */
    public long socketDrops(int port) throws Exception {
        long sum = 0;
        String hexPort = String.format(":%04X", port);
        for (String l : exec(ve, "cat", "/proc/net/udp").split("\n")) {
            String[] f = l.trim().split("\\s+");
            if (f.length >= 13 && f[1].endsWith(hexPort)) {
                sum += Long.parseLong(f[12]);
            }
        }
        return sum;
    }

    // ---- processes -----------------------------------------------------------------------------------------------

    public List<String> in(String ns) {
        return List.of("ip", "netns", "exec", ns);
    }

    /**
     * Writes {@code monitor.yaml} (line A on vveA, line B on vveB) and {@code sim.yaml} (the same lines, sent on br0)
     * into {@code dir}, with stale-after 3 s.
     *
     * @param extra      more top-level YAML for the monitor (e.g. a receiver section)
     * @param lineExtra  more keys of both lines (e.g. ", source: 192.0.2.1")
     */
    public void writeConfigs(Path dir, String extra, String lineExtra) throws IOException {
        String header = "instance: rig\n"
                + "http: { bind: 127.0.0.1, port: 0, window-token: " + TOKEN + " }\n"
                + "liveness: { heartbeat-interval: 300ms, stale-after: 3s, check-interval: 20ms }\n"
                + "arbitration: { wait: 100ms }\n"
                + "journal: { dir: " + dir.resolve("journal") + " }\n"
                + "reports: { dir: " + dir.resolve("reports") + " }\n";
        String feed = "feeds:\n  - name: f\n    protocol: omd-c\n    channels:\n      - id: 1\n        lines:\n";
        String a = "          - { name: A, group: " + GROUP_A + ", port: " + PORT;
        String b = "          - { name: B, group: " + GROUP_B + ", port: " + PORT;
        Files.writeString(dir.resolve("monitor.yaml"), header + extra + feed + a + ", interface: vveA" + lineExtra + " }\n"
                + b + ", interface: vveB" + lineExtra + " }\n");
        Files.writeString(dir.resolve("sim.yaml"), header + feed.replace("protocol: omd-c\n", "protocol: omd-c\n    interface: br0\n")
                + a + " }\n" + b + " }\n");
    }

    /** The monitor in the vendor namespace. */
    public MonitorProcess monitor(Path dir, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("monitor", "--config", dir.resolve("monitor.yaml").toString()));
        args.addAll(List.of(extra));
        return MonitorProcess.startIn(in(ve), dir.resolve("monitor.log"), args.toArray(new String[0]));
    }

    /** The simulator in the exchange namespace, clean traffic on br0 with TTL 1 (the TTL matters only inside the rig). */
    public Process simulate(Path dir, Duration duration, int rate) throws IOException {
        List<String> cmd = MonitorProcess.command(in(ex), "simulate", "--config", dir.resolve("sim.yaml").toString(), "--duration",
                duration.toSeconds() + "s", "--rate", Integer.toString(rate), "--interface", "br0", "--ttl", "1",
                "--allow-non-loopback", "--truth-out", dir.resolve("truth.json").toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("sim.log").toFile()).start();
    }

    /** A command inside one of the rig's namespaces; its output, or an assertion error with it. */
    public String exec(String ns, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(in(ns));
        cmd.addAll(List.of(command));
        ExternalTool.Result r = ExternalTool.run(cmd, null, 30);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " exited " + r.exitCode() + ": " + r.output());
        }
        return r.output();
    }

    /** GET of the monitor's HTTP port, from inside the vendor namespace (curl). */
    public String http(int port, String path) throws Exception {
        ExternalTool.require("curl", "curl");
        return exec(ve, "curl", "-s", "--max-time", "5", "http://127.0.0.1:" + port + path);
    }

    /** Opens an ad-hoc window on the monitor (its partial report is written when the monitor stops). */
    public void openWindow(int port, String name) throws Exception {
        ExternalTool.require("curl", "curl");
        String out = exec(ve, "curl", "-s", "--max-time", "5", "-X", "POST", "-H", "Authorization: Bearer " + TOKEN, "-d",
                "{\"action\":\"open\",\"name\":\"" + name + "\"}", "http://127.0.0.1:" + port + "/api/windows");
        if (!out.contains(name)) {
            throw new AssertionError("window not opened: " + out);
        }
    }

    private static void ip(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        ExternalTool.Result r = ExternalTool.run(cmd, null, 30);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " exited " + r.exitCode() + ": " + r.output());
        }
    }

    // ---- teardown ------------------------------------------------------------------------------------------------

    @Override
    public void close() {
        deleteQuietly(this);
        OPEN.remove(this);
    }

    private static void deleteQuietly(NetnsRig rig) {
        for (String ns : List.of(rig.ex, rig.ve, rig.spare)) {
            deleteNamespace(ns);
        }
    }

    private static void deleteNamespace(String ns) {
        try {
            ExternalTool.run(List.of("ip", "netns", "del", ns), null, 20);
        } catch (IOException e) {
            // best effort: the stale sweep of the next rig retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes the rig namespaces of test JVMs that are gone (killed before their hook ran). */
    static void deleteStale() throws Exception {
        ExternalTool.Result list = ExternalTool.run(List.of("ip", "netns", "list"), null, 20);
        for (String line : list.output().split("\n")) {
            String name = line.trim().split("\\s+")[0];
            Matcher m = OURS.matcher(name);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false) == false) {
                deleteNamespace(name);
            }
        }
    }
}
