package io.omdprt.pcap;

import java.io.IOException;
import java.nio.ByteOrder;
import org.agrona.concurrent.UnsafeBuffer;

/** Classic pcap: a 24-byte file header, then records of a 16-byte header and the captured bytes. */
final class ClassicFraming extends Framing {
    static final int FILE_HEADER = 24;
    static final int RECORD_HEADER = 16;
    /** libpcap's MAXIMUM_SNAPLEN: a record longer than this and than the file's snaplen is corrupt. */
    static final int MAX_SNAPLEN = 262_144;
    private static final int LARGEST_SNAPLEN_HONOURED = 16 << 20;

    private final ByteOrder order;
    private final CaptureFormat format;
    private final int nanosPerUnit;
    private final long maxCapLen;

    private ClassicFraming(ReadBuffer in, String file, ByteOrder order, CaptureFormat format, int linkType, long snaplen) {
        super(in, file);
        this.order = order;
        this.format = format;
        this.nanosPerUnit = format == CaptureFormat.PCAP_NANOS ? 1 : 1_000;
        this.linkType = linkType;
        this.maxCapLen = Math.max(MAX_SNAPLEN, Math.min(snaplen, LARGEST_SNAPLEN_HONOURED));
    }

    /** Reads the file header; the magic number at offset 0 has already chosen byte order and precision. */
    static ClassicFraming open(ReadBuffer in, String file, ByteOrder order, CaptureFormat format) throws IOException {
        if (!in.ensure(FILE_HEADER)) {
            throw new PcapFormatException(file, 0, "the file ends inside the 24-byte pcap file header ("
                    + in.available() + " bytes)");
        }
        UnsafeBuffer b = in.view();
        int major = b.getShort(4, order) & 0xFFFF;
        int minor = b.getShort(6, order) & 0xFFFF;
        if (major != 2) {
            throw new PcapFormatException(file, 4, "pcap version " + major + "." + minor + ", expected 2.x");
        }
        long snaplen = b.getInt(16, order) & U32;
        int linkType = b.getInt(20, order) & 0xFFFF;
        in.consume(FILE_HEADER);
        return new ClassicFraming(in, file, order, format, linkType, snaplen);
    }

    @Override
    CaptureFormat format() {
        return format;
    }

    @Override
    boolean next(long[] skipped) throws IOException {
        if (!in.ensure(RECORD_HEADER)) {
            if (in.available() == 0) {
                return false;
            }
            throw corrupt(in.fileOffset(), "the file ends inside a record header (" + in.available() + " of "
                    + RECORD_HEADER + " bytes)");
        }
        UnsafeBuffer b = in.view();
        int p = in.position();
        long captured = b.getInt(p + 8, order) & U32;
        if (captured > maxCapLen) {
            throw corrupt(in.fileOffset(), "record header claims " + captured + " captured bytes, more than the "
                    + maxCapLen + " a record of this file can hold");
        }
        int recordLength = RECORD_HEADER + (int) captured;
        if (!in.ensure(recordLength)) {
            throw corrupt(in.fileOffset(), "the file ends inside a record: " + (in.available() - RECORD_HEADER)
                    + " of its " + captured + " captured bytes are there");
        }
        p = in.position();
        long seconds = b.getInt(p, order) & U32;
        long fraction = b.getInt(p + 4, order) & U32;
        timestampNanos = seconds * 1_000_000_000L + fraction * nanosPerUnit;
        lengths((int) captured, b.getInt(p + 12, order) & U32);
        frameOffset = p + RECORD_HEADER;
        in.consume(recordLength);
        return true;
    }
}
