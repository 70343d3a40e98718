package io.omdprt.rts;

import io.omdprt.config.RtsConfig;
import io.omdprt.protocol.ControlMessages;
import io.omdprt.protocol.Malformed;
import io.omdprt.protocol.MessageCursor;
import io.omdprt.protocol.MessageHash;
import io.omdprt.protocol.MessageTypes;
import io.omdprt.protocol.OmdPacket;
import io.omdprt.time.MonitorClock;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One TCP session with one Retransmission Server (spec §3.5, §4.3), used from one thread: Logon right
 * after connect, requests one at a time, every server heartbeat echoed as soon as it is read (the
 * server allows 5 s), and no logout: {@link #close()} closes TCP. The session is read only while the
 * client waits for an answer; between uses it is closed, so no heartbeat can go unanswered.
 */
final class RtsSession implements Closeable {
    /** How often a blocked read wakes to check its deadline. */
    private static final int READ_SLICE_MILLIS = 50;

    private final Socket socket;
    private final OutputStream out;
    private final RtsStats stats;
    private final RtsConfig.Server server;
    private final PacketFramer framer;
    private final MonitorClock clock;

    /** How a logon went. {@code status} is the SessionStatus, or -1 when none came. */
    record Logon(RtsSession session, int status, String failure, long latencyNanos) {
        boolean active() {
            return session != null;
        }
    }

    /**
     * @param outcome  accepted (status 0 and every message came), refused (another status),
     *                 no_response, disconnected (the server closed before answering or mid-reply)
     * @param status   RetransStatus, or -1 when no response came
     * @param hashes   per requested message (index = seq - begin): its hash, valid where {@code received}
     * @param malformed retransmitted packets or messages that did not add up
     * @param outside  messages outside the requested range, or sent twice
     */
    record Reply(String outcome, int status, long responseNanos, long completeNanos, long begin, long end, long[] hashes,
                 boolean[] received, int receivedCount, int malformed, int outside, boolean typeMismatch, boolean channelMismatch) {
        boolean complete() {
            return receivedCount == end - begin + 1;
        }
    }

    private RtsSession(Socket socket, RtsStats stats, RtsConfig.Server server, MonitorClock clock) throws IOException {
        this.socket = socket;
        this.clock = clock;
        this.framer = new PacketFramer(socket.getInputStream(), clock);
        this.out = socket.getOutputStream();
        this.stats = stats;
        this.server = server;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(READ_SLICE_MILLIS);
    }

    RtsConfig.Server server() {
        return server;
    }

    /** Connects and logs on; never throws: a failure is in the result, the socket closed. */
    static Logon open(RtsConfig.Server server, String username, Duration connectTimeout, Duration logonTimeout, RtsStats stats,
                      MonitorClock clock) {
        long start = clock.monotonicNanos();
        Socket socket = new Socket();
        RtsSession session = null;
        try {
            socket.connect(server.address(), (int) connectTimeout.toMillis());
            session = new RtsSession(socket, stats, server, clock);
            session.out.write(RtsWire.logon(username)); // within 5 s of connect (§4.3): at once
            session.out.flush();
            long deadline = clock.monotonicNanos() + logonTimeout.toNanos();
            while (true) {
                byte[] p = session.read(deadline);
                if (p == null) {
                    session.close();
                    return new Logon(null, -1, "no Logon Response within " + logonTimeout.toMillis() + " ms", clock.monotonicNanos() - start);
                }
                if (session.answerHeartbeat(p)) {
                    continue;
                }
                UnsafeBuffer b = new UnsafeBuffer(p);
                if (p.length < OmdPacket.HEADER_LENGTH + 8 || (p[2] & 0xFF) < 1) {
                    session.close();
                    return new Logon(null, -1, "a malformed packet instead of the Logon Response", clock.monotonicNanos() - start);
                }
                int type = b.getShort(OmdPacket.HEADER_LENGTH + 2, java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
                if (type != MessageTypes.LOGON_RESPONSE) {
                    stats.mismatchedResponses.incrementAndGet();
                }
                int status = ControlMessages.sessionStatus(b, OmdPacket.HEADER_LENGTH);
                long latency = clock.monotonicNanos() - start;
                if (status != ControlMessages.LOGON_OK) {
                    session.close(); // the server closes too (§4.3)
                    return new Logon(null, status, RtsWire.sessionStatusName(status), latency);
                }
                return new Logon(session, status, null, latency);
            }
        } catch (java.io.EOFException e) {
            closeQuietly(session, socket);
            return new Logon(null, -1, "the server closed the connection before the Logon Response", clock.monotonicNanos() - start);
        } catch (IOException e) {
            closeQuietly(session, socket);
            return new Logon(null, -1, "cannot connect: " + e.getMessage(), clock.monotonicNanos() - start);
        }
    }

    private static void closeQuietly(RtsSession session, Socket socket) {
        if (session != null) {
            session.close();
        } else {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    /** Sends one request and reads its response and messages; never throws. */
    Reply request(int channelId, long begin, long end, Duration timeout) {
        long start = clock.monotonicNanos();
        long deadline = start + timeout.toNanos();
        int n = (int) (end - begin + 1);
        long[] hashes = new long[n];
        boolean[] received = new boolean[n];
        int count = 0;
        int malformed = 0;
        int outside = 0;
        int status = -1;
        long responseNanos = 0;
        boolean typeMismatch = false;
        boolean channelMismatch = false;
        try {
            out.write(RtsWire.retransmissionRequest(channelId, begin, end));
            out.flush();
            while (status != 0 || count < n) {
                byte[] p = read(deadline);
                if (p == null) {
                    return new Reply(status < 0 ? "no_response" : "incomplete", status, responseNanos, clock.monotonicNanos() - start, begin, end, hashes, received, count,
                            malformed, outside, typeMismatch, channelMismatch);
                }
                if (answerHeartbeat(p)) {
                    continue;
                }
                UnsafeBuffer b = new UnsafeBuffer(p);
                OmdPacket packet = new OmdPacket().wrap(b, 0, p.length);
                if (packet.validate() != Malformed.NONE) {
                    malformed++;
                    continue;
                }
                MessageCursor m = packet.messages();
                if (status < 0) {
                    // The first packet after the request carries the response. HKEX's test line has sent it with MsgType 0
                    // and with another ChannelID: read it as the response all the same, and count it.
                    m.next();
                    if (m.size() < 8) {
                        malformed++;
                        continue;
                    }
                    typeMismatch = m.type() != MessageTypes.RETRANSMISSION_RESPONSE;
                    channelMismatch = ControlMessages.retransChannelId(b, m.offset()) != channelId;
                    if (typeMismatch || channelMismatch) {
                        stats.mismatchedResponses.incrementAndGet();
                    }
                    status = ControlMessages.retransStatus(b, m.offset());
                    responseNanos = clock.monotonicNanos() - start;
                    if (status != ControlMessages.RETRANS_OK) {
                        return new Reply("refused", status, responseNanos, responseNanos, begin, end, hashes, received, 0, malformed, outside,
                                typeMismatch, channelMismatch);
                    }
                    continue; // a response packet holds the response only
                }
                long seq = packet.seqNum();
                while (m.next()) {
                    long s = seq + m.index();
                    int i = (int) (s - begin);
                    if (s < begin || s > end || received[i]) {
                        outside++;
                        continue;
                    }
                    hashes[i] = MessageHash.of(b, m.offset(), m.size());
                    received[i] = true;
                    count++;
                }
            }
            return new Reply("accepted", status, responseNanos, clock.monotonicNanos() - start, begin, end, hashes, received, count, malformed,
                    outside, typeMismatch, channelMismatch);
        } catch (IOException e) {
            return new Reply("disconnected", status, responseNanos, clock.monotonicNanos() - start, begin, end, hashes, received, count, malformed,
                    outside, typeMismatch, channelMismatch);
        }
    }

    /** Echoes a heartbeat, an exact copy (§4.3). @return whether the packet was one */
    private boolean answerHeartbeat(byte[] p) throws IOException {
        if (!RtsWire.isHeartbeat(p)) {
            return false;
        }
        out.write(p);
        out.flush();
        stats.heartbeatsEchoed.incrementAndGet();
        return true;
    }

    /** The next whole packet, or null at the deadline. @throws java.io.EOFException when the server closed */
    private byte[] read(long deadline) throws IOException {
        return framer.next(deadline);
    }

    /** No logout message exists: closing TCP ends the session (§4.3). */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }

}
