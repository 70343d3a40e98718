package io.omdprt.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.ExternalTool;
import io.omdprt.testing.Http;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When everything goes dark, one alert gets through: the alerts the promtool unit tests expect to fire
 * in their "dark" cases are posted to a real Alertmanager (the Debian binary, on loopback) running the
 * repository's alertmanager.yml, route and inhibit rules unchanged, and the alerts it does not suppress
 * are exactly the top-level one. The receivers are replaced by ones without integrations, so nothing
 * leaves the host.
 */
class AlertmanagerInhibitionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everythingDarkOnAReceiverSendsOnlyOmdReceiverDark(@TempDir Path dir) throws Exception {
        List<Map<String, String>> alerts = firingInUnitTest("everything dark on a receiver", "10m");
        assertEquals(14, alerts.size(), "receiver, 2 feeds, 3 channels, 6 lines, 2 silent feeds: " + alerts);
        assertOnlyThese(dir, alerts, Set.of("OmdReceiverDark rx-a"));
    }

    @Test
    void oneFeedDarkSendsOnlyOmdFeedDownOfThatFeed(@TempDir Path dir) throws Exception {
        List<Map<String, String>> alerts = firingInUnitTest("one feed dark", "5m");
        assertEquals(4, alerts.size(), "feed, channel, 2 lines: " + alerts);
        assertOnlyThese(dir, alerts, Set.of("OmdFeedDown rx-a omdcc"));
    }

    @Test
    void aMonitorDownInhibitsItsOwnAlertsOnly(@TempDir Path dir) throws Exception {
        List<Map<String, String>> alerts = new ArrayList<>(firingInUnitTest("everything dark on a receiver", "10m"));
        alerts.add(Map.of("alertname", "OmdMonitorDown", "severity", "critical", "job", ObservabilityFiles.JOB,
                "instance", "rx-a", "receiver_site", "primary"));
        // Another receiver's problem is not the down monitor's.
        alerts.add(Map.of("alertname", "OmdChannelDown", "severity", "critical", "job", ObservabilityFiles.JOB,
                "instance", "rx-b", "receiver_site", "dr", "feed", "omdc-sp", "channel", "11"));
        assertOnlyThese(dir, alerts, Set.of("OmdMonitorDown rx-a", "OmdChannelDown rx-b omdc-sp 11"));
    }

    /** The label sets of every alert the named promtool test case expects firing at {@code evalTime}. */
    private static List<Map<String, String>> firingInUnitTest(String testName, String evalTime) throws IOException {
        List<Map<String, String>> alerts = new ArrayList<>();
        boolean found = false;
        for (JsonNode test : ObservabilityFiles.yaml(ObservabilityFiles.RULE_TESTS).path("tests")) {
            if (!test.path("name").asText().startsWith(testName)) {
                continue;
            }
            found = true;
            for (JsonNode t : test.path("alert_rule_test")) {
                if (!t.path("eval_time").asText().equals(evalTime)) {
                    continue;
                }
                for (JsonNode expected : t.path("exp_alerts")) {
                    Map<String, String> labels = new TreeMap<>();
                    labels.put("alertname", t.path("alertname").asText());
                    for (Map.Entry<String, JsonNode> e : expected.path("exp_labels").properties()) {
                        labels.put(e.getKey(), e.getValue().asText());
                    }
                    alerts.add(labels);
                }
            }
        }
        assertTrue(found, "no unit test named '" + testName + "...' in " + ObservabilityFiles.RULE_TESTS);
        return alerts;
    }

    /**
     * Posts the alerts to a fresh Alertmanager and checks that those it neither inhibits nor silences
     * are the expected ones, given as "alertname instance [feed [channel [line]]]".
     */
    private static void assertOnlyThese(Path dir, List<Map<String, String>> alerts, Set<String> expected) throws Exception {
        Path binary = ExternalTool.require("prometheus-alertmanager", "prometheus-alertmanager");
        Path config = withoutIntegrations(dir);
        try (LoopbackServer am = LoopbackServer.start("alertmanager", dir, port -> List.of(binary.toString(),
                "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="))) {
            int port = am.port();
            ArrayNode body = JSON.createArrayNode();
            Instant now = Instant.now();
            for (Map<String, String> labels : alerts) {
                ObjectNode a = body.addObject();
                labels.forEach(a.putObject("labels")::put);
                a.put("startsAt", now.minusSeconds(60).toString());
                a.put("endsAt", now.plusSeconds(3600).toString());
            }
            HttpResponse<String> posted = Http.send(port, "POST", "/api/v2/alerts", JSON.writeValueAsString(body),
                    "Content-Type", "application/json");
            assertEquals(200, posted.statusCode(), posted.body());
            // The inhibitor learns of the source alerts asynchronously: wait for the expected answer, then
            // make sure it stays (suppressions only grow as more sources are seen).
            Eventually.await(WAIT, Duration.ofMillis(200), () -> {
                JsonNode got = JSON.readTree(Http.get(port, "/api/v2/alerts").body());
                Set<String> notSuppressed = notSuppressed(got);
                return got.size() == alerts.size() && notSuppressed.equals(expected) ? null
                        : got.size() + " of " + alerts.size() + " alerts, not suppressed: " + notSuppressed;
            });
            Thread.sleep(1000);
            assertEquals(expected, notSuppressed(JSON.readTree(Http.get(port, "/api/v2/alerts").body())), "a second later");
        }
    }

    private static Set<String> notSuppressed(JsonNode alerts) {
        Set<String> out = new TreeSet<>();
        for (JsonNode a : alerts) {
            if (a.path("status").path("state").asText().equals("active")) {
                out.add(describe(a.path("labels")));
            }
        }
        return out;
    }

    private static String describe(JsonNode labels) {
        StringBuilder s = new StringBuilder(labels.path("alertname").asText());
        for (String l : List.of("instance", "feed", "channel", "line")) {
            if (labels.has(l)) {
                s.append(' ').append(labels.path(l).asText());
            }
        }
        return s.toString();
    }

    /** alertmanager.yml with its route and inhibit rules, and receivers of the same names that send nothing. */
    private static Path withoutIntegrations(Path dir) throws IOException {
        ObjectNode config = (ObjectNode) ObservabilityFiles.yaml(ObservabilityFiles.ALERTMANAGER_CONFIG);
        ArrayNode receivers = JSON.createArrayNode();
        for (JsonNode r : config.path("receivers")) {
            receivers.addObject().put("name", r.path("name").asText());
        }
        assertTrue(receivers.size() > 0, "receivers");
        config.set("receivers", receivers);
        Path file = dir.resolve("alertmanager.yml");
        Files.writeString(file, YAML.writeValueAsString(config));
        return file;
    }
}
