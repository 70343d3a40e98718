package io.omdprt.pcap;

import org.agrona.DirectBuffer;

/**
 * One UDP datagram of a capture, filled in place by {@link PcapReader#next(UdpDatagram)}: reuse one
 * instance. The payload is a view of the reader's buffer, valid until the next call to {@code next}.
 * Addresses are ints in network order (see {@link Ipv4}).
 */
public final class UdpDatagram {
    private long timestampNanos;
    private int sourceAddress;
    private int destinationAddress;
    private int sourcePort;
    private int destinationPort;
    private DirectBuffer buffer;
    private int payloadOffset;
    private int payloadLength;

    void set(DirectBuffer buffer, int sourceAddress, int destinationAddress, int sourcePort, int destinationPort,
            int payloadOffset, int payloadLength) {
        this.buffer = buffer;
        this.sourceAddress = sourceAddress;
        this.destinationAddress = destinationAddress;
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        this.payloadOffset = payloadOffset;
        this.payloadLength = payloadLength;
    }

    void timestampNanos(long timestampNanos) {
        this.timestampNanos = timestampNanos;
    }

    /** Capture time, nanoseconds since 1970-01-01 UTC (at the capture's own precision). */
    public long timestampNanos() {
        return timestampNanos;
    }

    public int sourceAddress() {
        return sourceAddress;
    }

    public int destinationAddress() {
        return destinationAddress;
    }

    public int sourcePort() {
        return sourcePort;
    }

    public int destinationPort() {
        return destinationPort;
    }

    /** The buffer holding the payload at {@link #payloadOffset()}. */
    public DirectBuffer buffer() {
        return buffer;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    @Override
    public String toString() {
        return "UdpDatagram[" + timestampNanos + " " + Ipv4.format(sourceAddress) + ":" + sourcePort + " > "
                + Ipv4.format(destinationAddress) + ":" + destinationPort + " length " + payloadLength + "]";
    }
}
