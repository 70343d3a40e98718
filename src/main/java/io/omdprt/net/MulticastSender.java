package io.omdprt.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends datagrams to multicast groups for the simulator, tests and benchmarks. Loopback only unless
 * told otherwise: the outgoing interface is 127.0.0.1 and the TTL 0, so nothing leaves this host.
 */
public final class MulticastSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MulticastSender.class);
    public static final String LOOPBACK = "127.0.0.1";

    private final DatagramChannel channel;
    private final String interfaceName;

    private MulticastSender(DatagramChannel channel, String interfaceName) {
        this.channel = channel;
        this.interfaceName = interfaceName;
    }

    /** A sender on loopback with TTL 0. */
    public static MulticastSender loopback() throws IOException {
        return open(LOOPBACK, 0, false);
    }

    /**
     * @param interfaceName outgoing interface (name or address)
     * @param ttl           multicast TTL
     * @param allowNonLoopback must be true for any interface other than loopback: sending market-data-
     *                      shaped traffic onto a real network is never done by accident
     */
    public static MulticastSender open(String interfaceName, int ttl, boolean allowNonLoopback) throws IOException {
        NetworkInterface ni = resolve(interfaceName);
        if (!ni.isLoopback() && !allowNonLoopback) {
            throw new IllegalArgumentException("refusing to send on " + interfaceName
                    + ": only loopback is allowed without the explicit non-loopback flag");
        }
        if (!ni.isLoopback()) {
            LOG.warn("SENDING ON A REAL NETWORK INTERFACE: {} with multicast TTL {}", interfaceName, ttl);
        }
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
        ch.setOption(StandardSocketOptions.IP_MULTICAST_IF, ni);
        ch.setOption(StandardSocketOptions.IP_MULTICAST_TTL, ttl);
        ch.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 * 1024 * 1024);
        if (ni.isLoopback()) {
            ch.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
        }
        return new MulticastSender(ch, interfaceName);
    }

    private static NetworkInterface resolve(String name) throws SocketException {
        NetworkInterface ni = io.omdprt.config.Interfaces.find(name);
        if (ni == null) {
            throw new SocketException("no network interface '" + name + "'");
        }
        return ni;
    }

    public String interfaceName() {
        return interfaceName;
    }

    /** Sends the buffer's remaining bytes as one datagram. */
    public void send(ByteBuffer datagram, InetSocketAddress group) throws IOException {
        channel.send(datagram, group);
    }

    public void send(byte[] datagram, int length, InetSocketAddress group) throws IOException {
        channel.send(ByteBuffer.wrap(datagram, 0, length), group);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
