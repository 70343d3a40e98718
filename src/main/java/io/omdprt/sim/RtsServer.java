package io.omdprt.sim;

import io.omdprt.protocol.ControlMessages;
import io.omdprt.protocol.MessageTypes;
import io.omdprt.protocol.OmdPacket;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.rts.PacketFramer;
import io.omdprt.time.MonitorClock;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A Retransmission Server on loopback serving what the simulator published (spec §3.5, §4.3): logon
 * within the logon timeout, one session per user, the last 50,000 messages per channel, at most
 * 10,000 per request, a daily request limit after which it answers 101 and closes, heartbeats that
 * must be echoed within 5 s. Faults are set on {@link #faults()} at any time, from any thread.
 * A thread per connection; binds 127.0.0.1 only.
 */
public final class RtsServer implements Closeable {
    private final Published published;
    private final String feed;
    private final ServerSocket server;
    private final Thread acceptor;
    private final MonitorClock clock;
    private final Faults faults = new Faults();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger logons = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger echoes = new AtomicInteger();
    private final AtomicInteger openNow = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private volatile boolean closed;

    /** What the server does wrong, or how it is set up. Every field may change while it runs. */
    public static final class Faults {
        /** SessionStatus of every Logon Response (0 accepts; 5, 100 refuse and close). */
        public volatile int logonStatus = ControlMessages.LOGON_OK;
        /** Never answer a logon (the client must time out and try the next server). */
        public volatile boolean noLogonResponse;
        /** Heartbeat period while a session is open. */
        public volatile Duration heartbeatInterval = Duration.ofSeconds(30);
        /** How long an echo may take before the server disconnects. */
        public volatile Duration echoTimeout = Duration.ofSeconds(5);
        /** Take no echo as an echo: every session is disconnected after its first heartbeat. */
        public volatile boolean ignoreEchoes;
        /** Answer every request with this RetransStatus (null: answer as the request deserves). */
        public volatile Integer forcedStatus;
        /** Wait this long before answering a request. */
        public volatile Duration replyDelay = Duration.ZERO;
        /** Close the connection after sending this many messages of a reply (-1: never). */
        public volatile int disconnectAfterMessages = -1;
        /** Messages per retransmitted packet (framing differs from multicast, as the spec allows). */
        public volatile int messagesPerPacket = 5;
        /** Send the response with MsgType 0, as HKEX's test line has been seen to. */
        public volatile boolean responseTypeZero;
        /** Send the response with another ChannelID than requested. */
        public volatile boolean responseOtherChannel;
        /** Flip a byte in the body of every retransmitted message. */
        public volatile boolean corruptContent;
        /** Requests allowed per day (across channels); the next is answered 101 and the connection closed. */
        public volatile int dailyLimit = 1_000;
        /** Logon timeout: a connection that sends no Logon within it is closed. */
        public volatile Duration logonTimeout = Duration.ofSeconds(5);
    }

    /**
     * @param port  0 for any free port
     * @param clock times the logon timeout and the heartbeats, and stamps SendTime
     */
    public RtsServer(Published published, String feed, int port, MonitorClock clock) throws IOException {
        this.published = published;
        this.clock = clock;
        this.feed = feed;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.acceptor = new Thread(this::acceptLoop, "sim-rts-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public Faults faults() {
        return faults;
    }

    public int port() {
        return server.getLocalPort();
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    public int connections() {
        return connections.get();
    }

    public int logons() {
        return logons.get();
    }

    /** Requests received today, answered or not. */
    public int requests() {
        return requests.get();
    }

    public int echoes() {
        return echoes.get();
    }

    /** Connections open now. */
    public int openNow() {
        return openNow.get();
    }

    /** The most sessions this server had open at once. */
    public int mostOpenAtOnce() {
        return mostOpen.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "sim-rts-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void serve(Socket s) {
        String user = null;
        int open = openNow.incrementAndGet();
        mostOpen.accumulateAndGet(open, Math::max);
        try (s) {
            s.setTcpNoDelay(true);
            Conn c = new Conn(s);
            byte[] logon = c.read(clock.monotonicNanos() + faults.logonTimeout.toNanos());
            if (logon == null || logon.length < 32 || type(logon) != MessageTypes.LOGON) {
                return;
            }
            logons.incrementAndGet();
            if (faults.noLogonResponse) {
                c.read(clock.monotonicNanos() + Duration.ofMinutes(1).toNanos()); // until the client gives up
                return;
            }
            String name = ControlMessages.username(new UnsafeBuffer(logon), OmdPacket.HEADER_LENGTH);
            int status = faults.logonStatus;
            if (status == ControlMessages.LOGON_OK && !sessions.add(name)) {
                status = ControlMessages.LOGON_ALREADY_CONNECTED;
            } else if (status == ControlMessages.LOGON_OK) {
                user = name;
            }
            int answer = status;
            c.send(packet(enc -> enc.logonResponse(answer)));
            if (user == null) {
                return; // any refusal: the response, then close (§4.3)
            }
            c.session();
        } catch (IOException e) {
            // the client went away
        } finally {
            if (user != null) {
                sessions.remove(user);
            }
            openNow.decrementAndGet();
            sockets.remove(s);
        }
    }

    private interface Writer {
        void write(PacketEncoder encoder);
    }

    private static byte[] packet(Writer w) {
        UnsafeBuffer b = new UnsafeBuffer(new byte[64]);
        PacketEncoder e = new PacketEncoder().begin(b, 0, 0, 0);
        w.write(e);
        return Arrays.copyOf(b.byteArray(), e.finish());
    }

    private static int type(byte[] p) {
        return (p[OmdPacket.HEADER_LENGTH + 2] & 0xFF) | (p[OmdPacket.HEADER_LENGTH + 3] & 0xFF) << 8;
    }

    /** One connection: framing and the session loop. */
    private final class Conn {
        private final Socket socket;
        private final PacketFramer framer;
        private final OutputStream out;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.framer = new PacketFramer(socket.getInputStream(), clock);
            this.out = socket.getOutputStream();
            socket.setSoTimeout(20);
        }

        void send(byte[] p) throws IOException {
            out.write(p);
            out.flush();
        }

        /** Serves requests; heartbeats on schedule; closes when an echo is late. */
        void session() throws IOException {
            long nextHeartbeat = clock.monotonicNanos() + faults.heartbeatInterval.toNanos();
            long echoDue = Long.MAX_VALUE;
            while (!closed) {
                long now = clock.monotonicNanos();
                if (now >= echoDue) {
                    return; // heartbeat not echoed within the timeout: disconnect
                }
                if (now >= nextHeartbeat) {
                    send(packet(enc -> { }));
                    nextHeartbeat = now + faults.heartbeatInterval.toNanos();
                    if (echoDue == Long.MAX_VALUE) {
                        echoDue = now + faults.echoTimeout.toNanos();
                    }
                }
                byte[] p = read(Math.min(nextHeartbeat, echoDue));
                if (p == null) {
                    continue;
                }
                if ((p[OmdPacket.MSG_COUNT_OFFSET] & 0xFF) == 0) {
                    if (!faults.ignoreEchoes) {
                        echoes.incrementAndGet();
                        echoDue = Long.MAX_VALUE;
                    }
                    continue;
                }
                if (p.length >= 32 && type(p) == MessageTypes.RETRANSMISSION_REQUEST) {
                    UnsafeBuffer b = new UnsafeBuffer(p);
                    if (!answer(ControlMessages.retransChannelId(b, 16), ControlMessages.beginSeqNum(b, 16),
                            ControlMessages.endSeqNum(b, 16))) {
                        return;
                    }
                }
            }
        }

        /** @return false when the connection is to be closed */
        private boolean answer(int channel, long begin, long end) throws IOException {
            int n = requests.incrementAndGet();
            sleep(faults.replyDelay);
            String label = Integer.toString(channel);
            int status;
            if (faults.forcedStatus != null) {
                status = faults.forcedStatus;
            } else if (n > faults.dailyLimit) {
                status = ControlMessages.RETRANS_DAILY_LIMIT;
            } else if (!published.knows(feed, label)) {
                status = ControlMessages.RETRANS_UNKNOWN_CHANNEL;
            } else if (end < begin || end - begin + 1 > 10_000) {
                status = ControlMessages.RETRANS_RANGE_TOO_LARGE;
            } else if (!available(label, begin, end)) {
                status = ControlMessages.RETRANS_NOT_AVAILABLE;
            } else {
                status = ControlMessages.RETRANS_OK;
            }
            int st = status;
            int replyChannel = faults.responseOtherChannel ? channel + 1 : channel;
            byte[] response = packet(enc -> enc.retransmissionResponse(replyChannel, st, begin, end));
            if (faults.responseTypeZero) {
                response[OmdPacket.HEADER_LENGTH + 2] = 0;
                response[OmdPacket.HEADER_LENGTH + 3] = 0;
            }
            send(response);
            if (status == ControlMessages.RETRANS_DAILY_LIMIT) {
                return false; // §4.3: the server closes after a 101
            }
            if (status != ControlMessages.RETRANS_OK) {
                return true;
            }
            int sent = 0;
            int per = Math.max(1, faults.messagesPerPacket);
            UnsafeBuffer b = new UnsafeBuffer(new byte[OmdPacket.MAX_PACKET_LENGTH]);
            PacketEncoder enc = new PacketEncoder(OmdPacket.MAX_PACKET_LENGTH);
            long seq = begin;
            while (seq <= end) {
                enc.begin(b, 0, seq, clock.epochMillis() * 1_000_000L);
                long first = seq;
                while (seq <= end && seq - first < per) {
                    byte[] m = published.get(feed, label, seq);
                    if (m == null || !enc.fits(m.length)) {
                        break;
                    }
                    if (faults.disconnectAfterMessages >= 0 && sent >= faults.disconnectAfterMessages) {
                        if (enc.messageCount() > 0) {
                            send(Arrays.copyOf(b.byteArray(), enc.finish()));
                        }
                        return false;
                    }
                    int at = enc.message(type(m, 0), m.length);
                    b.putBytes(at, m);
                    if (faults.corruptContent && m.length > 4) {
                        b.putByte(at + m.length - 1, (byte) (b.getByte(at + m.length - 1) ^ 0x5A));
                    }
                    seq++;
                    sent++;
                }
                if (enc.messageCount() == 0) {
                    return true; // no longer kept meanwhile: what was sent is all
                }
                send(Arrays.copyOf(b.byteArray(), enc.finish()));
            }
            return true;
        }

        private boolean available(String label, long begin, long end) {
            long highest = published.highest(feed, label);
            return begin >= 1 && end <= highest && highest - begin < Published.KEPT && published.get(feed, label, begin) != null;
        }

        byte[] read(long deadline) throws IOException {
            return closed ? null : framer.next(deadline);
        }
    }

    private static int type(byte[] m, int at) {
        return (m[at + 2] & 0xFF) | (m[at + 3] & 0xFF) << 8;
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
