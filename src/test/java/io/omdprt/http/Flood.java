package io.omdprt.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The attacker of issue 19, on one thread and one selector however many sockets it holds: idle and slow
 * clients that never finish a request, and that come back {@code backoff} after the server closes them, so
 * the server never gets rid of them by waiting. Each client binds to its own local address (any of
 * 127.0.0.0/8 on Linux), so a test can put attackers on many addresses or on the scraper's own.
 */
final class Flood implements AutoCloseable {
    /** How a client misbehaves. */
    enum Kind {
        /** connects and says nothing */
        SILENT,
        /** sends a request line and stops before the end of the headers */
        REQUEST_LINE,
        /** sends a request line, then one byte of a header every second */
        TRICKLE
    }

    private static final byte[] LINE = "GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CONNECTS_IN_FLIGHT = 64;

    private final class Client {
        final InetAddress local;
        final Kind kind;
        SocketChannel channel;
        boolean connecting;
        boolean up;
        boolean everUp;
        long reconnectAt;

        Client(InetAddress local, Kind kind) {
            this.local = local;
            this.kind = kind;
        }
    }

    private final InetSocketAddress server;
    private final long backoffNanos;
    private final List<Client> clients = new ArrayList<>();
    /** Clients not connected, in the order they are due to (re)connect: the backoff is the same for all. */
    private final ArrayDeque<Client> down = new ArrayDeque<>();
    private final Selector selector;
    private final Thread thread;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(4096);
    private volatile boolean running = true;
    private int inFlight;

    final AtomicInteger up = new AtomicInteger();
    final AtomicInteger everUp = new AtomicInteger();
    final AtomicLong connects = new AtomicLong();
    final AtomicLong closedByServer = new AtomicLong();
    final AtomicLong connectFailures = new AtomicLong();
    final AtomicLong answeredBytes = new AtomicLong();

    Flood(InetSocketAddress server, long backoffMillis) throws IOException {
        this.server = server;
        this.backoffNanos = TimeUnit.MILLISECONDS.toNanos(backoffMillis);
        this.selector = Selector.open();
        this.thread = new Thread(this::run, "flood");
        this.thread.setDaemon(true);
    }

    Flood add(InetAddress local, Kind kind, int count) {
        for (int i = 0; i < count; i++) {
            Client c = new Client(local, kind);
            clients.add(c);
            down.add(c);
        }
        return this;
    }

    Flood start() {
        thread.start();
        return this;
    }

    int size() {
        return clients.size();
    }

    private void run() {
        long nextTrickle = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        try {
            while (running) {
                long now = System.nanoTime();
                while (!down.isEmpty() && now >= down.peek().reconnectAt && inFlight < CONNECTS_IN_FLIGHT) {
                    open(down.poll());
                }
                if (now >= nextTrickle) {
                    nextTrickle = now + TimeUnit.SECONDS.toNanos(1);
                    for (Client c : clients) {
                        if (c.up && c.kind == Kind.TRICKLE) {
                            write(c, new byte[] {'a'});
                        }
                    }
                }
                selector.select(20);
                for (SelectionKey key : selector.selectedKeys()) {
                    Client c = (Client) key.attachment();
                    if (!key.isValid() || c.channel != key.channel()) {
                        continue;
                    }
                    if (key.isConnectable()) {
                        connected(c, key);
                    } else if (key.isReadable()) {
                        readable(c);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException("flood selector failed", e);
        } finally {
            for (Client c : clients) {
                closeQuietly(c);
            }
        }
    }

    private void open(Client c) {
        try {
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.bind(new InetSocketAddress(c.local, 0));
            c.channel = ch;
            c.connecting = true;
            inFlight++;
            connects.incrementAndGet();
            if (ch.connect(server)) {
                ch.register(selector, SelectionKey.OP_READ, c);
                ready(c);
            } else {
                ch.register(selector, SelectionKey.OP_CONNECT, c);
            }
        } catch (IOException e) {
            connectFailures.incrementAndGet();
            lost(c, false);
        }
    }

    private void connected(Client c, SelectionKey key) {
        try {
            c.channel.finishConnect();
            key.interestOps(SelectionKey.OP_READ);
            ready(c);
        } catch (IOException e) {
            connectFailures.incrementAndGet();
            lost(c, false);
        }
    }

    private void ready(Client c) {
        c.connecting = false;
        inFlight--;
        c.up = true;
        up.incrementAndGet();
        if (!c.everUp) {
            c.everUp = true;
            everUp.incrementAndGet();
        }
        if (c.kind != Kind.SILENT) {
            write(c, LINE);
        }
        if (c.kind == Kind.TRICKLE) {
            write(c, "X-Slow: ".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void write(Client c, byte[] bytes) {
        if (c.channel == null) {
            return; // lost on an earlier write
        }
        try {
            c.channel.write(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            lost(c, true);
        }
    }

    private void readable(Client c) {
        readBuffer.clear();
        try {
            int n = c.channel.read(readBuffer);
            if (n < 0) {
                lost(c, true);
            } else {
                answeredBytes.addAndGet(n);
            }
        } catch (IOException e) {
            lost(c, true);
        }
    }

    private void lost(Client c, boolean byServer) {
        if (byServer) {
            closedByServer.incrementAndGet();
        }
        closeQuietly(c);
        c.reconnectAt = System.nanoTime() + backoffNanos;
        down.add(c);
    }

    private void closeQuietly(Client c) {
        if (c.connecting) {
            c.connecting = false;
            inFlight--;
        }
        if (c.up) {
            c.up = false;
            up.decrementAndGet();
        }
        if (c.channel != null) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing a socket the server already dropped
            }
            c.channel = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(5_000);
    }

    String describe() {
        return String.format("%d clients, %d up now, %d ever up, %d connects, %d closed by the server, %d connect failures, "
                + "%d bytes answered", clients.size(), up.get(), everUp.get(), connects.get(), closedByServer.get(),
                connectFailures.get(), answeredBytes.get());
    }
}
