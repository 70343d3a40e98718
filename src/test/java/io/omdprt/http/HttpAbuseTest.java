package io.omdprt.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.Cidr;
import io.omdprt.monitor.Monitor;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.Http;
import io.omdprt.testing.TestConfigs;
import io.omdprt.time.MonitorClock;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Slow clients, connection floods and concurrent scrapes: bounded threads, right codes, /metrics answers. */
class HttpAbuseTest {
    private static final Map<String, Route> HELLO = Map.of("/hello", (m, q, h, b) -> Response.text(200, "hello"));

    private static HttpServer.Limits limits(Duration requestTimeout, int max, int perAddress) {
        return new HttpServer.Limits(requestTimeout, max, perAddress, List.of());
    }

    /** A client socket from 127.0.0.{@code last}. */
    private static Socket connect(int last, int port) throws Exception {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(HttpFloodTest.loopback(last), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return s;
    }

    /** One request on an open connection, answered and then closed. */
    private static String request(Socket s, String path) throws Exception {
        s.setSoTimeout(5_000);
        s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** Waits until the server's counts include {@code expected} ("open=7, evicted=2", in record order). */
    private static void awaitCounts(HttpServer server, String expected) throws Exception {
        Eventually.await(Duration.ofSeconds(5), () -> {
            String counts = server.counts().toString();
            return counts.contains(expected) ? null : counts;
        });
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    private static String get(int port, String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** True when the server closed the connection (read returns -1) rather than leaving it hanging. */
    private static boolean closedByServer(Socket s) throws Exception {
        s.setSoTimeout(5_000);
        InputStream in = s.getInputStream();
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.io.IOException reset) {
            return true;
        }
    }

    @Test
    void slowClientsAreCutOffAndOthersStillServed() throws Exception {
        HttpServer server = HttpServer.start("127.0.0.1", 0,
                HELLO, limits(Duration.ofMillis(500), 256, 256), MonitorClock.system());
        try {
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                OutputStream out = s.getOutputStream();
                out.write("GET /hel".getBytes(StandardCharsets.US_ASCII)); // and never the rest
                out.flush();
                slow.add(s);
            }
            assertEquals(200, status(get(server.port(), "/hello")), "served while slow clients hang on");
            for (Socket s : slow) {
                assertTrue(closedByServer(s), "a request that does not arrive within the deadline is cut off");
                s.close();
            }
        } finally {
            server.close();
        }
    }

    /** At the cap the oldest waiting connections give way: exactly as many as came in beyond it, and the newest are served. */
    @Test
    void connectionFloodMakesRoomForTheNewestRatherThanRefusingThem() throws Exception {
        HttpServer server = HttpServer.start("127.0.0.1", 0, HELLO, limits(Duration.ofSeconds(5), 20, 20), MonitorClock.system());
        try {
            List<Socket> flood = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                flood.add(connect(1, server.port()));
            }
            awaitCounts(server, "open=20, evicted=10");
            for (Socket s : flood.subList(0, 10)) {
                assertTrue(closedByServer(s), "the oldest ten gave way");
            }
            for (Socket s : flood.subList(10, 30)) {
                assertEquals(200, status(request(s, "/hello")), "the newest twenty are still open and served");
            }
            for (Socket s : flood) {
                s.close();
            }
            assertEquals(200, status(get(server.port(), "/hello")));
        } finally {
            server.close();
        }
    }

    /**
     * One address at its cap evicts among its own connections, longest waiting first, once they had a fair chance
     * to send a request; the connections of other addresses are left alone. Attackers on 127.0.0.2 and bystanders on 127.0.0.3 (Linux routes all of
     * 127.0.0.0/8 to lo).
     */
    @Test
    void perAddressCapEvictsTheOldestOfThatAddressOnly() throws Exception {
        HttpFloodTest.requireLoopbackAddress(HttpFloodTest.loopback(3));
        HttpServer server = HttpServer.start("127.0.0.1", 0, HELLO, limits(Duration.ofSeconds(5), 100, 4), MonitorClock.system());
        try {
            List<Socket> others = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(connect(3, server.port()));
            }
            List<Socket> noisy = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                noisy.add(connect(2, server.port()));
            }
            Thread.sleep(Admission.FAIR_CHANCE.toMillis() + 100); // the four had their chance to send a request
            for (int i = 4; i < 6; i++) {
                noisy.add(connect(2, server.port()));
                awaitCounts(server, "open=7, evicted=" + (i - 3));
            }
            assertTrue(closedByServer(noisy.get(0)), "the oldest of 127.0.0.2 gave way");
            assertTrue(closedByServer(noisy.get(1)), "the second oldest of 127.0.0.2 gave way");
            for (Socket s : noisy.subList(2, 6)) {
                assertEquals(200, status(request(s, "/hello")), "the four newest of 127.0.0.2 stay");
            }
            for (Socket s : others) {
                assertEquals(200, status(request(s, "/hello")), "127.0.0.3 is not touched by 127.0.0.2's cap");
            }
            for (Socket s : noisy) {
                s.close();
            }
            for (Socket s : others) {
                s.close();
            }
        } finally {
            server.close();
        }
    }

    /**
     * A request must arrive whole within the request timeout, however it trickles: saying nothing, a request line and
     * no more, or a header byte every 100 ms all end at the deadline (1 s here), and so does a kept-alive connection
     * idle since its answer. Exactly four time-outs, each between 1.0 s and 1.5 s.
     */
    @Test
    void slowRequestsEndAtTheDeadlineHoweverTheyTrickle() throws Exception {
        HttpServer server = HttpServer.start("127.0.0.1", 0, HELLO, limits(Duration.ofSeconds(1), 100, 100), MonitorClock.system());
        ExecutorService watchers = Executors.newFixedThreadPool(4);
        try {
            Socket silent = connect(1, server.port());
            long silentSince = System.nanoTime();
            Socket line = connect(1, server.port());
            line.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long lineSince = System.nanoTime();
            Socket trickle = connect(1, server.port());
            long trickleSince = System.nanoTime();
            Socket kept = connect(1, server.port());
            kept.setSoTimeout(5_000);
            kept.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[4096];
            assertTrue(kept.getInputStream().read(answer) > 0, "the kept-alive connection was answered");
            long keptSince = System.nanoTime();
            List<Future<Long>> closes = new ArrayList<>();
            long[] since = {silentSince, lineSince, trickleSince, keptSince};
            Socket[] sockets = {silent, line, trickle, kept};
            for (int i = 0; i < 4; i++) {
                Socket s = sockets[i];
                long from = since[i];
                closes.add(watchers.submit(() -> closedByServer(s) ? (System.nanoTime() - from) / 1_000_000 : -1L));
            }
            byte[] request = "GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII);
            try {
                for (byte b : request) {
                    trickle.getOutputStream().write(b);
                    Thread.sleep(100);
                }
            } catch (java.io.IOException closed) {
                // the server closed it: what the test expects
            }
            String[] names = {"silent", "request line only", "trickle", "kept alive and idle"};
            for (int i = 0; i < 4; i++) {
                long ms = closes.get(i).get(10, TimeUnit.SECONDS);
                // The client's clock starts a little after the server's (when it has read the answer, or connected): 50 ms slack.
                assertTrue(ms >= 950 && ms <= 1_500, names[i] + " closed after " + ms + " ms, expected 950..1,500");
            }
            awaitCounts(server, "open=0, evicted=0, timedOut=4");
            for (Socket s : sockets) {
                s.close();
            }
            assertEquals(200, status(get(server.port(), "/hello")), "still serving");
        } finally {
            watchers.shutdownNow();
            server.close();
        }
    }

    /** With an allow-list, other addresses are closed at accept: no answer, not even an error status. */
    @Test
    void addressesOutsideTheAllowListAreClosedAtAccept() throws Exception {
        HttpFloodTest.requireLoopbackAddress(HttpFloodTest.loopback(2));
        HttpServer server = HttpServer.start("127.0.0.1", 0, HELLO, new HttpServer.Limits(Duration.ofSeconds(5), 10, 10,
                List.of(Cidr.parse("127.0.0.2/32"), Cidr.parse("10.0.0.0/8"))), MonitorClock.system());
        try {
            try (Socket allowed = connect(2, server.port())) {
                assertEquals(200, status(request(allowed, "/hello")));
            }
            try (Socket other = connect(1, server.port())) {
                String answer;
                try {
                    answer = request(other, "/hello");
                } catch (java.io.IOException reset) {
                    answer = "";
                }
                assertEquals("", answer, "127.0.0.1 is not in the allow-list");
            }
            awaitCounts(server, "evicted=0, timedOut=0, notAllowed=1");
        } finally {
            server.close();
        }
    }

    @Test
    void hundredConcurrentScrapesAllAnswerOnBoundedThreads() throws Exception {
        try (Monitor monitor = Monitor.start(TestConfigs.loopback("", 20, true))) {
            int port = monitor.httpPort();
            ExecutorService clients = Executors.newFixedThreadPool(100);
            try {
                List<Callable<String>> scrapes = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    scrapes.add(() -> get(port, "/metrics"));
                }
                long serverThreadsBefore = threads("omd-http");
                List<Future<String>> results = clients.invokeAll(scrapes);
                for (Future<String> r : results) {
                    String response = r.get();
                    assertEquals(200, status(response));
                    assertTrue(response.contains("omd_arbitrated_gaps_total{channel=\"20\",feed=\"f\"} 0"), "complete scrape");
                }
                assertEquals(serverThreadsBefore, threads("omd-http"), "no thread per request");
                assertEquals(1, serverThreadsBefore, "one HTTP event loop");
            } finally {
                clients.shutdownNow();
            }
            assertEquals(200, Http.get(port, "/healthz").statusCode());
        }
    }

    private static long threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }
}
