package io.omdprt.pcap;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Throughput of {@link PcapReader} alone, run by bench/pcap-read.sh (not a test): writes a capture of
 * OMD-sized datagrams with {@link PcapWriter}, reads it back several times and prints packets/s, MB/s
 * and the bytes the reading thread allocated.
 *
 * <p>Arguments: [file [megabytes [passes]]], default /tmp/omd-pcap-bench.pcap 1024 3. The file is
 * deleted afterwards. It was just written, so reading measures the reader over the page cache, not the disk.
 */
public final class PcapReadThroughput {
    private PcapReadThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/omd-pcap-bench.pcap");
        long megabytes = args.length > 1 ? Long.parseLong(args[1]) : 1_024;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try {
            write(file, megabytes << 20);
            for (int pass = 1; pass <= passes; pass++) {
                read(file, pass);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Datagrams of 16 to 415 bytes (an OMD header and up to a few hundred bytes of messages) to four groups. */
    private static void write(Path file, long bytes) throws IOException {
        Random random = new Random(1);
        UnsafeBuffer payload = new UnsafeBuffer(new byte[512]);
        for (int i = 0; i < 512; i++) {
            payload.putByte(i, (byte) random.nextInt());
        }
        int source = 10 << 24 | 1;
        int group = 239 << 24 | 1 << 16 | 1 << 8;
        long time = 1_704_502_800_000_000_000L;
        long start = System.nanoTime();
        long n = 0;
        try (PcapWriter writer = PcapWriter.create(file, TimestampPrecision.NANOS)) {
            for (long written = 24; written < bytes; n++) {
                int length = 16 + random.nextInt(400);
                writer.write(time + n * 2_000, source, 40_000, group + (int) (n & 3), 51_000 + (int) (n & 3), payload, 0, length);
                written += 16 + 42 + length;
            }
        }
        report("write", n, Files.size(file), System.nanoTime() - start, -1);
    }

    private static void read(Path file, int pass) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long check = 0;
        long n;
        long size;
        try (PcapReader reader = PcapReader.open(file)) {
            UdpDatagram d = new UdpDatagram();
            while (reader.next(d)) {
                // Touch what a consumer reads: the group, the port, the payload's first and last bytes.
                check += d.destinationAddress() + d.destinationPort() + d.payloadLength()
                        + d.buffer().getByte(d.payloadOffset()) + d.buffer().getByte(d.payloadOffset() + d.payloadLength() - 1);
            }
            n = reader.datagrams();
            size = reader.bytesRead();
            if (reader.skippedTotal() != 0) {
                throw new IllegalStateException(reader.skippedTotal() + " records skipped");
            }
        }
        long elapsed = System.nanoTime() - start;
        report("read pass " + pass, n, size, elapsed, threads.getCurrentThreadAllocatedBytes() - allocatedBefore);
        if (check == 42) {
            System.out.println();
        }
    }

    private static void report(String what, long packets, long bytes, long nanos, long allocated) {
        double seconds = nanos / 1e9;
        System.out.printf("%-12s %,d datagrams, %,.1f MB in %.2f s: %,.2f M datagrams/s, %,.0f MB/s%s%n",
                what, packets, bytes / 1e6, seconds, packets / seconds / 1e6, bytes / 1e6 / seconds,
                allocated < 0 ? "" : String.format(", %,d bytes allocated by the reading thread", allocated));
    }
}
