package io.omdprt.http;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.AttributeKey;
import io.omdprt.config.Cidr;
import io.omdprt.time.MonitorClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Which connections the HTTP server keeps, so that no client, however many connections it opens and however slowly
 * it talks, can keep a scrape out. Everything here runs on the server's one event-loop thread: no locks.
 *
 * <p>The rules, and why:
 * <ul>
 * <li>Only addresses in the allow-list (when there is one) are kept; others are closed at accept, before a byte is
 * read.</li>
 * <li>A new connection is never refused for lack of room. At the per-address cap the oldest connection of that address
 * gives way; at the global cap the oldest one of all. "Oldest" means waiting longest for a request (a new connection,
 * or a kept-alive one idle since its last answer); connections being answered are taken only when no connection is
 * waiting. Refusing newcomers instead, as the server did, hands the port to whoever connects first and never lets go:
 * that is how 300 half-open connections blinded Prometheus. With eviction a scrape, which sends its whole request
 * as soon as it connects, is the newest connection and is read long before enough others arrive to displace it.</li>
 * <li>The per-address cap keeps one noisy address (a misbehaving client, a scanner) from pushing out the waiting
 * connections of other addresses: it evicts among its own, and only connections that have had a fair chance
 * ({@link #FAIR_CHANCE}) to send their request, so a burst of honest connections from one address (a hundred
 * concurrent scrapes, a browser) is not cut short; such a burst may exceed the per-address cap for that long, still
 * bounded by the global one. Reaching the global cap with slow connections takes
 * {@code maxConnections / maxConnectionsPerAddress} addresses, or one address opening connections faster than
 * {@code maxConnections} per fair chance.</li>
 * <li>A request must arrive whole within the request timeout of the connection opening (or of the previous answer on a
 * kept-alive connection), and an answer must be taken within the same time: slow clients, one byte a second or
 * none, are closed however they trickle. All connections share one timeout, so each list below is in deadline
 * order and one timer, set for the earliest deadline, expires them all: no timer per connection.</li>
 * </ul>
 */
final class Admission {
    private static final AttributeKey<Conn> CONN = AttributeKey.valueOf(Admission.class, "conn");
    /**
     * How long a new connection has to send its request before its address's cap may evict it: far more than the
     * round trip a scrape needs, so a burst of honest connections (a hundred concurrent scrapes) is not cut short.
     */
    static final Duration FAIR_CHANCE = Duration.ofSeconds(1);

    private static final class Conn {
        final Channel channel;
        final InetAddress address;
        long since;
        /** The list the connection is in; null once it is gone. */
        LinkedHashSet<Conn> in;

        Conn(Channel channel, InetAddress address) {
            this.channel = channel;
            this.address = address;
        }
    }

    private final HttpServer.Limits limits;
    private final long timeoutNanos;
    private final long fairChanceNanos;
    private final EventLoop loop;
    private final MonitorClock clock;
    /** Connections waiting for (the rest of) a request, longest waiting first. */
    private final LinkedHashSet<Conn> waiting = new LinkedHashSet<>();
    /** Connections whose answer is being written, oldest first. */
    private final LinkedHashSet<Conn> answering = new LinkedHashSet<>();
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    private int open;
    private boolean sweepScheduled;
    private long evicted;
    private long timedOut;
    private long notAllowed;

    Admission(HttpServer.Limits limits, EventLoop loop, MonitorClock clock) {
        this.clock = clock;
        this.limits = limits;
        this.timeoutNanos = limits.requestTimeout().toNanos();
        this.fairChanceNanos = Math.min(FAIR_CHANCE.toNanos(), timeoutNanos);
        this.loop = loop;
    }

    /** Called as a connection is accepted, before anything is read: keeps it (true) or closes it (false). */
    boolean admit(SocketChannel channel) {
        InetSocketAddress remote = channel.remoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        if (address == null || !allowed(address)) { // null: gone before we saw it
            notAllowed++;
            channel.close();
            return false;
        }
        if (perAddress.getOrDefault(address, 0) >= limits.maxConnectionsPerAddress()) {
            Conn oldest = oldestWaiting(address);
            if (oldest != null && clock.monotonicNanos() - oldest.since >= fairChanceNanos) {
                evict(oldest);
            }
        }
        if (open >= limits.maxConnections()) {
            Conn oldest = oldestWaiting(null);
            evict(oldest != null ? oldest : answering.isEmpty() ? null : answering.iterator().next());
        }
        Conn conn = new Conn(channel, address);
        channel.attr(CONN).set(conn);
        open++;
        perAddress.merge(address, 1, Integer::sum);
        enter(waiting, conn);
        channel.closeFuture().addListener(f -> leave(conn));
        return true;
    }

    /** A whole request arrived: the connection is being answered and is the last to be evicted. */
    void answering(Channel channel) {
        move(channel, answering);
    }

    /** The answer went out on a kept-alive connection: it waits for the next request, with a fresh deadline. */
    void waiting(Channel channel) {
        move(channel, waiting);
    }

    private boolean allowed(InetAddress address) {
        if (limits.allow().isEmpty()) {
            return true;
        }
        for (Cidr cidr : limits.allow()) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The connection waiting longest for a request (from {@code address}, unless null); null when none is waiting. */
    private Conn oldestWaiting(InetAddress address) {
        for (Conn c : waiting) {
            if (address == null || address.equals(c.address)) {
                return c;
            }
        }
        return null;
    }

    private void evict(Conn conn) {
        if (conn != null) {
            evicted++;
            leave(conn);
            conn.channel.close();
        }
    }

    private void move(Channel channel, LinkedHashSet<Conn> to) {
        Conn conn = channel.attr(CONN).get();
        if (conn != null && conn.in != null) {
            conn.in.remove(conn);
            enter(to, conn);
        }
    }

    private void enter(LinkedHashSet<Conn> list, Conn conn) {
        conn.since = clock.monotonicNanos();
        conn.in = list;
        list.add(conn);
        if (!sweepScheduled) {
            sweepScheduled = true;
            loop.schedule(this::sweep, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Forgets a connection (once, whichever of close or eviction comes first). */
    private void leave(Conn conn) {
        if (conn.in == null) {
            return;
        }
        conn.in.remove(conn);
        conn.in = null;
        open--;
        perAddress.computeIfPresent(conn.address, (a, n) -> n == 1 ? null : n - 1);
    }

    /** Closes every connection past its deadline, then sets the timer for the next deadline. */
    private void sweep() {
        sweepScheduled = false;
        long now = clock.monotonicNanos();
        long next = Long.MAX_VALUE;
        for (LinkedHashSet<Conn> list : List.of(waiting, answering)) {
            while (!list.isEmpty()) {
                Conn c = list.iterator().next();
                long left = c.since + timeoutNanos - now;
                if (left > 0) {
                    next = Math.min(next, left);
                    break;
                }
                leave(c);
                timedOut++;
                c.channel.close();
            }
        }
        if (next != Long.MAX_VALUE) {
            sweepScheduled = true;
            loop.schedule(this::sweep, next, TimeUnit.NANOSECONDS);
        }
    }

    /** What the server did to keep itself available; read on the event loop. */
    record Counts(int open, long evicted, long timedOut, long notAllowed) {
    }

    Counts counts() {
        return new Counts(open, evicted, timedOut, notAllowed);
    }
}
