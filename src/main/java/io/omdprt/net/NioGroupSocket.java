package io.omdprt.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.omdprt.config.LineConfig;
import io.omdprt.track.ChannelTracker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import io.omdprt.time.MonitorClock;

/** A line's Netty NIO datagram channel, one datagram a read: the portable fallback. */
final class NioGroupSocket implements GroupSocket {
    private static final long TIMEOUT_MS = 5_000;

    private final LineConfig line;
    private final DatagramChannel channel;

    private NioGroupSocket(LineConfig line, DatagramChannel channel) {
        this.line = line;
        this.channel = channel;
    }

    static NioGroupSocket open(EventLoop loop, LineConfig line, InetSocketAddress local, int receiveBuffer, ChannelTracker tracker,
                               int lineIndex, MonitorClock clock) throws IOException {
        ChannelFuture bound = new Bootstrap()
                .group(loop)
                .channelFactory(() -> new NioDatagramChannel(SocketProtocolFamily.INET))
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_RCVBUF, receiveBuffer)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(Receiver.MAX_DATAGRAM))
                .handler(new DatagramHandler(tracker, lineIndex, clock))
                .bind(local);
        if (!bound.awaitUninterruptibly(TIMEOUT_MS) || !bound.isSuccess()) {
            bound.channel().close();
            Throwable cause = bound.cause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "timed out after " + TIMEOUT_MS + " ms" : cause.toString(), cause);
        }
        return new NioGroupSocket(line, (DatagramChannel) bound.channel());
    }

    @Override
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    @Override
    public void join(NetworkInterface ni) throws IOException {
        await(line.source() == null ? channel.joinGroup(line.groupAddress(), ni) : channel.joinGroup(line.group(), ni, line.source()));
    }

    @Override
    public void leave(NetworkInterface ni) throws IOException {
        await(line.source() == null ? channel.leaveGroup(line.groupAddress(), ni) : channel.leaveGroup(line.group(), ni, line.source()));
    }

    /** NIO joins and leaves at once, in the calling thread: the future is done when it returns. */
    private static void await(ChannelFuture f) throws IOException {
        if (!f.awaitUninterruptibly(TIMEOUT_MS)) {
            throw new IOException("timed out after " + TIMEOUT_MS + " ms");
        }
        if (!f.isSuccess()) {
            throw f.cause() instanceof IOException io ? io : new IOException(f.cause().getMessage(), f.cause());
        }
    }

    @Override
    public int receiveBufferBytes() {
        return channel.config().getReceiveBufferSize();
    }

    @Override
    public int fd() {
        return -1;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(1_000);
    }
}
