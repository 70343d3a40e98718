package io.omdprt.net;

import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.util.concurrent.Future;
import io.omdprt.config.LineConfig;
import io.omdprt.track.ChannelTracker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import io.omdprt.time.MonitorClock;

/** A line's {@link LinuxUdpSocket}, read by an {@link EpollLineReader} registered on an epoll event loop. */
final class EpollGroupSocket implements GroupSocket {
    private static final long TIMEOUT_MS = 5_000;

    private final IoEventLoop loop;
    private final LineConfig line;
    private final LinuxUdpSocket socket;
    private final IoRegistration registration;

    private EpollGroupSocket(IoEventLoop loop, LineConfig line, LinuxUdpSocket socket, IoRegistration registration) {
        this.loop = loop;
        this.line = line;
        this.socket = socket;
        this.registration = registration;
    }

    static EpollGroupSocket open(IoEventLoop loop, LineConfig line, InetSocketAddress local, int receiveBuffer, ChannelTracker tracker,
                                 int lineIndex, MonitorClock clock) throws IOException {
        LinuxUdpSocket socket = LinuxUdpSocket.bound(local, receiveBuffer);
        Future<IoRegistration> registered = loop.register(new EpollLineReader(socket, tracker, lineIndex, clock));
        if (!registered.awaitUninterruptibly(TIMEOUT_MS) || !registered.isSuccess()) {
            socket.close();
            throw new IOException("could not register with the event loop: "
                    + (registered.cause() == null ? "timed out" : registered.cause().toString()), registered.cause());
        }
        IoRegistration registration = registered.getNow();
        try {
            registration.submit(EpollIoOps.EPOLLIN);
        } catch (RuntimeException e) {
            registration.cancel();
            socket.close();
            throw new IOException("could not ask for EPOLLIN: " + e.getMessage(), e);
        }
        return new EpollGroupSocket(loop, line, socket, registration);
    }

    @Override
    public EventLoop eventLoop() {
        return loop;
    }

    @Override
    public void join(NetworkInterface ni) throws IOException {
        socket.join(line.group(), line.source(), ni);
    }

    @Override
    public void leave(NetworkInterface ni) throws IOException {
        socket.leave(line.group(), line.source(), ni);
    }

    @Override
    public int receiveBufferBytes() throws IOException {
        return socket.getReceiveBufferSize();
    }

    @Override
    public int fd() {
        return socket.intValue();
    }

    /** On the loop, so the descriptor is never closed (and its number reused) while the reader is in recv. */
    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                closeNow();
                closed.complete(null);
            });
            closed.get(1_000, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            closeNow(); // the loop is shutting down and reads no more
        } catch (Exception e) {
            // the loop did not answer in time: it closes its registrations when it stops
        }
    }

    private void closeNow() {
        registration.cancel();
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }
}
