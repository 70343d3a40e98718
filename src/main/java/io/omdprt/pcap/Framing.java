package io.omdprt.pcap;

import java.io.IOException;

/** Cuts a capture file into frames: the record layer of classic pcap or the block layer of pcapng. */
abstract class Framing {
    static final long U32 = 0xFFFF_FFFFL;

    final ReadBuffer in;
    final String file;

    /** The current frame: its offset in {@code in.view()}, lengths, capture time and link type. */
    int frameOffset;
    int capLen;
    int wireLen;
    long timestampNanos;
    int linkType;

    Framing(ReadBuffer in, String file) {
        this.in = in;
        this.file = file;
    }

    abstract CaptureFormat format();

    /**
     * Moves to the next frame and consumes it; its bytes stay readable until the next call.
     *
     * @param skipped counts per {@link SkipReason} ordinal, for records that carry no usable frame
     * @return false at the clean end of the file
     * @throws PcapFormatException when the file is corrupt or ends inside a record
     */
    abstract boolean next(long[] skipped) throws IOException;

    final PcapFormatException corrupt(long offset, String problem) {
        return new PcapFormatException(file, offset, problem);
    }

    /** Sets the frame's lengths; a wire length below the captured one (a broken writer) is taken as the captured one. */
    final void lengths(int capLen, long wireLen) {
        this.capLen = capLen;
        this.wireLen = (int) Math.min(Math.max(wireLen, capLen), Integer.MAX_VALUE);
    }
}
