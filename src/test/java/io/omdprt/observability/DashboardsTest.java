package io.omdprt.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.omdprt.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboards are dashboards Grafana loads (classic JSON model, provisioned datasource by
 * uid) and every query in them is PromQL that Prometheus parses.
 */
class DashboardsTest {
    @Test
    void dashboardsAreGrafanaJsonReferringToTheProvisionedDatasource() throws Exception {
        List<Path> files = ObservabilityFiles.dashboards();
        assertEquals(List.of("omd-channel-detail.json", "omd-monitor-health.json", "omd-prt-overview.json"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        Set<String> uids = new HashSet<>();
        for (Path file : files) {
            String text = Files.readString(file);
            String name = file.getFileName().toString();
            assertFalse(text.contains("${DS_"), name + ": datasource inputs (${DS_...}) do not work with file provisioning");
            JsonNode d = ObservabilityFiles.json(file);
            assertFalse(d.has("__inputs"), name + ": exported for sharing (__inputs); provisioning needs the plain model");
            assertEquals(name.replace(".json", ""), d.path("uid").asText(), name + ": uid is the file name, so links stay stable");
            assertTrue(uids.add(d.path("uid").asText()), name + ": uid used twice");
            assertFalse(d.path("title").asText().isBlank(), name + ": title");
            assertTrue(d.path("schemaVersion").asInt() >= 36, name + ": schemaVersion " + d.path("schemaVersion"));
            assertTrue(d.path("tags").toString().contains("\"omd-prt\""), name + ": tagged omd-prt (the dashboards link by tag)");

            for (JsonNode v : d.path("templating").path("list")) {
                assertDatasource(name + " variable " + v.path("name").asText(), v.path("datasource"));
            }
            for (JsonNode a : d.path("annotations").path("list")) {
                if (!a.path("builtIn").asBoolean()) {
                    assertDatasource(name + " annotation " + a.path("name").asText(), a.path("datasource"));
                }
            }
            List<JsonNode> panels = DashboardQueries.panels(d);
            assertFalse(panels.isEmpty(), name + ": panels");
            Set<Integer> ids = new HashSet<>();
            List<int[]> boxes = new ArrayList<>();
            for (JsonNode p : panels) {
                String where = name + " panel " + p.path("id") + " '" + p.path("title").asText() + "'";
                assertTrue(p.path("id").isInt() && ids.add(p.path("id").asInt()), where + ": a unique integer id");
                assertFalse(p.path("type").asText().isBlank(), where + ": type");
                assertFalse(p.path("title").asText().isBlank(), where + ": title");
                JsonNode g = p.path("gridPos");
                for (String k : new String[] {"h", "w", "x", "y"}) {
                    assertTrue(g.path(k).isInt(), where + ": gridPos." + k);
                }
                int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
                assertTrue(box[0] >= 0 && box[2] > 0 && box[0] + box[2] <= 24 && box[3] > 0, where + ": fits the 24-column grid");
                for (int[] other : boxes) {
                    boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                            && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                    assertFalse(overlap, where + ": overlaps another panel");
                }
                boxes.add(box);
                if (p.path("type").asText().equals("row")) {
                    continue;
                }
                assertDatasource(where, p.path("datasource"));
                JsonNode targets = p.path("targets");
                assertTrue(targets.size() > 0, where + ": at least one query");
                Set<String> refIds = new HashSet<>();
                for (JsonNode t : targets) {
                    assertTrue(refIds.add(t.path("refId").asText()), where + ": refIds unique");
                    assertDatasource(where + " target " + t.path("refId").asText(), t.path("datasource"));
                    assertFalse(t.path("expr").asText().isBlank(), where + ": expr");
                }
            }
        }
    }

    @Test
    void provisioningDefinesTheDatasourceAndLoadsTheDashboards() throws Exception {
        JsonNode ds = ObservabilityFiles.yaml(ObservabilityFiles.PROVISIONING.resolve("datasources/omd-prometheus.yml"));
        assertEquals(1, ds.path("apiVersion").asInt());
        JsonNode source = ds.path("datasources").get(0);
        assertEquals(ObservabilityFiles.DATASOURCE_UID, source.path("uid").asText());
        assertEquals("prometheus", source.path("type").asText());
        JsonNode providers = ObservabilityFiles.yaml(ObservabilityFiles.PROVISIONING.resolve("dashboards/omd-dashboards.yml"));
        JsonNode provider = providers.path("providers").get(0);
        assertEquals("file", provider.path("type").asText());
        assertFalse(provider.path("options").path("path").asText().isBlank());
    }

    @Test
    void everyDashboardQueryParses(@TempDir Path dir) throws Exception {
        Promtool.require();
        Map<String, String> expressions = new LinkedHashMap<>();
        for (DashboardQueries.Query q : DashboardQueries.all()) {
            expressions.put(q.where(), q.expr());
        }
        assertTrue(expressions.size() > 60, "all queries found: " + expressions.size());
        ExternalTool.Result r = Promtool.checkExpressions(expressions, dir);
        assertEquals(0, r.exitCode(), "promtool check rules on the dashboards' queries:\n" + r.output());
    }

    @Test
    void theParseCheckRejectsABrokenQuery(@TempDir Path dir) throws Exception {
        Promtool.require();
        ExternalTool.Result r = Promtool.checkExpressions(Map.of("a good one", "sum by (feed) (rate(omd_line_packets_total[1m]))",
                "a broken one", "sum by (feed) (rate(omd_line_packets_total[1m])"), dir);
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("a broken one"), r.output());
        assertFalse(r.output().contains("a good one"), r.output());
    }

    @Test
    void grafanaVariablesAreSubstitutedAndUnknownOnesRejected() {
        Set<String> vars = Set.of("feed", "channel");
        assertEquals("rate(x{feed=\"value-of-feed\", channel=~\"value-of-channel\"}[1m])",
                DashboardQueries.substitute("t", "rate(x{feed=\"$feed\", channel=~\"${channel:regex}\"}[$__rate_interval])", vars));
        assertEquals("x{feed=\"value-of-feed\"}", DashboardQueries.substitute("t", "x{feed=\"[[feed]]\"}", vars));
        try {
            DashboardQueries.substitute("t", "x{feed=\"$fed\"}", vars);
            fail("a misspelt variable must be rejected");
        } catch (AssertionError expected) {
            assertTrue(expected.getMessage().contains("$fed"), expected.getMessage());
        }
    }

    private static void assertDatasource(String where, JsonNode ds) {
        assertEquals("prometheus", ds.path("type").asText(), where + ": datasource type");
        assertEquals(ObservabilityFiles.DATASOURCE_UID, ds.path("uid").asText(), where + ": datasource uid");
    }
}
