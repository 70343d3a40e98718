package io.omdprt.pcap;

import static java.nio.ByteOrder.BIG_ENDIAN;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes UDP datagrams to multicast groups as a classic pcap of Ethernet frames, in this machine's
 * byte order: Ethernet (destination 01:00:5e + the group's low 23 bits, source 02:00 + the source
 * address), IPv4 (no options, DF clear, header checksum), UDP (checksum 0, allowed over IPv4).
 * Buffered; allocation-free per datagram; not thread-safe.
 */
public final class PcapWriter implements AutoCloseable {
    public static final int DEFAULT_TTL = 16;
    /** The largest UDP payload an IPv4 packet can carry. */
    public static final int MAX_PAYLOAD = 0xFFFF - 20 - 8;

    private static final int BUFFER_BYTES = 1 << 20;
    private static final int ETHERNET = 14;
    private static final int IPV4 = 20;
    private static final int UDP = 8;
    private static final int HEADERS = ETHERNET + IPV4 + UDP;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private final FileChannel channel;
    private final TimestampPrecision precision;
    private final int ttl;
    private final ByteBuffer bytes = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final UnsafeBuffer out = new UnsafeBuffer(bytes);
    private int position;
    private int identification;
    private long datagrams;
    private boolean closed;

    private PcapWriter(FileChannel channel, TimestampPrecision precision, int ttl) {
        this.channel = channel;
        this.precision = precision;
        this.ttl = ttl;
    }

    public static PcapWriter create(Path file, TimestampPrecision precision) throws IOException {
        return create(file, precision, DEFAULT_TTL);
    }

    /** Creates or truncates {@code file} and writes the pcap file header. */
    public static PcapWriter create(Path file, TimestampPrecision precision, int ttl) throws IOException {
        if (ttl < 1 || ttl > 255) {
            throw new IllegalArgumentException("TTL " + ttl + ", expected 1..255");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        PcapWriter writer = new PcapWriter(channel, precision, ttl);
        writer.fileHeader();
        return writer;
    }

    private void fileHeader() {
        out.putInt(0, precision.magic(), ORDER);
        out.putShort(4, (short) 2, ORDER);
        out.putShort(6, (short) 4, ORDER);
        out.putInt(8, 0, ORDER);
        out.putInt(12, 0, ORDER);
        out.putInt(16, ClassicFraming.MAX_SNAPLEN, ORDER);
        out.putInt(20, LinkType.ETHERNET, ORDER);
        position = ClassicFraming.FILE_HEADER;
    }

    /**
     * Appends one datagram as one record.
     *
     * @param timestampNanos capture time, nanoseconds since the epoch (1970 to 2106)
     * @param source         IPv4 address as from {@link Ipv4#toInt}
     * @param group          an IPv4 multicast group (224.0.0.0/4)
     */
    public void write(long timestampNanos, int source, int sourcePort, int group, int groupPort,
            DirectBuffer payload, int offset, int length) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        check(timestampNanos, sourcePort, group, groupPort, length);
        int frameLength = HEADERS + length;
        if (position + ClassicFraming.RECORD_HEADER + frameLength > BUFFER_BYTES) {
            flushBuffer();
        }
        int p = position;
        long seconds = timestampNanos / NANOS_PER_SECOND;
        out.putInt(p, (int) seconds, ORDER);
        out.putInt(p + 4, (int) (timestampNanos % NANOS_PER_SECOND / precision.nanosPerUnit()), ORDER);
        out.putInt(p + 8, frameLength, ORDER);
        out.putInt(p + 12, frameLength, ORDER);
        p += ClassicFraming.RECORD_HEADER;

        out.putInt(p, 0x01005E00 | group >>> 16 & 0x7F, BIG_ENDIAN);
        out.putShort(p + 4, (short) group, BIG_ENDIAN);
        out.putShort(p + 6, (short) 0x0200, BIG_ENDIAN);
        out.putInt(p + 8, source, BIG_ENDIAN);
        out.putShort(p + 12, (short) 0x0800, BIG_ENDIAN);
        p += ETHERNET;

        int totalLength = IPV4 + UDP + length;
        int id = identification++ & 0xFFFF;
        int ttlAndProtocol = ttl << 8 | 17;
        out.putShort(p, (short) 0x4500, BIG_ENDIAN);
        out.putShort(p + 2, (short) totalLength, BIG_ENDIAN);
        out.putShort(p + 4, (short) id, BIG_ENDIAN);
        out.putShort(p + 6, (short) 0, BIG_ENDIAN);
        out.putShort(p + 8, (short) ttlAndProtocol, BIG_ENDIAN);
        out.putShort(p + 10, (short) headerChecksum(totalLength, id, ttlAndProtocol, source, group), BIG_ENDIAN);
        out.putInt(p + 12, source, BIG_ENDIAN);
        out.putInt(p + 16, group, BIG_ENDIAN);
        p += IPV4;

        out.putShort(p, (short) sourcePort, BIG_ENDIAN);
        out.putShort(p + 2, (short) groupPort, BIG_ENDIAN);
        out.putShort(p + 4, (short) (UDP + length), BIG_ENDIAN);
        out.putShort(p + 6, (short) 0, BIG_ENDIAN);
        out.putBytes(p + UDP, payload, offset, length);
        position = p + UDP + length;
        datagrams++;
    }

    private static void check(long timestampNanos, int sourcePort, int group, int groupPort, int length) {
        if (timestampNanos < 0 || timestampNanos / NANOS_PER_SECOND > Framing.U32) {
            throw new IllegalArgumentException("timestamp " + timestampNanos + " ns is outside what pcap can hold (1970 to 2106)");
        }
        if ((sourcePort | groupPort) >>> 16 != 0) {
            throw new IllegalArgumentException("ports " + sourcePort + " and " + groupPort + ", expected 0..65535");
        }
        if (!Ipv4.isMulticast(group)) {
            throw new IllegalArgumentException(Ipv4.format(group) + " is not a multicast group");
        }
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + length + " bytes, expected 0.." + MAX_PAYLOAD);
        }
    }

    /** RFC 1071 over the header's ten 16-bit words; flags, fragment offset and the checksum itself are 0. */
    private static int headerChecksum(int totalLength, int id, int ttlAndProtocol, int source, int destination) {
        int sum = 0x4500 + totalLength + id + ttlAndProtocol
                + (source >>> 16) + (source & 0xFFFF) + (destination >>> 16) + (destination & 0xFFFF);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum += sum >>> 16;
        return ~sum & 0xFFFF;
    }

    /** Datagrams written so far. */
    public long datagrams() {
        return datagrams;
    }

    /** Hands what is buffered to the operating system; the file stays open. */
    public void flush() throws IOException {
        flushBuffer();
    }

    private void flushBuffer() throws IOException {
        bytes.limit(position).position(0);
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        bytes.clear();
        position = 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushBuffer();
        } finally {
            channel.close();
        }
    }
}
