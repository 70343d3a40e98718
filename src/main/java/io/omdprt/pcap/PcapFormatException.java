package io.omdprt.pcap;

import java.io.IOException;

/**
 * The file is not a capture this reader understands, or it is corrupt or truncated. Everything read
 * before the problem was delivered; reading ends here.
 */
public final class PcapFormatException extends IOException {
    private final long offset;

    PcapFormatException(String file, long offset, String problem) {
        super(file + ": at byte offset " + offset + ": " + problem);
        this.offset = offset;
    }

    /** Byte offset in the file of the header or record that is wrong. */
    public long offset() {
        return offset;
    }
}
