package io.omdprt.net;

import io.omdprt.config.MonitorConfig;
import io.omdprt.model.ChannelSet;
import io.omdprt.testing.TestConfigs;
import io.omdprt.time.MonitorClock;
import io.omdprt.track.TrackerListener;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU time and bytes allocated by the monitor's background /proc and /sys readers (not a test): each
 * parser over synthetic files in the kernel's format (/proc/net/udp with 420 sockets, /proc/net/igmp
 * with 400 groups on one device, a copy of this host's /proc/net/netstat, a fake /sys/class/net/lo),
 * then with a receiver of CHANNELS x 2 loopback lines: the recorder's kernel drops of every line (one
 * tick with /proc/net/udp read again, one from the cached read) and one InterfaceWatcher poll over the
 * fake files. Figures are per call, from the thread's CPU clock and allocation counter.
 *
 * <p>Run, after {@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test}:
 * {@code java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp target/classes:target/test-classes:$(cat /tmp/cp.txt)
 * io.omdprt.net.ProcReadCost [iterations [channels]]} (default 3000 200).
 */
public final class ProcReadCost {
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String UDP_HEADER = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops";
    private static volatile Object sink;

    private ProcReadCost() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("omd-proc-cost");
        Path udp = Files.writeString(dir.resolve("udp"), udpText(420));
        Path igmp = Files.writeString(dir.resolve("igmp"), igmpText("lo", 1, groupWords(400)));
        Path netstat = Files.write(dir.resolve("netstat"), Files.readAllBytes(KernelNetstat.DEFAULT));
        Path sys = fakeSysClassNet(dir.resolve("sys"), "lo");

        ProcText buffer = new ProcText();
        measure("ProcNetUdp.read (420 sockets)", iterations, () -> sink = ProcNetUdp.read(udp, buffer));
        measure("ProcNetIgmp.read (400 groups)", iterations, () -> sink = ProcNetIgmp.read(igmp, buffer));
        measure("KernelNetstat.reversePathFilterDrops", iterations, () -> sink = KernelNetstat.reversePathFilterDrops(netstat, buffer));
        measure("LinkState.read (lo, fake sysfs)", iterations, () -> sink = LinkState.read(sys, "lo", buffer));
        measure("ProcNetUdp.read (/proc/net/udp, this host)", iterations, () -> sink = ProcNetUdp.read(ProcNetUdp.DEFAULT, buffer));
        measure("  the same, the file read only", iterations, () -> sink = buffer.read(ProcNetUdp.DEFAULT));
        ProcText udpText = ProcText.of(Files.readString(udp));
        measure("  ProcNetUdp.parse alone (420 sockets)", iterations, () -> sink = ProcNetUdp.parse(udpText));
        ProcText igmpText = ProcText.of(Files.readString(igmp));
        measure("  ProcNetIgmp.parse alone (400 groups)", iterations, () -> sink = ProcNetIgmp.parse(igmpText));

        MonitorConfig config = TestConfigs.loopback("", channels, false);
        AtomicLong monotonic = new AtomicLong(1);
        MonitorClock system = MonitorClock.system();
        MonitorClock clock = new MonitorClock() {
            @Override
            public long epochNanos() {
                return system.epochNanos();
            }

            @Override
            public long monotonicNanos() {
                return monotonic.get();
            }

            @Override
            public void sleep(long nanos) {
                system.sleep(nanos);
            }
        };
        ChannelSet set = ChannelSet.create(config, TrackerListener.NONE, clock.epochNanos());
        try (Receiver receiver = Receiver.start(config, set, clock)) {
            int lines = receiver.sockets().size();
            String[][] names = receiver.sockets().stream()
                    .map(s -> new String[] {s.channel().feedName(), s.channel().label(), s.line().name()}).toArray(String[][]::new);
            System.out.printf(Locale.ROOT, "receiver: %d lines (%s), /proc/net/udp has %d sockets%n", lines, receiver.transportName(),
                    Files.readAllLines(ProcNetUdp.DEFAULT).size() - 1);
            measure("kernelDrops x " + lines + ", /proc/net/udp read again", iterations / 10, () -> {
                monotonic.addAndGet(300_000_000L);
                dropsOfEveryLine(receiver, names);
            });
            measure("kernelDrops x " + lines + ", cached read", iterations / 10, () -> dropsOfEveryLine(receiver, names));
            measure("  /proc/net/udp read only", iterations / 10, () -> sink = buffer.read(ProcNetUdp.DEFAULT));

            Path watchedIgmp = Files.writeString(dir.resolve("igmp-watched"), igmpText("lo", 1, watchedGroups(receiver)));
            InterfaceWatcher watcher = new InterfaceWatcher(receiver, e -> {
                throw new AssertionError("no event expected: " + e);
            }, clock, new InterfaceWatcher.Sources(sys, watchedIgmp, netstat));
            watcher.poll();
            measure("InterfaceWatcher.poll (" + lines + " lines, fake files)", iterations / 10, watcher::poll);
            watcher.close();
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** As the recorder's tick asks: feed, channel and line names made once (its inventory). */
    private static void dropsOfEveryLine(Receiver receiver, String[][] lines) {
        long sum = 0;
        for (String[] l : lines) {
            sum += receiver.kernelDrops(l[0], l[1], l[2]);
        }
        sink = sum;
    }

    private static void measure(String what, int iterations, ThrowingRunnable work) throws Exception {
        long id = Thread.currentThread().getId();
        for (int i = 0; i < iterations; i++) {
            work.run();
        }
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long bytes0 = THREADS.getThreadAllocatedBytes(id);
        for (int i = 0; i < iterations; i++) {
            work.run();
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long bytes = THREADS.getThreadAllocatedBytes(id) - bytes0;
        System.out.printf(Locale.ROOT, "%-50s %9.1f us CPU %10d bytes per call (%d calls)%n", what, cpu / 1e3 / iterations,
                bytes / iterations, iterations);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** As the kernel writes it (udp4_format_sock): each line padded to 127 characters. */
    static String udpText(int sockets) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-127s%n", UDP_HEADER));
        for (int i = 0; i < sockets; i++) {
            int group = (239 & 0xFF) | (194 << 8) | ((i >> 8) << 16) | ((i & 0xFF) << 24);
            String line = String.format(Locale.ROOT, "%5d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08X %08X %5d %8d %d %d %016x %d",
                    (i * 37) % 16384, group, 51000 + i, 0, 0, 7, 0, i % 3 == 0 ? 0 : 768 * i, 0, 0, 0, 0, 0, 2_400_000L + i * 7L, 2,
                    0xffff8881c9d3a000L + i * 1024L, i % 5 == 0 ? 0 : i * 13);
            b.append(String.format(Locale.ROOT, "%-127s%n", line));
        }
        return b.toString();
    }

    /** As the kernel writes it (igmp_mc_seq_show): a device line, then one tab-indented line per group. */
    static String igmpText(String device, int index, int[] groups) {
        StringBuilder b = new StringBuilder("Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n");
        b.append(String.format(Locale.ROOT, "%d\t%-10s: %5d %7s%n", index, device, groups.length, "V3"));
        for (int g : groups) {
            b.append(String.format(Locale.ROOT, "\t\t\t\t%08X %5d %d:%08X\t\t%d%n", g, 1, 0, 0, 0));
        }
        return b.toString();
    }

    private static int[] groupWords(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = word(new byte[] {(byte) 239, (byte) 194, (byte) (i >> 8), (byte) i});
        }
        return out;
    }

    private static int[] watchedGroups(Receiver receiver) {
        int[] out = new int[receiver.sockets().size() + 1];
        out[0] = word(new byte[] {(byte) 224, 0, 0, 1});
        for (int i = 1; i < out.length; i++) {
            out[i] = word(receiver.sockets().get(i - 1).line().group().getAddress());
        }
        return out;
    }

    private static int word(byte[] address) {
        return ByteBuffer.wrap(address).order(ByteOrder.nativeOrder()).getInt();
    }

    private static Path fakeSysClassNet(Path root, String name) throws Exception {
        Path d = Files.createDirectories(root.resolve(name));
        Files.writeString(d.resolve("ifindex"), "1\n", StandardCharsets.US_ASCII);
        Files.writeString(d.resolve("flags"), "0x9\n", StandardCharsets.US_ASCII);
        Files.writeString(d.resolve("operstate"), "unknown\n", StandardCharsets.US_ASCII);
        Files.writeString(d.resolve("carrier"), "1\n", StandardCharsets.US_ASCII);
        return root;
    }
}
