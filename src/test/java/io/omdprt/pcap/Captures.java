package io.omdprt.pcap;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Capture files built by hand, and reading one back into plain values. */
public final class Captures {
    public static final int SNAPLEN = 262_144;

    private Captures() {
    }

    /** A classic pcap: the 24-byte file header, then records. */
    public static final class Classic {
        private final ByteWriter w;

        public Classic(ByteOrder order, boolean nanos, int linkType) {
            this(order, nanos ? 0xA1B23C4D : 0xA1B2C3D4, linkType);
        }

        public Classic(ByteOrder order, int magic, int linkType) {
            w = new ByteWriter(order).u32(magic).u16(2).u16(4).u32(0).u32(0).u32(SNAPLEN).u32(linkType);
        }

        public Classic record(long seconds, long fraction, byte[] frame) {
            return record(seconds, fraction, frame, frame.length);
        }

        /** A record of which only the first {@code capLen} bytes were captured. */
        public Classic record(long seconds, long fraction, byte[] frame, int capLen) {
            w.u32(seconds).u32(fraction).u32(capLen).u32(frame.length);
            w.bytes(java.util.Arrays.copyOf(frame, capLen));
            return this;
        }

        public int size() {
            return w.size();
        }

        public byte[] bytes() {
            return w.toByteArray();
        }
    }

    /** A pcapng file, block by block. */
    public static final class Pcapng {
        private final ByteWriter file = ByteWriter.network();
        private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        public Pcapng section(ByteOrder order) {
            this.order = order;
            return block(0x0A0D0D0A, new ByteWriter(order).u32(0x1A2B3C4D).u16(1).u16(0).u64(-1L).toByteArray());
        }

        public Pcapng iface(int linkType) {
            return block(1, new ByteWriter(order).u16(linkType).u16(0).u32(SNAPLEN).toByteArray());
        }

        /** With options if_tsresol and if_tsoffset (seconds), then opt_endofopt. */
        public Pcapng iface(int linkType, int tsresol, long tsoffset) {
            ByteWriter body = new ByteWriter(order).u16(linkType).u16(0).u32(SNAPLEN);
            body.u16(9).u16(1).u8(tsresol).zeros(3);
            body.u16(14).u16(8).u64(tsoffset);
            body.u16(0).u16(0);
            return block(1, body.toByteArray());
        }

        public Pcapng packet(int iface, long ticks, byte[] frame) {
            ByteWriter body = new ByteWriter(order).u32(iface).u32(ticks >>> 32).u32(ticks).u32(frame.length).u32(frame.length);
            body.bytes(frame).zeros(pad(frame.length));
            return block(6, body.toByteArray());
        }

        public Pcapng simplePacket(byte[] frame) {
            return block(3, new ByteWriter(order).u32(frame.length).bytes(frame).zeros(pad(frame.length)).toByteArray());
        }

        /** Any block, its body padded to 32 bits. */
        public Pcapng block(int type, byte[] body) {
            int length = 12 + body.length + pad(body.length);
            ByteWriter b = new ByteWriter(order).u32(type).u32(length).bytes(body).zeros(pad(body.length)).u32(length);
            file.bytes(b.toByteArray());
            return this;
        }

        public byte[] bytes() {
            return file.toByteArray();
        }

        private static int pad(int n) {
            return -n & 3;
        }
    }

    /** A delivered datagram, copied out of the reader's buffer. */
    public record Datagram(long timestampNanos, int source, int destination, int sourcePort, int destinationPort, byte[] payload) {
    }

    public static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    public static List<Datagram> readAll(PcapReader reader) throws IOException {
        List<Datagram> out = new ArrayList<>();
        UdpDatagram d = new UdpDatagram();
        while (reader.next(d)) {
            out.add(copy(d));
        }
        return out;
    }

    public static Datagram copy(UdpDatagram d) {
        byte[] payload = new byte[d.payloadLength()];
        d.buffer().getBytes(d.payloadOffset(), payload);
        return new Datagram(d.timestampNanos(), d.sourceAddress(), d.destinationAddress(), d.sourcePort(), d.destinationPort(), payload);
    }
}
