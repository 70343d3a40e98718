package io.omdprt.net;

import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
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
 * Joins every configured line with a socket of its own, bound to the line's group and port, so the
 * kernel keeps lines that share a port apart. All lines of one OMD channel are
 * registered on the same event loop, which also runs that channel's liveness ticks, so each tracker
 * is only ever touched by one thread.
 */
public final class Receiver implements SocketStats, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Receiver.class);
    /** Largest datagram kept whole; anything longer is cut and then counted malformed (size_mismatch). */
    static final int MAX_DATAGRAM = 2048;
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");

    private final Transport transport;
    private final MultiThreadIoEventLoopGroup loops;
    private final MonitorClock clock;
    private final List<LineSocket> sockets = new ArrayList<>();
    private final Map<LineKey, LineSocket> byKey = new HashMap<>();
    private final Map<LineSocket, GroupSocket> open = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();
    /** The interface each line is joined on now (replaced by a rejoin). */
    private final Map<LineSocket, NetworkInterface> joinedOn = new java.util.concurrent.ConcurrentHashMap<>();
    private final DropCounterCache drops;

    private Receiver(Transport transport, int threads, MonitorClock clock) {
        this.transport = transport;
        this.clock = clock;
        this.drops = new DropCounterCache(ProcNetUdp.DEFAULT, DropCounterCache.SNMP, clock);
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
        Map<IoEventLoop, List<MonitoredChannel>> byLoop = new HashMap<>();
        for (MonitoredChannel channel : channels.channels()) {
            IoEventLoop loop = loops.next();
            byLoop.computeIfAbsent(loop, l -> new ArrayList<>()).add(channel);
            for (int i = 0; i < channel.config().lines().size(); i++) {
                LineSocket socket = openLine(loop, channel, i, config.receiver().receiveBuffer(), clock);
                sockets.add(socket);
                byKey.put(new LineKey(channel.feedName(), channel.label(), socket.line().name()), socket);
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

    private LineSocket openLine(IoEventLoop loop, MonitoredChannel channel, int index, int receiveBuffer, MonitorClock clock)
            throws ReceiverException {
        LineConfig line = channel.line(index);
        String where = channel + " line " + line.name() + " (" + line.endpoint() + " on " + line.interfaceName() + ")";
        NetworkInterface ni = resolveInterface(line.interfaceName(), where);
        // Bound to the group address, a socket only gets that group's datagrams even when another line
        // shares the port (Linux); elsewhere it binds the wildcard and relies on IP_MULTICAST_ALL semantics.
        InetSocketAddress local = LINUX ? new InetSocketAddress(line.group(), line.port()) : new InetSocketAddress(line.port());
        GroupSocket socket;
        try {
            socket = transport.open(loop, line, local, receiveBuffer, channel.tracker(), index, clock);
        } catch (IOException | RuntimeException e) {
            throw new ReceiverException(where + ": could not bind " + local + ": " + reason(e), e);
        }
        try {
            socket.join(ni);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw new ReceiverException(where + ": could not join " + line.group().getHostAddress()
                    + (line.source() == null ? "" : " from " + line.source().getHostAddress()) + ": " + reason(e), e);
        }
        int granted;
        try {
            granted = socket.receiveBufferBytes();
        } catch (IOException e) {
            socket.close();
            throw new ReceiverException(where + ": cannot read the socket's receive buffer size: " + reason(e), e);
        }
        long inode = inodeOf(socket, local);
        if (inode < 0 && ProcNetUdp.available()) {
            LOG.warn("{}: cannot find this socket in /proc/net/udp; its kernel drops will not be reported", where);
        }
        if (granted < receiveBuffer) {
            LOG.warn("{}: asked for a {} byte receive buffer, the kernel granted {} (raise net.core.rmem_max)", where,
                    receiveBuffer, granted);
        }
        LineSocket s = new LineSocket(channel, index, line, inode, granted);
        open.put(s, socket);
        joinedOn.put(s, ni);
        return s;
    }

    /** The event loop that reads a line (and runs its channel's ticks). */
    io.netty.channel.EventLoop eventLoop(LineSocket s) {
        return open.get(s).eventLoop();
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
        GroupSocket socket = open.get(s);
        socket.eventLoop().execute(() -> {
            NetworkInterface before = joinedOn.get(s);
            if (before != null) {
                try {
                    socket.leave(before);
                } catch (IOException | RuntimeException gone) {
                    // the old membership may have gone with the old interface: nothing to leave
                }
            }
            try {
                socket.join(now);
            } catch (IOException | RuntimeException e) {
                if (!String.valueOf(e.getMessage()).contains("in use")) {
                    done.completeExceptionally(e);
                    return;
                }
            }
            joinedOn.put(s, now);
            done.complete(null);
        });
        return done;
    }

    private long inodeOf(GroupSocket socket, InetSocketAddress local) {
        if (socket.fd() >= 0) {
            return ProcNetUdp.socketInode(socket.fd());
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
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    public String transportName() {
        return transport.name();
    }

    public List<LineSocket> sockets() {
        return Collections.unmodifiableList(sockets);
    }

    @Override
    public long receiveBufferBytes(String feed, String channel, String line) {
        LineSocket s = byKey.get(new LineKey(feed, channel, line));
        return s == null ? -1 : s.grantedReceiveBufferBytes();
    }

    @Override
    public long kernelDrops(String feed, String channel, String line) {
        LineSocket s = byKey.get(new LineKey(feed, channel, line));
        if (s == null || s.inode() < 0) {
            return -1;
        }
        return drops.drops(s.inode());
    }

    @Override
    public void close() {
        for (ScheduledFuture<?> t : ticks) {
            t.cancel(false);
        }
        for (GroupSocket s : open.values()) {
            s.close();
        }
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
    }

}
