package io.omdprt.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omdprt.metrics.Metrics;
import io.omdprt.status.Status;
import io.omdprt.time.DisplayTime;
import io.omdprt.time.MonitorClock;
import io.omdprt.window.WindowSchedule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Every path the live monitor serves, by path. */
public final class MonitorRoutes {
    private MonitorRoutes() {
    }

    /**
     * @param status     builds the status the page and {@code /api/status} show, on each request
     * @param windowToken the token that opens and closes windows by hand (empty: that API refuses)
     */
    public static Map<String, Route> of(Metrics metrics, Supplier<Status> status, Path reportDir, DisplayTime display,
                                        WindowSchedule windows, String windowToken, MonitorClock clock) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Route> routes = new LinkedHashMap<>();
        routes.put("/metrics", (method, query, headers, body) -> {
            Metrics.Scrape scrape = metrics.scrape(headers.getOrDefault("accept", ""));
            return Response.of(200, scrape.contentType(), scrape.body());
        });
        routes.put("/healthz", (method, query, headers, body) -> Response.text(200, "ok"));
        routes.put("/api/status", (method, query, headers, body) -> Response.json(200, json.writeValueAsBytes(status.get())));
        ReportsRoute reports = new ReportsRoute(reportDir, display);
        routes.put("/reports", reports.index());
        routes.put("/reports/", reports.index());
        routes.put("/reports/view", reports.view());
        routes.put("/", (method, query, headers, body) ->
                Response.of(200, Response.HTML, StatusPage.render(status.get()).getBytes(StandardCharsets.UTF_8)));
        routes.put("/api/windows", new WindowControlRoute(windows, windowToken, clock));
        return routes;
    }
}
