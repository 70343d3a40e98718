package io.omdprt.sim;

import io.omdprt.config.LineConfig;
import io.omdprt.pcap.Ipv4;
import io.omdprt.pcap.PcapWriter;
import io.omdprt.pcap.TimestampPrecision;
import java.io.IOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes each packet to a capture file as if it had been sent: from 127.0.0.1, port {@link #SOURCE_PORT},
 * to its line's group and port, stamped with its send time (nanosecond pcap). Not thread-safe.
 */
public final class PcapSink implements PacketSink {
    public static final int SOURCE_PORT = 40_000;
    private static final int SOURCE = 127 << 24 | 1;

    /** A line's destination as the writer wants it. */
    private record Destination(int group, int port) {
        static Destination of(LineConfig line) {
            return new Destination(Ipv4.toInt(line.group()), line.port());
        }
    }

    private final Path file;
    private final PcapWriter writer;
    private final Map<LineConfig, Destination> destinations = new IdentityHashMap<>();

    private PcapSink(Path file, PcapWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Creates or truncates {@code file}. */
    public static PcapSink create(Path file) throws IOException {
        return new PcapSink(file, PcapWriter.create(file, TimestampPrecision.NANOS));
    }

    @Override
    public void send(LineConfig line, UnsafeBuffer packet, int length, long wallNanos) throws IOException {
        Destination d = destinations.computeIfAbsent(line, Destination::of);
        try {
            writer.write(wallNanos, SOURCE, SOURCE_PORT, d.group(), d.port(), packet, 0, length);
        } catch (IOException e) {
            throw new IOException("writing the capture " + file + ": " + e.getMessage(), e);
        }
    }

    /** Packets written so far. */
    public long datagrams() {
        return writer.datagrams();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
