package io.omdprt.rts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.RtsConfig;
import io.omdprt.protocol.MessageHash;
import io.omdprt.sim.Published;
import io.omdprt.sim.RtsServer;
import io.omdprt.time.MonitorClock;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's session and failover against the simulator's RTS server, status by status and fault by fault. */
class RtsClientServerTest {
    private static final String FEED = "omdc";
    private final Published published = new Published();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    /** Channel 11 with messages 1..n (type 50, 32 bytes, the seq stamped in the body). */
    private static byte[] message(long seq) {
        byte[] m = new byte[32];
        UnsafeBuffer b = new UnsafeBuffer(m);
        b.putShort(0, (short) 32, ByteOrder.LITTLE_ENDIAN);
        b.putShort(2, (short) 50, ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, (int) seq, ByteOrder.LITTLE_ENDIAN);
        return m;
    }

    private RtsServer server(long messages) throws Exception {
        published.channel(FEED, "11");
        for (long s = 1; s <= messages; s++) {
            published.add(FEED, "11", s, message(s));
        }
        RtsServer server = new RtsServer(published, FEED, 0, MonitorClock.system());
        closing.add(server);
        return server;
    }

    private static RtsConfig config(String... addresses) {
        List<RtsConfig.Server> servers = new ArrayList<>();
        String[] names = {"primary", "secondary"};
        for (int i = 0; i < addresses.length; i++) {
            String[] hp = addresses[i].split(":");
            servers.add(new RtsConfig.Server(names[i], new InetSocketAddress(hp[0], Integer.parseInt(hp[1]))));
        }
        return new RtsConfig(servers, "vendor01", 50, Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(2),
                Set.of(RtsConfig.Mode.RECOVER_CHECK), -1, Duration.ofMinutes(1), 3);
    }

    private static String closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void logonAcceptedThenARequestIsServedWithTheMessagesAsPublished() throws Exception {
        RtsServer server = server(100);
        RtsStats stats = new RtsStats();
        RtsClient client = new RtsClient(config(server.address()), stats, MonitorClock.system());
        RtsClient.Opened o = client.open();
        assertNotNull(o.session());
        assertEquals(1, o.attempts().size());
        assertEquals(0, o.attempts().get(0).status());
        assertTrue(stats.sessionUp());
        assertTrue(stats.lastLogonNanos() > 0);
        RtsSession.Reply r = o.session().request(11, 40, 52, Duration.ofSeconds(2));
        client.close(o.session());
        assertFalse(stats.sessionUp());
        assertEquals("accepted", r.outcome());
        assertEquals(0, r.status());
        assertEquals(13, r.receivedCount());
        assertTrue(r.complete());
        for (int i = 0; i < 13; i++) {
            assertEquals(MessageHash.of(message(40 + i), 0, 32), r.hashes()[i], "message " + (40 + i));
        }
        assertEquals(0, r.malformed());
        assertEquals(0, r.outside());
        assertEquals(0, stats.mismatchedResponses());
        assertEquals(1, server.logons());
        assertEquals(1, server.requests());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 255})
    void repackedMessagesAreReadByTheirSequenceNumbers(int perPacket) throws Exception {
        RtsServer server = server(1000);
        server.faults().messagesPerPacket = perPacket;
        RtsClient client = new RtsClient(config(server.address()), new RtsStats(), MonitorClock.system());
        RtsClient.Opened o = client.open();
        RtsSession.Reply r = o.session().request(11, 1, 600, Duration.ofSeconds(5));
        client.close(o.session());
        assertEquals(600, r.receivedCount());
        assertEquals(MessageHash.of(message(600), 0, 32), r.hashes()[599]);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 100})
    void aRefusedLogonIsReportedAndNoOtherServerIsTried(int status) throws Exception {
        RtsServer primary = server(10);
        primary.faults().logonStatus = status;
        RtsServer secondary = new RtsServer(published, FEED, 0, MonitorClock.system());
        closing.add(secondary);
        RtsStats stats = new RtsStats();
        RtsClient.Opened o = new RtsClient(config(primary.address(), secondary.address()), stats, MonitorClock.system()).open();
        assertNull(o.session());
        assertEquals(1, o.attempts().size());
        assertEquals(status, o.attempts().get(0).status());
        assertEquals(RtsWire.sessionStatusName(status), o.attempts().get(0).failure());
        assertEquals(0, secondary.connections());
        assertEquals(1, stats.logonsRefused());
        assertEquals(0, stats.logons());
        assertFalse(stats.sessionUp());
    }

    @Test
    void noLogonResponseFailsOverToTheSecondaryAfterTheLogonTimeout() throws Exception {
        RtsServer primary = server(10);
        primary.faults().noLogonResponse = true;
        RtsServer secondary = new RtsServer(published, FEED, 0, MonitorClock.system());
        closing.add(secondary);
        RtsStats stats = new RtsStats();
        RtsClient.Opened o = new RtsClient(config(primary.address(), secondary.address()), stats, MonitorClock.system()).open();
        assertNotNull(o.session());
        o.session().close();
        assertEquals(2, o.attempts().size());
        assertEquals("no Logon Response within 500 ms", o.attempts().get(0).failure());
        assertTrue(o.attempts().get(0).latencyNanos() >= 500_000_000L);
        assertEquals("secondary", o.attempts().get(1).server().name());
        assertTrue(o.attempts().get(1).accepted());
        assertEquals(1, stats.logonFailures());
        assertEquals(1, stats.logons());
        // never two servers at once: the primary's connection was closed before the secondary was called
        assertEquals(1, primary.mostOpenAtOnce());
        assertEquals(1, secondary.mostOpenAtOnce());
    }

    @Test
    void anUnreachablePrimaryFailsOverToTheSecondary() throws Exception {
        RtsServer secondary = server(10);
        RtsClient.Opened o = new RtsClient(config(closedPort(), secondary.address()), new RtsStats(), MonitorClock.system()).open();
        assertNotNull(o.session());
        o.session().close();
        assertTrue(o.attempts().get(0).failure().startsWith("cannot connect: "), o.attempts().get(0).failure());
        assertTrue(o.attempts().get(1).accepted());
    }

    @Test
    void oneSessionPerUserTheSecondIsAnsweredAlreadyConnected() throws Exception {
        RtsServer server = server(10);
        RtsClient.Opened first = new RtsClient(config(server.address()), new RtsStats(), MonitorClock.system()).open();
        assertNotNull(first.session());
        RtsClient.Opened second = new RtsClient(config(server.address()), new RtsStats(), MonitorClock.system()).open();
        first.session().close();
        assertNull(second.session());
        assertEquals(100, second.attempts().get(0).status());
    }

    @Test
    void heartbeatsAreEchoedSoASlowReplyKeepsItsSession() throws Exception {
        RtsServer server = server(10);
        server.faults().heartbeatInterval = Duration.ofMillis(100);
        server.faults().echoTimeout = Duration.ofMillis(300);
        server.faults().replyDelay = Duration.ZERO;
        RtsStats stats = new RtsStats();
        RtsClient client = new RtsClient(config(server.address()), stats, MonitorClock.system());
        RtsClient.Opened o = client.open();
        // A request that waits (server side) makes the client read through several heartbeats.
        Thread.sleep(0);
        server.faults().replyDelay = Duration.ofMillis(50);
        RtsSession.Reply r1 = o.session().request(11, 1, 5, Duration.ofSeconds(2));
        io.omdprt.testing.Eventually.await(Duration.ofSeconds(5), () -> {
            // keep the session busy reading: requests one after another until heartbeats were echoed
            RtsSession.Reply r = o.session().request(11, 1, 1, Duration.ofSeconds(2));
            return r.complete() && server.echoes() >= 2 ? null : "echoes " + server.echoes() + ", last " + r.outcome();
        });
        client.close(o.session());
        assertEquals("accepted", r1.outcome());
        assertTrue(stats.heartbeatsEchoed() >= 2);
    }

    @Test
    void aHeartbeatTheServerDoesNotSeeEchoedDisconnectsTheSession() throws Exception {
        RtsServer server = server(10);
        server.faults().heartbeatInterval = Duration.ofMillis(50);
        server.faults().echoTimeout = Duration.ofMillis(100);
        server.faults().ignoreEchoes = true;
        RtsClient.Opened o = new RtsClient(config(server.address()), new RtsStats(), MonitorClock.system()).open();
        io.omdprt.testing.Eventually.await(Duration.ofSeconds(5), () -> server.connections() == 1 && server.mostOpenAtOnce() == 1
                && openSessions(server) == 0 ? null : "the server still holds the session");
        RtsSession.Reply r = o.session().request(11, 1, 5, Duration.ofSeconds(2));
        o.session().close();
        assertEquals("disconnected", r.outcome());
        assertEquals(-1, r.status());
    }

    private static int openSessions(RtsServer server) {
        return server.openNow();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 100, 101})
    void everyRefusalStatusIsReportedAsSent(int status) throws Exception {
        RtsServer server = server(10);
        server.faults().forcedStatus = status;
        RtsClient.Opened o = new RtsClient(config(server.address()), new RtsStats(), MonitorClock.system()).open();
        RtsSession.Reply r = o.session().request(11, 1, 5, Duration.ofSeconds(2));
        o.session().close();
        assertEquals("refused", r.outcome());
        assertEquals(status, r.status());
        assertEquals(0, r.receivedCount());
    }

    @Test
    void theServerDecidesEachStatusFromWhatItKeeps() throws Exception {
        RtsServer server = server(60_000);
        server.faults().dailyLimit = 4;
        RtsClient.Opened o = new RtsClient(config(server.address()), new RtsStats(), MonitorClock.system()).open();
        assertEquals(1, o.session().request(99, 1, 5, Duration.ofSeconds(2)).status(), "unknown channel");
        assertEquals(2, o.session().request(11, 5_000, 5_010, Duration.ofSeconds(2)).status(), "older than the last 50,000");
        assertEquals(100, o.session().request(11, 50_000, 60_000, Duration.ofSeconds(2)).status(), "10,001 messages");
        assertEquals(0, o.session().request(11, 50_001, 60_000, Duration.ofSeconds(5)).status(), "10,000 messages");
        RtsSession.Reply limit = o.session().request(11, 59_000, 59_001, Duration.ofSeconds(2));
        assertEquals(101, limit.status());
        RtsSession.Reply after = o.session().request(11, 59_000, 59_001, Duration.ofSeconds(1));
        o.session().close();
        assertEquals("disconnected", after.outcome(), "the server closes after a 101");
    }

    @Test
    void aSlowReplyPastTheTimeoutIsNoResponse() throws Exception {
        RtsServer server = server(10);
        server.faults().replyDelay = Duration.ofMillis(800);
        RtsClient.Opened o = new RtsClient(config(server.address()), new RtsStats(), MonitorClock.system()).open();
        RtsSession.Reply r = o.session().request(11, 1, 5, Duration.ofMillis(300));
        o.session().close();
        assertEquals("no_response", r.outcome());
        assertEquals(-1, r.status());
    }

    @Test
    void aDisconnectMidReplyKeepsWhatArrived() throws Exception {
        RtsServer server = server(100);
        server.faults().disconnectAfterMessages = 7;
        server.faults().messagesPerPacket = 3;
        RtsClient.Opened o = new RtsClient(config(server.address()), new RtsStats(), MonitorClock.system()).open();
        RtsSession.Reply r = o.session().request(11, 1, 20, Duration.ofSeconds(2));
        o.session().close();
        assertEquals("disconnected", r.outcome());
        assertEquals(0, r.status());
        assertEquals(7, r.receivedCount());
        assertFalse(r.complete());
    }

    @Test
    void aResponseWithMsgTypeZeroOrAnotherChannelIsToleratedAndCounted() throws Exception {
        RtsServer server = server(10);
        server.faults().responseTypeZero = true;
        server.faults().responseOtherChannel = true;
        RtsStats stats = new RtsStats();
        RtsClient.Opened o = new RtsClient(config(server.address()), stats, MonitorClock.system()).open();
        RtsSession.Reply r = o.session().request(11, 1, 5, Duration.ofSeconds(2));
        o.session().close();
        assertEquals("accepted", r.outcome());
        assertTrue(r.typeMismatch());
        assertTrue(r.channelMismatch());
        assertEquals(5, r.receivedCount());
        assertEquals(1, stats.mismatchedResponses());
    }

    @Test
    void corruptedRetransmissionsHashDifferently() throws Exception {
        RtsServer server = server(10);
        server.faults().corruptContent = true;
        RtsClient.Opened o = new RtsClient(config(server.address()), new RtsStats(), MonitorClock.system()).open();
        RtsSession.Reply r = o.session().request(11, 3, 3, Duration.ofSeconds(2));
        o.session().close();
        assertEquals(1, r.receivedCount());
        assertFalse(MessageHash.of(message(3), 0, 32) == r.hashes()[0]);
        assertArrayEquals(message(3), published.get(FEED, "11", 3), "the store itself is intact");
    }
}
