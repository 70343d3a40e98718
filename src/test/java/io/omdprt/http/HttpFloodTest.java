package io.omdprt.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.omdprt.testing.Eventually;
import io.omdprt.testing.ExternalTool;
import io.omdprt.time.MonitorClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: idle and slow clients must not blind the monitoring. A thousand of them, coming back whenever the
 * server drops them, while Prometheus-like scrapes one after the other must each succeed within their timeout.
 */
class HttpFloodTest {
    static final int FLOOD = 1_000;
    static final int SCRAPES = 100;
    static final long SCRAPE_TIMEOUT_MS = 2_000;
    /** A body the size of a real scrape of a few feeds (tens of kilobytes), ending in a marker. */
    static final String METRICS = "# HELP omd_x a metric\n".repeat(3_000) + "omd_end 1\n";

    static InetAddress loopback(int last) throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    }

    /**
     * The attackers sit on 127.0.0.2..127.0.0.91, ten each, and a hundred more on 127.0.0.1, the scraper's own
     * address: Linux routes all of 127.0.0.0/8 to lo, so binding client sockets to those addresses makes the
     * server see many clients. Both the per-address cap (127.0.0.1 alone holds more than it) and the global one
     * (all of them together) are reached; the scraper still gets through, including from an address it
     * shares with attackers.
     */
    @Test
    void hundredScrapesInARowSucceedWhileAThousandIdleAndSlowClientsHangOn() throws Exception {
        requireSockets(FLOOD + 1_000);
        requireLoopbackAddress(loopback(91));
        HttpServer server = HttpServer.start("127.0.0.1", 0,
                Map.of("/metrics", (m, q, h, b) -> Response.of(200, "text/plain; version=0.0.4", METRICS.getBytes(StandardCharsets.UTF_8))), MonitorClock.system());
        Flood flood = new Flood(new InetSocketAddress("127.0.0.1", server.port()), 1_000);
        try {
            Flood.Kind[] kinds = Flood.Kind.values();
            for (int i = 0; i < 100; i++) {
                flood.add(loopback(1), kinds[i % kinds.length], 1);
            }
            for (int i = 0; i < 900; i++) {
                flood.add(loopback(2 + i / 10), kinds[i % kinds.length], 1);
            }
            assertEquals(FLOOD, flood.size());
            // One scrape before the flood loads the server's classes, so that the figures below are the flood's.
            assertEquals(null, scrape(server.port()), "scrape without a flood");
            flood.start();
            Eventually.await(Duration.ofSeconds(15), () -> flood.everUp.get() == FLOOD ? null : flood.describe());

            List<String> failures = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            int minUp = Integer.MAX_VALUE;
            for (int i = 0; i < SCRAPES; i++) {
                minUp = Math.min(minUp, flood.up.get());
                long start = System.nanoTime();
                String failure = scrape(server.port());
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (failure == null && ms > SCRAPE_TIMEOUT_MS) {
                    failure = "took " + ms + " ms";
                }
                if (failure != null) {
                    failures.add("scrape " + (i + 1) + ": " + failure);
                }
                times.add(ms);
                Thread.sleep(60); // 100 scrapes over more than 6 s: longer than the server's request deadline
            }
            List<Long> sorted = times.stream().sorted().toList();
            String figures = String.format("%d/%d scrapes succeeded within %d ms: median %d ms, 99th %d ms, max %d ms (scrape %d);"
                    + " flood: %s; at least %d attackers connected at each scrape", SCRAPES - failures.size(), SCRAPES,
                    SCRAPE_TIMEOUT_MS, sorted.get(SCRAPES / 2), sorted.get(SCRAPES - 2), sorted.get(SCRAPES - 1),
                    times.indexOf(sorted.get(SCRAPES - 1)) + 1, flood.describe(), minUp);
            System.out.println("HttpFloodTest: " + figures);
            assertTrue(failures.isEmpty(), figures + "; failures: " + failures.subList(0, Math.min(5, failures.size())));
            assertEquals(0, flood.answeredBytes.get(), "no attacker got an answer: none finished a request");
        } finally {
            flood.close();
            server.close();
        }
    }

    /** One scrape as Prometheus makes it: a fresh connection, the whole answer within the timeout. Null when it worked. */
    static String scrape(int port) {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(loopback(1), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), (int) SCRAPE_TIMEOUT_MS);
            s.setSoTimeout((int) SCRAPE_TIMEOUT_MS);
            s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\nAccept: text/plain\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (response.isEmpty()) {
                return "closed without an answer";
            }
            if (!response.startsWith("HTTP/1.1 200")) {
                return response.lines().findFirst().orElse("");
            }
            return response.endsWith("omd_end 1\n") ? null : "incomplete body (" + response.length() + " bytes)";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Skips locally, fails under CI, when this process may not open {@code needed} files; never raises the limit. */
    static void requireSockets(int needed) throws IOException {
        long limit = Long.MAX_VALUE;
        Path limits = Path.of("/proc/self/limits");
        if (Files.isReadable(limits)) {
            for (String line : Files.readAllLines(limits)) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    limit = soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        }
        if (limit < needed) {
            unavailable("this test needs " + needed + " open files and `ulimit -n` is " + limit);
        }
    }

    /** Skips locally, fails under CI, when client sockets cannot bind to another loopback address (not Linux). */
    static void requireLoopbackAddress(InetAddress address) {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(address, 0));
        } catch (IOException e) {
            unavailable("cannot bind a client socket to " + address.getHostAddress() + " (" + e.getMessage()
                    + "); Linux routes all of 127.0.0.0/8 to lo");
        }
    }

    private static void unavailable(String why) {
        if (ExternalTool.underCi()) {
            fail(why + ", and CI=true, so this test may not be skipped");
        }
        Assumptions.abort("SKIPPED: " + why);
    }
}
