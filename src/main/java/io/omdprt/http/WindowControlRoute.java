package io.omdprt.http;

import io.omdprt.window.Window;
import io.omdprt.window.WindowSchedule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omdprt.http.Response;
import io.omdprt.http.Route;
import io.omdprt.time.MonitorClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/windows}: GET lists the windows; POST opens or closes an ad-hoc rehearsal window and
 * needs {@code Authorization: Bearer <http.window-token>}. With no token configured, POST is refused.
 *
 * <pre>
 * POST {"action": "open", "name": "rehearsal-1", "minutes": 30}   (minutes optional: open until closed)
 * POST {"action": "close", "name": "rehearsal-1"}
 * </pre>
 */
public final class WindowControlRoute implements Route {
    private final WindowSchedule schedule;
    private final byte[] token;
    private final MonitorClock clock;
    private final ObjectMapper json = new ObjectMapper();

    /** @param token the configured token, or null to keep POST off */
    public WindowControlRoute(WindowSchedule schedule, String token, MonitorClock clock) {
        this.schedule = schedule;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public Set<String> methods() {
        return Set.of("GET", "HEAD", "POST");
    }

    @Override
    public Response handle(String method, Map<String, String> query, Map<String, String> headers, byte[] body) throws Exception {
        if (!"POST".equals(method)) {
            return Response.json(200, json.writeValueAsBytes(list(clock.now())));
        }
        if (token == null) {
            return Response.text(403, "window control is off: set http.window-token in the config to enable it");
        }
        String auth = headers.getOrDefault("authorization", "");
        byte[] offered = auth.startsWith("Bearer ") ? auth.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, offered)) {
            return Response.text(401, "a valid 'Authorization: Bearer <token>' header is required").withHeader("WWW-Authenticate", "Bearer");
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (java.io.IOException e) {
            return Response.text(400, "expected a JSON body like {\"action\": \"open\", \"name\": \"rehearsal-1\", \"minutes\": 30}");
        }
        if (request == null || !request.isObject()) {
            return Response.text(400, "expected a JSON object with action and name");
        }
        String action = request.path("action").asText("");
        String name = request.path("name").asText("");
        if (!io.omdprt.config.ConfigLoader.NAME.matcher(name).matches()) {
            return Response.text(400, "name: expected letters, digits, '-', '_' or '.', got '" + name + "'");
        }
        Instant now = clock.now();
        try {
            if ("open".equals(action)) {
                Instant end = null;
                if (request.has("minutes")) {
                    long minutes = request.path("minutes").asLong(-1);
                    if (minutes <= 0 || minutes > 24 * 60) {
                        return Response.text(400, "minutes: expected 1..1440");
                    }
                    end = now.plus(Duration.ofMinutes(minutes));
                }
                Window w = schedule.open(name, now, end, request.path("description").asText("ad-hoc window"));
                return Response.json(201, json.writeValueAsBytes(view(w, now)));
            }
            if ("close".equals(action)) {
                return Response.json(200, json.writeValueAsBytes(view(schedule.close(name, now), now)));
            }
        } catch (IllegalArgumentException e) {
            return Response.text(409, e.getMessage());
        }
        return Response.text(400, "action: expected open or close, got '" + action + "'");
    }

    private List<Map<String, Object>> list(Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Window w : schedule.all()) {
            out.add(view(w, now));
        }
        return out;
    }

    private static Map<String, Object> view(Window w, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", w.name());
        m.put("start", w.start().toString());
        m.put("end", w.end() == null ? null : w.end().toString());
        m.put("active", w.isActive(now));
        m.put("adHoc", w.adHoc());
        m.put("description", w.description());
        return m;
    }
}
