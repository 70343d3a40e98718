package io.omdprt.net;

import io.netty.channel.ChannelException;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A non-blocking IPv4 UDP socket made through Netty's native layer (Linux), with what its public API
 * lacks: IP_MULTICAST_ALL and group memberships by interface index (MCAST_JOIN_GROUP,
 * MCAST_JOIN_SOURCE_GROUP), so a recreated interface is joined by its new index.
 */
final class LinuxUdpSocket extends Socket {
    private static final int IPPROTO_IP = 0;
    private static final int IP_MULTICAST_ALL = 49;
    private static final int MCAST_JOIN_GROUP = 42;
    private static final int MCAST_LEAVE_GROUP = 45;
    private static final int MCAST_JOIN_SOURCE_GROUP = 46;
    private static final int MCAST_LEAVE_SOURCE_GROUP = 47;
    private static final short AF_INET = 2;
    /** struct group_req / group_source_req: the interface index, then sockaddr_storage (8-aligned, 128 bytes) each. */
    private static final int GROUP_AT = 8;
    private static final int SOURCE_AT = GROUP_AT + 128;

    private LinuxUdpSocket(int fd) {
        super(fd);
    }

    /** A socket bound to {@code local} with SO_REUSEADDR, the receive buffer asked for and IP_MULTICAST_ALL off. */
    static LinuxUdpSocket bound(InetSocketAddress local, int receiveBuffer) throws IOException {
        LinuxUdpSocket s = new LinuxUdpSocket(newSocketDgram0(SocketProtocolFamily.INET));
        try {
            s.setReuseAddress(true);
            s.setReceiveBufferSize(receiveBuffer);
            s.setIntOpt(IPPROTO_IP, IP_MULTICAST_ALL, 0);
            s.bind(local);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** @param source the only source to accept, or null for any */
    void join(InetAddress group, InetAddress source, NetworkInterface ni) throws IOException {
        membership(source == null ? MCAST_JOIN_GROUP : MCAST_JOIN_SOURCE_GROUP, group, source, ni);
    }

    void leave(InetAddress group, InetAddress source, NetworkInterface ni) throws IOException {
        membership(source == null ? MCAST_LEAVE_GROUP : MCAST_LEAVE_SOURCE_GROUP, group, source, ni);
    }

    private void membership(int option, InetAddress group, InetAddress source, NetworkInterface ni) throws IOException {
        ByteBuffer request = ByteBuffer.allocateDirect(source == null ? SOURCE_AT : SOURCE_AT + 128).order(ByteOrder.nativeOrder());
        request.putInt(0, ni.getIndex());
        sockaddrIn(request, GROUP_AT, group);
        if (source != null) {
            sockaddrIn(request, SOURCE_AT, source);
        }
        try {
            setRawOpt(IPPROTO_IP, option, request);
        } catch (ChannelException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void sockaddrIn(ByteBuffer b, int at, InetAddress address) {
        byte[] ipv4 = address.getAddress();
        if (ipv4.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        b.putShort(at, AF_INET);
        b.put(at + 4, ipv4); // sin_port stays 0; sin_addr in network order
    }
}
