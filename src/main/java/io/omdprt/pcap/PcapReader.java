package io.omdprt.pcap;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams the UDP datagrams of a capture file: classic pcap (microsecond or nanosecond, either byte
 * order) or pcapng; link types Ethernet (with 802.1Q/QinQ tags), Linux SLL and SLL2, raw IPv4. Every
 * other frame is counted by {@link SkipReason}. Allocation-free per record.
 *
 * <pre>
 * try (PcapReader reader = PcapReader.open(path)) {
 *     UdpDatagram d = new UdpDatagram();
 *     while (reader.next(d)) {
 *         handle(d.timestampNanos(), d.destinationAddress(), d.destinationPort(), d.buffer(), d.payloadOffset(), d.payloadLength());
 *     }
 * }
 * </pre>
 *
 * Not thread-safe: one reader per thread.
 */
public final class PcapReader implements AutoCloseable {
    public static final int DEFAULT_BUFFER_BYTES = 8 << 20;

    private static final int MAGIC_MICROS = TimestampPrecision.MICROS.magic();
    private static final int MAGIC_NANOS = TimestampPrecision.NANOS.magic();
    private static final int MAGIC_MODIFIED = 0xA1B2CD34;
    private static final int GZIP_MAGIC = 0x1F8B;

    private final FileChannel channel;
    private final ReadBuffer in;
    private final Framing framing;
    private final long fileSize;
    private final long[] skipped = new long[SkipReason.values().length];
    private long datagrams;

    private PcapReader(FileChannel channel, ReadBuffer in, Framing framing, long fileSize) {
        this.channel = channel;
        this.in = in;
        this.framing = framing;
        this.fileSize = fileSize;
    }

    public static PcapReader open(Path file) throws IOException {
        return open(file, DEFAULT_BUFFER_BYTES);
    }

    /**
     * @param bufferBytes the read buffer; it grows when one record does not fit (only a small buffer
     *                    and a large record do that)
     * @throws PcapFormatException when the file is not a capture this reader understands
     */
    public static PcapReader open(Path file, int bufferBytes) throws IOException {
        if (bufferBytes < 64) {
            throw new IllegalArgumentException("buffer of " + bufferBytes + " bytes, at least 64 expected");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            ReadBuffer in = new ReadBuffer(channel, bufferBytes);
            return new PcapReader(channel, in, framing(in, file.toString(), size), size);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Framing framing(ReadBuffer in, String file, long size) throws IOException {
        if (!in.ensure(4)) {
            throw new PcapFormatException(file, 0, "a file of " + size + " bytes is too short to be a capture");
        }
        int magic = in.view().getInt(0, BIG_ENDIAN);
        if (magic == MAGIC_MICROS || magic == Integer.reverseBytes(MAGIC_MICROS)) {
            return ClassicFraming.open(in, file, magic == MAGIC_MICROS ? BIG_ENDIAN : LITTLE_ENDIAN, CaptureFormat.PCAP_MICROS);
        }
        if (magic == MAGIC_NANOS || magic == Integer.reverseBytes(MAGIC_NANOS)) {
            return ClassicFraming.open(in, file, magic == MAGIC_NANOS ? BIG_ENDIAN : LITTLE_ENDIAN, CaptureFormat.PCAP_NANOS);
        }
        if (magic == PcapngFraming.SECTION_HEADER) {
            return new PcapngFraming(in, file);
        }
        if (magic == MAGIC_MODIFIED || magic == Integer.reverseBytes(MAGIC_MODIFIED)) {
            throw new PcapFormatException(file, 0, "a 'modified' (Kuznetsov) pcap, which this reader does not read;"
                    + " convert it with: editcap -F pcap input.pcap output.pcap");
        }
        if (magic >>> 16 == GZIP_MAGIC) {
            throw new PcapFormatException(file, 0, "gzip-compressed; decompress it first (gunzip)");
        }
        throw new PcapFormatException(file, 0, String.format(
                "not a pcap or pcapng file: magic number 0x%08X (pcap has A1B2C3D4 or A1B23C4D, pcapng 0A0D0D0A)", magic));
    }

    /**
     * Moves to the next UDP datagram, counting every frame passed over on the way.
     *
     * @param out filled in place; its payload view is valid until the next call
     * @return false at the end of the file
     * @throws PcapFormatException when the file is corrupt or ends inside a record; everything before
     *                             it has been delivered
     */
    public boolean next(UdpDatagram out) throws IOException {
        Framing f = framing;
        while (f.next(skipped)) {
            SkipReason reason = FrameDecoder.decode(in.view(), f.frameOffset, f.capLen, f.wireLen, f.linkType, out);
            if (reason == SkipReason.NONE) {
                out.timestampNanos(f.timestampNanos);
                datagrams++;
                return true;
            }
            skipped[reason.ordinal()]++;
        }
        return false;
    }

    public CaptureFormat format() {
        return framing.format();
    }

    /** The link type of the last record read (see {@link LinkType}); for classic pcap, the file's; -1 before a pcapng's first packet. */
    public int linkType() {
        return framing.linkType;
    }

    /** File size when opened, for progress reports. */
    public long fileSize() {
        return fileSize;
    }

    /** Bytes of the file consumed so far. */
    public long bytesRead() {
        return in.fileOffset();
    }

    /** Packet records seen so far: {@link #datagrams()} plus {@link #skippedTotal()}. */
    public long records() {
        return datagrams + skippedTotal();
    }

    /** UDP datagrams delivered by {@link #next}. */
    public long datagrams() {
        return datagrams;
    }

    public long skipped(SkipReason reason) {
        return skipped[reason.ordinal()];
    }

    public long skippedTotal() {
        long total = 0;
        for (long n : skipped) {
            total += n;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
