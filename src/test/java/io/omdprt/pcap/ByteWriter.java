package io.omdprt.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;

/** Bytes laid out by hand, in a chosen byte order, independently of the code under test. */
public final class ByteWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    public ByteWriter(ByteOrder order) {
        this.bigEndian = order == ByteOrder.BIG_ENDIAN;
    }

    public static ByteWriter network() {
        return new ByteWriter(ByteOrder.BIG_ENDIAN);
    }

    public ByteWriter u8(int v) {
        out.write(v);
        return this;
    }

    public ByteWriter u16(int v) {
        return bigEndian ? u8(v >>> 8).u8(v) : u8(v).u8(v >>> 8);
    }

    public ByteWriter u32(long v) {
        return bigEndian ? u16((int) (v >>> 16)).u16((int) v) : u16((int) v).u16((int) (v >>> 16));
    }

    public ByteWriter u64(long v) {
        return bigEndian ? u32(v >>> 32).u32(v) : u32(v).u32(v >>> 32);
    }

    public ByteWriter bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    public ByteWriter zeros(int n) {
        return bytes(new byte[n]);
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
