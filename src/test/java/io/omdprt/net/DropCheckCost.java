package io.omdprt.net;

import io.omdprt.time.MonitorClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU time, kernel's included, of the recorder's drop checks against this host's real /proc files (not a
 * test): with SOCKETS IPv4 UDP sockets open on 127.0.0.1, every 100 ms the drops of each (as
 * {@link Receiver#kernelDrops} asks {@link DropCounterCache}), for SECONDS of wall time; once with no
 * /proc/net/snmp to look at (/proc/net/udp read at every 200 ms check, as before the gate), once with it.
 *
 * <p>Run, after {@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test}:
 * {@code java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp target/classes:target/test-classes:$(cat /tmp/cp.txt)
 * io.omdprt.net.DropCheckCost [sockets [seconds]]} (default 400 5).
 */
public final class DropCheckCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long sink;

    private DropCheckCost() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<DatagramChannel> open = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                open.add(DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0)));
            }
            long[] inodes = socketInodes();
            System.out.printf(Locale.ROOT, "%d sockets of this process, /proc/net/udp has %d%n", inodes.length,
                    Files.readAllLines(ProcNetUdp.DEFAULT).size() - 1);
            MonitorClock clock = MonitorClock.system();
            Path noSnmp = Path.of("/nonexistent/snmp");
            run("warm-up, no snmp", new DropCounterCache(ProcNetUdp.DEFAULT, noSnmp, clock), inodes, 1);
            run("warm-up, snmp", new DropCounterCache(ProcNetUdp.DEFAULT, DropCounterCache.SNMP, clock), inodes, 1);
            run("baseline: the ticks' sleeps alone", () -> sink++, seconds);
            ProcText text = new ProcText();
            perCall("  /proc/net/udp read and parsed", () -> sink = ProcNetUdp.read(ProcNetUdp.DEFAULT, text).size());
            perCall("  /proc/net/snmp read, two counters parsed", () -> sink = KernelNetstat.counter(text.read(DropCounterCache.SNMP), "Udp:", "InErrors")
                    + KernelNetstat.counter(text, "Udp:", "RcvbufErrors"));
            run("before: /proc/net/udp at every check", new DropCounterCache(ProcNetUdp.DEFAULT, noSnmp, clock), inodes, seconds);
            run("after: /proc/net/snmp gate", new DropCounterCache(ProcNetUdp.DEFAULT, DropCounterCache.SNMP, clock), inodes, seconds);
            run("  the same, one line asked a tick", new DropCounterCache(ProcNetUdp.DEFAULT, DropCounterCache.SNMP, clock),
                    new long[] {inodes[0]}, seconds);
        } finally {
            for (DatagramChannel c : open) {
                c.close();
            }
        }
    }

    private static void run(String what, DropCounterCache cache, long[] inodes, int seconds) throws InterruptedException {
        run(what, () -> {
            long sum = 0;
            for (long inode : inodes) {
                sum += cache.drops(inode);
            }
            sink = sum;
        }, seconds);
    }

    private static void run(String what, Runnable tick, int seconds) throws InterruptedException {
        long snmp0 = udpErrors();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int ticks = seconds * 10;
        for (int t = 0; t < ticks; t++) {
            tick.run();
            long next = start + (t + 1) * 100_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-40s %8.1f us CPU per second (%d ticks in %.2f s; Udp InErrors moved by %d meanwhile)%n",
                what, cpu / 1e3 / wall, ticks, wall, udpErrors() - snmp0);
    }

    private static void perCall(String what, ThrowingRunnable work) throws Exception {
        int n = 500;
        for (int i = 0; i < n; i++) {
            work.run();
        }
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            work.run();
        }
        System.out.printf(Locale.ROOT, "%-40s %8.1f us CPU per call%n", what, (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e3 / n);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static long udpErrors() {
        try {
            return KernelNetstat.counter(new ProcText().read(DropCounterCache.SNMP), "Udp:", "InErrors");
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static long[] socketInodes() throws Exception {
        List<Long> out = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        out.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (java.io.IOException e) {
                    // closed meanwhile
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
