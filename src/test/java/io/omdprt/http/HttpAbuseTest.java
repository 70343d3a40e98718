package io.omdprt.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.monitor.Monitor;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.Http;
import io.omdprt.testing.TestConfigs;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.junit.jupiter.api.Test;

/** Slow clients, connection floods and concurrent scrapes: bounded threads, right codes, /metrics answers. */
class HttpAbuseTest {
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
                Map.of("/hello", (m, q, h, b) -> Response.text(200, "hello")), new HttpServer.Limits(500, 256));
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

    @Test
    void connectionFloodIsCappedAndTheServerRecovers() throws Exception {
        HttpServer server = HttpServer.start("127.0.0.1", 0,
                Map.of("/hello", (m, q, h, b) -> Response.text(200, "hello")), new HttpServer.Limits(5_000, 20));
        try {
            List<Socket> flood = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                flood.add(new Socket("127.0.0.1", server.port()));
            }
            int closed = 0;
            for (Socket s : flood.subList(20, 30)) {
                closed += closedByServer(s) ? 1 : 0;
            }
            assertEquals(10, closed, "connections beyond the cap are closed at once");
            for (Socket s : flood) {
                s.close();
            }
            // The closed connections are released asynchronously; until then a new one may still be refused.
            Eventually.await(Duration.ofSeconds(5), () -> {
                try {
                    String response = get(server.port(), "/hello");
                    return response.isEmpty() ? "refused, cap not released yet" : status(response) == 200 ? null : response;
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            });
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
