package io.omdprt.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.MetricsAuth;
import io.omdprt.time.MonitorClock;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raw HTTP against the server: status codes for bad and oversized requests, and the server stays up. */
class HttpServerTest {
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.start("127.0.0.1", 0, Map.of(
                "/hello", (method, query, headers, body) -> Response.text(200, "hello " + query.getOrDefault("name", "")),
                "/boom", (method, query, headers, body) -> {
                    throw new IllegalStateException("boom");
                }), MonitorClock.system());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String raw(String request) throws Exception {
        return raw(server, request);
    }

    private static String raw(HttpServer server, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    @Test
    void answersAndRoutes() throws Exception {
        String r = raw("GET /hello?name=ops HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(200, status(r));
        assertTrue(r.endsWith("hello ops\n"), r);
        assertEquals(404, status(raw("GET /other HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
        String head = raw("HEAD /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(200, status(head));
        assertTrue(head.endsWith("\r\n\r\n"), "HEAD has no body");
        String post = raw("POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertEquals(405, status(post));
        assertTrue(post.contains("Allow: GET, HEAD"), post);
        assertEquals(500, status(raw("GET /boom HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
    }

    /** {@code http.metrics-auth}: /metrics wants the user and password, other paths do not; the hash is SHA-256. */
    @Test
    void metricsNeedBasicAuthWhenConfigured() throws Exception {
        String sha256OfSecret = "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b"; // printf %s secret | sha256sum
        try (HttpServer guarded = HttpServer.start("127.0.0.1", 0, Map.of(
                "/metrics", (method, query, headers, body) -> Response.text(200, "omd_up 1"),
                "/hello", (method, query, headers, body) -> Response.text(200, "hello")),
                new HttpServer.Limits(Duration.ofSeconds(5), 10, 10, List.of(), new MetricsAuth("prometheus", sha256OfSecret)), MonitorClock.system())) {
            String none = raw(guarded, "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertEquals(401, status(none));
            assertTrue(none.contains("WWW-Authenticate: Basic realm=\"omd-prt-monitor\""), none);
            assertEquals(401, status(raw(guarded, metrics(basic("prometheus:wrong")))), "wrong password");
            assertEquals(401, status(raw(guarded, metrics(basic("grafana:secret")))), "wrong user");
            assertEquals(401, status(raw(guarded, metrics("Basic !!notbase64"))), "garbage");
            assertEquals(401, status(raw(guarded, metrics("Bearer secret"))), "another scheme");
            String ok = raw(guarded, metrics(basic("prometheus:secret")));
            assertEquals(200, status(ok));
            assertTrue(ok.endsWith("omd_up 1\n"), ok);
            assertEquals(200, status(raw(guarded, "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")), "only /metrics");
        }
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String metrics(String authorization) {
        return "GET /metrics HTTP/1.1\r\nHost: x\r\nAuthorization: " + authorization + "\r\nConnection: close\r\n\r\n";
    }

    @Test
    void refusesBadAndOversizedRequests() throws Exception {
        assertEquals(400, status(raw("THIS IS NOT HTTP\r\n\r\n")));
        assertEquals(414, status(raw("GET /" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")));
        assertEquals(431, status(raw("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10_000) + "\r\n\r\n")));
        assertEquals(413, status(raw("POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n")));
        assertEquals(200, status(raw("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")), "still serving");
    }
}
