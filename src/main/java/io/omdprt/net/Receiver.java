package io.omdprt.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.model.SocketStats;
import io.omdprt.model.ChannelSet;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.time.MonitorClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins every configured line with a Netty datagram channel. All lines of one OMD channel are
 * registered on the same event loop, which also runs that channel's liveness ticks, so each tracker
 * is only ever touched by one thread.
 */
public final class Receiver implements SocketStats, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Receiver.class);
    /** Largest datagram kept whole; anything longer is cut and then counted malformed (size_mismatch). */
    static final int MAX_DATAGRAM = 2048;
    /** Datagrams per batched receive (recvmmsg) on epoll. */
    static final int BATCH = 32;
    private static final long OPEN_TIMEOUT_MS = 5_000;
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");

    private final Transport transport;
    private final MultiThreadIoEventLoopGroup loops;
    private final MonitorClock clock;
    private final List<LineSocket> sockets = new ArrayList<>();
    private final Map<String, LineSocket> byKey = new HashMap<>();
    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();
    /** The interface each line is joined on now (replaced by a rejoin). */
    private final Map<LineSocket, NetworkInterface> joinedOn = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object procLock = new Object();
    private Map<Long, ProcNetUdp.SocketCounters> procSnapshot = Map.of();
    private long procReadAtNanos;

    private Receiver(Transport transport, int threads, MonitorClock clock) {
        this.transport = transport;
        this.clock = clock;
        this.loops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("omd-rx", true), transport.ioHandlers());
    }

    /**
     * Opens every line or none: when one cannot be bound or joined, everything opened is closed and
     * the error says which line and why.
     */
    public static Receiver start(MonitorConfig config, ChannelSet channels, MonitorClock clock) throws ReceiverException {
        Transport transport = Transport.choose(config.receiver().transport());
        Receiver receiver = new Receiver(transport, config.receiver().threads(), clock);
        try {
            receiver.open(config, channels, clock);
        } catch (ReceiverException | RuntimeException e) {
            receiver.close();
            throw e;
        }
        return receiver;
    }

    private void open(MonitorConfig config, ChannelSet channels, MonitorClock clock) throws ReceiverException {
        Map<EventLoop, List<MonitoredChannel>> byLoop = new HashMap<>();
        for (MonitoredChannel channel : channels.channels()) {
            EventLoop loop = loops.next();
            byLoop.computeIfAbsent(loop, l -> new ArrayList<>()).add(channel);
            for (int i = 0; i < channel.config().lines().size(); i++) {
                LineSocket socket = openLine(loop, channel, i, config.receiver().receiveBuffer(), clock);
                sockets.add(socket);
                byKey.put(key(channel.feedName(), channel.label(), socket.line().name()), socket);
            }
        }
        long periodNanos = config.liveness().checkInterval().toNanos();
        byLoop.forEach((loop, owned) -> ticks.add(loop.scheduleAtFixedRate(() -> {
            long now = clock.epochNanos();
            for (MonitoredChannel c : owned) {
                c.tracker().onTick(now);
            }
        }, periodNanos, periodNanos, TimeUnit.NANOSECONDS)));
        LOG.info("receiving {} lines of {} channels on {} ({} event loop{})", sockets.size(), channels.channels().size(),
                transport.name(), config.receiver().threads(), config.receiver().threads() == 1 ? "" : "s");
    }

    private LineSocket openLine(EventLoop loop, MonitoredChannel channel, int index, int receiveBuffer, MonitorClock clock)
            throws ReceiverException {
        LineConfig line = channel.line(index);
        String where = channel + " line " + line.name() + " (" + line.endpoint() + " on " + line.interfaceName() + ")";
        NetworkInterface ni = resolveInterface(line.interfaceName(), where);
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channelFactory(transport.datagramChannels())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_RCVBUF, receiveBuffer)
                .handler(new DatagramHandler(channel.tracker(), index, clock));
        if (transport.isEpoll()) {
            b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
                    .option(EpollChannelOption.IP_MULTICAST_ALL, false)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM * BATCH));
        } else {
            b.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM));
        }
        // Bound to the group address, a socket only gets that group's datagrams even when another line
        // shares the port (Linux); elsewhere it binds the wildcard and relies on IP_MULTICAST_ALL semantics.
        InetSocketAddress local = LINUX ? new InetSocketAddress(line.group(), line.port()) : new InetSocketAddress(line.port());
        ChannelFuture bound = b.bind(local);
        if (!bound.awaitUninterruptibly(OPEN_TIMEOUT_MS) || !bound.isSuccess()) {
            throw new ReceiverException(where + ": could not bind " + local + ": " + reason(bound.cause()), bound.cause());
        }
        DatagramChannel ch = (DatagramChannel) bound.channel();
        ChannelFuture joined = line.source() == null
                ? ch.joinGroup(new InetSocketAddress(line.group(), line.port()), ni)
                : ch.joinGroup(line.group(), ni, line.source());
        if (!joined.awaitUninterruptibly(OPEN_TIMEOUT_MS) || !joined.isSuccess()) {
            ch.close();
            throw new ReceiverException(where + ": could not join " + line.group().getHostAddress()
                    + (line.source() == null ? "" : " from " + line.source().getHostAddress()) + ": " + reason(joined.cause()),
                    joined.cause());
        }
        long inode = inodeOf(ch, local);
        if (inode < 0 && ProcNetUdp.available()) {
            LOG.warn("{}: cannot find this socket in /proc/net/udp; its kernel drops will not be reported", where);
        }
        int granted = ch.config().getReceiveBufferSize();
        if (granted < receiveBuffer) {
            LOG.warn("{}: asked for a {} byte receive buffer, the kernel granted {} (raise net.core.rmem_max)", where,
                    receiveBuffer, granted);
        }
        LineSocket socket = new LineSocket(channel, index, line, ch, inode, granted);
        joinedOn.put(socket, ni);
        return socket;
    }

    /** The name of the interface a line is joined on (the config may name it by address). */
    public String interfaceName(LineSocket s) {
        NetworkInterface ni = joinedOn.get(s);
        return ni == null ? s.line().interfaceName() : ni.getName();
    }

    /**
     * Joins a line's group again on {@code now} (the interface as it is now: after it was created
     * again it has a new index), on the line's own event loop: first leaves the membership of the
     * interface it was joined on (gone with the old interface, or still there: either way the socket
     * forgets it), then joins. A join the kernel says exists already counts as done.
     *
     * @return completes when joined, exceptionally with the kernel's reason
     */
    public CompletableFuture<Void> rejoin(LineSocket s, NetworkInterface now) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        DatagramChannel ch = (DatagramChannel) s.nettyChannel();
        LineConfig line = s.line();
        ch.eventLoop().execute(() -> {
            NetworkInterface before = joinedOn.get(s);
            if (before != null) {
                try {
                    // In the loop, Netty leaves at once; a failure only completes the future.
                    if (line.source() == null) {
                        ch.leaveGroup(new InetSocketAddress(line.group(), line.port()), before);
                    } else {
                        ch.leaveGroup(line.group(), before, line.source());
                    }
                } catch (Throwable gone) {
                    // the old membership may have gone with the old interface: nothing to leave
                }
            }
            ChannelFuture joined = line.source() == null ? ch.joinGroup(new InetSocketAddress(line.group(), line.port()), now)
                    : ch.joinGroup(line.group(), now, line.source());
            joined.addListener(f -> {
                Throwable cause = f.cause();
                if (f.isSuccess() || cause != null && String.valueOf(cause.getMessage()).contains("in use")) {
                    joinedOn.put(s, now);
                    done.complete(null);
                } else {
                    done.completeExceptionally(cause == null ? new IOException("join not completed") : cause);
                }
            });
        });
        return done;
    }

    private long inodeOf(DatagramChannel ch, InetSocketAddress local) {
        if (ch instanceof EpollDatagramChannel epoll) {
            return ProcNetUdp.socketInode(epoll.fd().intValue());
        }
        if (!ProcNetUdp.available()) {
            return -1;
        }
        Set<Long> taken = new HashSet<>();
        for (LineSocket s : sockets) {
            taken.add(s.inode());
        }
        return ProcNetUdp.inodeBoundTo(local, taken);
    }

    private static NetworkInterface resolveInterface(String name, String where) throws ReceiverException {
        try {
            NetworkInterface ni = io.omdprt.config.Interfaces.find(name);
            if (ni == null) {
                throw new ReceiverException(where + ": no network interface '" + name + "' on this host", null);
            }
            return ni;
        } catch (SocketException e) {
            throw new ReceiverException(where + ": cannot look up interface '" + name + "': " + e.getMessage(), e);
        }
    }

    private static String reason(Throwable t) {
        return t == null ? "timed out after " + OPEN_TIMEOUT_MS + " ms" : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String key(String feed, String channel, String line) {
        return feed + '\0' + channel + '\0' + line;
    }

    public String transportName() {
        return transport.name();
    }

    public List<LineSocket> sockets() {
        return Collections.unmodifiableList(sockets);
    }

    @Override
    public long receiveBufferBytes(String feed, String channel, String line) {
        LineSocket s = byKey.get(key(feed, channel, line));
        return s == null ? -1 : s.grantedReceiveBufferBytes();
    }

    @Override
    public long kernelDrops(String feed, String channel, String line) {
        LineSocket s = byKey.get(key(feed, channel, line));
        if (s == null || s.inode() < 0) {
            return -1;
        }
        ProcNetUdp.SocketCounters c = procCounters().get(s.inode());
        return c == null ? -1 : c.drops();
    }

    /** /proc/net/udp, read at most every 200 ms however many scrapes ask. */
    private Map<Long, ProcNetUdp.SocketCounters> procCounters() {
        synchronized (procLock) {
            long now = clock.monotonicNanos();
            if (procReadAtNanos == 0 || now - procReadAtNanos > 200_000_000L) {
                try {
                    procSnapshot = ProcNetUdp.read(ProcNetUdp.DEFAULT);
                } catch (IOException | RuntimeException e) {
                    procSnapshot = Map.of();
                }
                procReadAtNanos = now;
            }
            return procSnapshot;
        }
    }

    @Override
    public void close() {
        for (ScheduledFuture<?> t : ticks) {
            t.cancel(false);
        }
        for (LineSocket s : sockets) {
            s.nettyChannel().close().awaitUninterruptibly(1_000);
        }
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
    }

}
