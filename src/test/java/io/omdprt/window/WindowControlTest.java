package io.omdprt.window;

import io.omdprt.metrics.WindowCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.MonitorConfig;
import io.omdprt.monitor.Monitor;
import io.omdprt.testing.Http;
import io.omdprt.testing.Scrape;
import io.omdprt.testing.TestConfigs;
import org.junit.jupiter.api.Test;

/** Windows as metrics, and the token-guarded control endpoint for ad-hoc rehearsal windows. */
class WindowControlTest {
    private static final String TOKEN = "test-token-123456";

    @Test
    void configuredWindowsAreExportedAndAdHocOnesNeedTheToken() throws Exception {
        String windows = "windows:\n"
                + "  - { name: PAST, date: 2024-01-06, start: \"09:00\", end: \"12:10\" }\n"
                + TestConfigs.windowCoveringNow("NOW");
        MonitorConfig config = TestConfigs.twoLines("http: { bind: 127.0.0.1, port: 0, window-token: " + TOKEN + " }\n" + windows);
        try (Monitor monitor = Monitor.start(config)) {
            int port = monitor.httpPort();
            Scrape s = Http.scrape(port);
            assertEquals(0, s.value(WindowCollector.ACTIVE, "window", "PAST"));
            assertEquals(1704502800, s.value(WindowCollector.START, "window", "PAST"), "2024-01-06 09:00 HKT");
            assertEquals(1704514200, s.value(WindowCollector.END, "window", "PAST"), "12:10 HKT");
            assertEquals(1, s.value(WindowCollector.ACTIVE, "window", "NOW"));

            String open = "{\"action\": \"open\", \"name\": \"rehearsal-1\", \"minutes\": 30}";
            assertEquals(401, Http.send(port, "POST", "/api/windows", open).statusCode(), "no token");
            assertEquals(401, Http.send(port, "POST", "/api/windows", open, "Authorization", "Bearer wrong-token").statusCode());
            assertEquals(201, Http.send(port, "POST", "/api/windows", open, "Authorization", "Bearer " + TOKEN).statusCode());
            assertEquals(409, Http.send(port, "POST", "/api/windows", open, "Authorization", "Bearer " + TOKEN).statusCode(),
                    "already open");
            assertEquals(400, Http.send(port, "POST", "/api/windows", "{not json", "Authorization", "Bearer " + TOKEN).statusCode());
            assertEquals(400, Http.send(port, "POST", "/api/windows", "{\"action\": \"open\", \"name\": \"bad name!\"}",
                    "Authorization", "Bearer " + TOKEN).statusCode());
            assertEquals(1, Http.scrape(port).value(WindowCollector.ACTIVE, "window", "rehearsal-1"));
            assertTrue(Http.get(port, "/api/windows").body().contains("\"rehearsal-1\""));

            String url = "http://127.0.0.1:" + port;
            assertEquals(0, io.omdprt.cli.Main.run("window", "open", "rehearsal-2", "--url", url, "--token", TOKEN, "--minutes", "5"));
            assertEquals(1, Http.scrape(port).value(WindowCollector.ACTIVE, "window", "rehearsal-2"));
            assertEquals(2, io.omdprt.cli.Main.run("window", "close", "rehearsal-2", "--url", url, "--token", "wrong-token-xx"));
            assertEquals(0, io.omdprt.cli.Main.run("window", "close", "rehearsal-2", "--url", url, "--token", TOKEN));
            assertEquals(0, Http.scrape(port).value(WindowCollector.ACTIVE, "window", "rehearsal-2"));
            assertEquals(2, io.omdprt.cli.Main.run("window", "pause", "rehearsal-2", "--url", url, "--token", TOKEN));

            String close = "{\"action\": \"close\", \"name\": \"rehearsal-1\"}";
            assertEquals(200, Http.send(port, "POST", "/api/windows", close, "Authorization", "Bearer " + TOKEN).statusCode());
            assertEquals(0, Http.scrape(port).value(WindowCollector.ACTIVE, "window", "rehearsal-1"));
            assertEquals(409, Http.send(port, "POST", "/api/windows", close, "Authorization", "Bearer " + TOKEN).statusCode());
        }
    }

    @Test
    void withoutATokenTheEndpointIsOff() throws Exception {
        try (Monitor monitor = Monitor.start(TestConfigs.twoLines(""))) {
            var r = Http.send(monitor.httpPort(), "POST", "/api/windows", "{\"action\": \"open\", \"name\": \"x\"}",
                    "Authorization", "Bearer anything-at-all");
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("http.window-token"), r.body());
        }
    }
}
