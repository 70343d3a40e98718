package io.omdprt.pcap;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * pcapng: Section Header, Interface Description and Enhanced Packet blocks are read; Simple and
 * obsolete Packet blocks are counted as skipped; every other block (statistics, name resolution,
 * secrets, custom) is passed over. Every block's length is checked at both of its ends.
 */
final class PcapngFraming extends Framing {
    static final int SECTION_HEADER = 0x0A0D0D0A;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int OBSOLETE_PACKET = 2;
    private static final int SIMPLE_PACKET = 3;
    private static final int ENHANCED_PACKET = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int BLOCK_HEADER = 12;
    private static final int SECTION_HEADER_MIN = 28;
    private static final int INTERFACE_DESCRIPTION_MIN = 20;
    private static final int ENHANCED_PACKET_MIN = 32;
    private static final int OPTION_END = 0;
    private static final int IF_TSRESOL = 9;
    private static final int IF_TSOFFSET = 14;
    /** Far more than any packet block needs; a longer block is taken as a corrupt length. */
    static final int MAX_BLOCK = 16 << 20;

    private ByteOrder order = LITTLE_ENDIAN;
    private int interfaces;
    private int[] linkTypes = new int[4];
    private TimestampUnit[] units = new TimestampUnit[4];
    private long[] offsetNanos = new long[4];

    PcapngFraming(ReadBuffer in, String file) {
        super(in, file);
        linkType = -1;
    }

    @Override
    CaptureFormat format() {
        return CaptureFormat.PCAPNG;
    }

    @Override
    boolean next(long[] skipped) throws IOException {
        UnsafeBuffer b = in.view();
        while (true) {
            long at = in.fileOffset();
            if (!in.ensure(BLOCK_HEADER)) {
                if (in.available() == 0) {
                    return false;
                }
                throw corrupt(at, "the file ends inside a block header (" + in.available() + " of " + BLOCK_HEADER + " bytes)");
            }
            int type = b.getInt(in.position(), order);
            if (type == SECTION_HEADER) {
                order = sectionByteOrder(at);
            }
            int length = block(at, type);
            int p = in.position();
            switch (type) {
                case SECTION_HEADER -> section(at, p, length);
                case INTERFACE_DESCRIPTION -> interfaceDescription(at, p, length);
                case ENHANCED_PACKET -> {
                    enhancedPacket(at, p, length);
                    in.consume(length);
                    return true;
                }
                case SIMPLE_PACKET, OBSOLETE_PACKET -> skipped[SkipReason.UNSUPPORTED_PCAPNG_BLOCK.ordinal()]++;
                default -> {
                    // Nothing in it yields a datagram.
                }
            }
            in.consume(length);
        }
    }

    private ByteOrder sectionByteOrder(long at) throws PcapFormatException {
        int magic = in.view().getInt(in.position() + 8, BIG_ENDIAN);
        if (magic == BYTE_ORDER_MAGIC) {
            return BIG_ENDIAN;
        }
        if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            return LITTLE_ENDIAN;
        }
        throw corrupt(at + 8, String.format("section header's byte-order magic is 0x%08X, expected 0x1A2B3C4D", magic));
    }

    /** Checks the block's length at both ends and makes the whole block readable. @return its length */
    private int block(long at, int type) throws IOException {
        UnsafeBuffer b = in.view();
        long length = b.getInt(in.position() + 4, order) & U32;
        if (length < BLOCK_HEADER || length % 4 != 0 || length > MAX_BLOCK) {
            throw corrupt(at, "block of type " + type + " claims a length of " + length
                    + " bytes (a multiple of 4 from 12 to " + MAX_BLOCK + " expected)");
        }
        int n = (int) length;
        if (!in.ensure(n)) {
            throw corrupt(at, "the file ends inside a block of type " + type + ": " + in.available() + " of its "
                    + n + " bytes are there");
        }
        long trailing = b.getInt(in.position() + n - 4, order) & U32;
        if (trailing != length) {
            throw corrupt(at, "block of type " + type + " starts with length " + length + " but ends with " + trailing);
        }
        return n;
    }

    private void section(long at, int p, int length) throws PcapFormatException {
        if (length < SECTION_HEADER_MIN) {
            throw corrupt(at, "section header block of " + length + " bytes, at least " + SECTION_HEADER_MIN + " expected");
        }
        UnsafeBuffer b = in.view();
        int major = b.getShort(p + 12, order) & 0xFFFF;
        if (major != 1) {
            throw corrupt(at, "pcapng version " + major + "." + (b.getShort(p + 14, order) & 0xFFFF) + ", expected 1.x");
        }
        interfaces = 0;
    }

    private void interfaceDescription(long at, int p, int length) throws PcapFormatException {
        if (length < INTERFACE_DESCRIPTION_MIN) {
            throw corrupt(at, "interface description block of " + length + " bytes, at least "
                    + INTERFACE_DESCRIPTION_MIN + " expected");
        }
        UnsafeBuffer b = in.view();
        TimestampUnit unit = TimestampUnit.MICROS;
        long offsetSeconds = 0;
        int end = p + length - 4;
        int o = p + 16;
        while (o + 4 <= end) {
            int code = b.getShort(o, order) & 0xFFFF;
            int valueLength = b.getShort(o + 2, order) & 0xFFFF;
            if (code == OPTION_END) {
                break;
            }
            int value = o + 4;
            if (value + valueLength > end) {
                throw corrupt(at + (o - p), "interface description option " + code + " of " + valueLength
                        + " bytes runs past the end of its block");
            }
            if (code == IF_TSRESOL && valueLength >= 1) {
                int tsresol = b.getByte(value) & 0xFF;
                unit = TimestampUnit.of(tsresol);
                if (unit == null) {
                    throw corrupt(at + (o - p), String.format("if_tsresol 0x%02X is finer than this reader can convert", tsresol));
                }
            } else if (code == IF_TSOFFSET && valueLength >= 8) {
                offsetSeconds = b.getLong(value, order);
            }
            o = value + (valueLength + 3 & ~3);
        }
        if (interfaces == linkTypes.length) {
            linkTypes = Arrays.copyOf(linkTypes, interfaces * 2);
            units = Arrays.copyOf(units, interfaces * 2);
            offsetNanos = Arrays.copyOf(offsetNanos, interfaces * 2);
        }
        linkTypes[interfaces] = b.getShort(p + 8, order) & 0xFFFF;
        units[interfaces] = unit;
        offsetNanos[interfaces] = offsetSeconds * 1_000_000_000L;
        interfaces++;
    }

    private void enhancedPacket(long at, int p, int length) throws PcapFormatException {
        if (length < ENHANCED_PACKET_MIN) {
            throw corrupt(at, "enhanced packet block of " + length + " bytes, at least " + ENHANCED_PACKET_MIN + " expected");
        }
        UnsafeBuffer b = in.view();
        long iface = b.getInt(p + 8, order) & U32;
        if (iface >= interfaces) {
            throw corrupt(at, "packet of interface " + iface + " but the section describes " + interfaces
                    + " interface" + (interfaces == 1 ? "" : "s"));
        }
        long captured = b.getInt(p + 20, order) & U32;
        if (captured > length - ENHANCED_PACKET_MIN) {
            throw corrupt(at, "enhanced packet block of " + length + " bytes claims " + captured + " captured bytes");
        }
        int i = (int) iface;
        long ticks = (b.getInt(p + 12, order) & U32) << 32 | b.getInt(p + 16, order) & U32;
        timestampNanos = units[i].toNanos(ticks) + offsetNanos[i];
        linkType = linkTypes[i];
        lengths((int) captured, b.getInt(p + 24, order) & U32);
        frameOffset = p + 28;
    }
}
