package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the window client says when the monitor cannot be reached or refuses. */
class WindowCommandTest {
    @Test
    void aMonitorThatIsNotThereIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        CliTest.Run run = new CliTest.Run("window", "open", "rehearsal-1", "--url", url, "--token", "a-long-token");
        assertEquals(1, run.exit, run.err);
        assertTrue(run.err.startsWith("cannot reach the monitor at " + url + ": connection refused"), run.err);
        assertFalse(run.err.contains("null"), run.err);
    }

    @Test
    void aRejectedTokenSaysSo() throws Exception {
        AtomicInteger status = new AtomicInteger();
        AtomicReference<String> answer = new AtomicReference<>("");
        AtomicReference<String> authorization = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/windows", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            status.set(401);
            answer.set("a valid 'Authorization: Bearer <token>' header is required");
            CliTest.Run wrong = new CliTest.Run("window", "open", "rehearsal-1", "--url", url, "--token", "wrong-token");
            assertEquals(2, wrong.exit, wrong.err);
            assertEquals("Bearer wrong-token", authorization.get());
            assertEquals("the monitor at " + url + " rejected the token (401): a valid 'Authorization: Bearer <token>' header is"
                    + " required", wrong.err.strip());

            status.set(403);
            answer.set("");
            CliTest.Run off = new CliTest.Run("window", "close", "rehearsal-1", "--url", url + "/", "--token", "some-token");
            assertEquals(2, off.exit, off.err);
            assertTrue(off.err.startsWith("the monitor at " + url + "/ rejected the token (403): check --token against window-token"),
                    off.err);

            status.set(409);
            answer.set("window rehearsal-1 is not open");
            CliTest.Run conflict = new CliTest.Run("window", "close", "rehearsal-1", "--url", url, "--token", "some-token");
            assertEquals(1, conflict.exit, conflict.err);
            assertEquals("the monitor at " + url + " answered 409: window rehearsal-1 is not open", conflict.err.strip());

            status.set(200);
            answer.set("{\"opened\": \"rehearsal-1\"}");
            CliTest.Run ok = new CliTest.Run("window", "open", "rehearsal-1", "--url", url, "--token", "some-token");
            assertEquals(0, ok.exit, ok.err);
            assertEquals("{\"opened\": \"rehearsal-1\"}", ok.out.strip());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aUrlThatIsNoneIsBadUsage() {
        for (String url : new String[] {"127.0.0.1:9466", "http//x", "ftp://127.0.0.1:1"}) {
            CliTest.Run run = new CliTest.Run("window", "open", "r", "--url", url, "--token", "a-long-token");
            assertEquals(2, run.exit, url + ": " + run.err);
            assertTrue(run.err.startsWith("--url: expected the monitor's address like http://127.0.0.1:9466, got '" + url + "'"),
                    run.err);
        }
    }
}
