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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboards are dashboards Grafana loads (classic JSON model, provisioned datasource by
 * uid) and every query in them is PromQL that Prometheus parses.
 */
class DashboardsTest {
    /** A PRT window: 09:00 to 12:10. */
    private static final Duration WINDOW = Duration.ofMinutes(190);
    private static final Pattern RELATIVE = Pattern.compile("now-(?:(\\d+)h)?(?:(\\d+)m)?");

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
                if (v.path("type").asText().equals("query")) {
                    assertDatasource(name + " variable " + v.path("name").asText(), v.path("datasource"));
                }
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

    @Test
    void everyDashboardShowsAWholeWindowAndLinksToTheMonitor() throws Exception {
        for (Path file : ObservabilityFiles.dashboards()) {
            String name = file.getFileName().toString();
            JsonNode d = ObservabilityFiles.json(file);
            assertEquals("now", d.path("time").path("to").asText(), name);
            Matcher from = RELATIVE.matcher(d.path("time").path("from").asText());
            assertTrue(from.matches(), name + ": time.from " + d.path("time"));
            Duration shown = Duration.ofHours(from.group(1) == null ? 0 : Long.parseLong(from.group(1)))
                    .plusMinutes(from.group(2) == null ? 0 : Long.parseLong(from.group(2)));
            assertTrue(shown.compareTo(WINDOW.plusMinutes(10)) >= 0, name + ": a PRT window (3 h 10 min) and a margin, not " + shown);

            JsonNode monitor = null;
            for (JsonNode v : d.path("templating").path("list")) {
                if (v.path("name").asText().equals("monitor")) {
                    monitor = v;
                }
            }
            assertTrue(monitor != null, name + ": a $monitor variable, the monitor's URL");
            assertEquals("textbox", monitor.path("type").asText(), name);
            assertTrue(monitor.path("query").asText().matches("https?://[^/]+"), name + ": a default URL " + monitor);
            Set<String> links = new HashSet<>();
            d.path("links").forEach(l -> links.add(l.path("type").asText() + " " + l.path("url").asText()));
            assertTrue(links.containsAll(Set.of("link ${monitor}/", "link ${monitor}/reports/")),
                    name + ": links to the monitor's status page and reports: " + links);
        }
    }

    @Test
    void theOverviewStartsWithChannelsAndFiringAlerts() throws Exception {
        JsonNode d = ObservabilityFiles.json(ObservabilityFiles.DASHBOARDS.resolve("omd-prt-overview.json"));
        Set<String> top = new HashSet<>();
        for (JsonNode p : DashboardQueries.panels(d)) {
            if (p.path("gridPos").path("y").asInt() == 0) {
                p.path("targets").forEach(t -> top.add(PromQlNames.of(t.path("expr").asText()).selectors().get(0).metric()));
            }
        }
        assertTrue(top.containsAll(Set.of("omd_channel_up", "ALERTS")), "top row queries " + top);
    }

    @Test
    void totalsCountTheWindowNotTheTimePicker() throws Exception {
        int totals = 0;
        for (Path file : ObservabilityFiles.dashboards()) {
            for (JsonNode p : DashboardQueries.panels(ObservabilityFiles.json(file))) {
                for (JsonNode t : p.path("targets")) {
                    assertFalse(t.path("expr").asText().contains("$__range"),
                            file.getFileName() + " '" + p.path("title").asText() + "': counts over the time picker's range");
                    if (p.path("type").asText().equals("stat") && t.path("expr").asText().contains("_total")) {
                        assertTrue(t.path("expr").asText().contains(AlertRulesTest.PRT_WINDOW_GATE),
                                file.getFileName() + " '" + p.path("title").asText() + "': a total of the PRT window, gated as the alerts' PRT mode");
                        totals++;
                    }
                }
            }
        }
        assertTrue(totals >= 8, "window totals found: " + totals);
    }

    /**
     * The overview's real-loss total, run by promtool over a window that opens at 10m and ends at 30m:
     * loss before the window and after it is not counted; after the end the window's total stays.
     */
    @Test
    void theWindowTotalCountsOnlyWhatWasLostInsideTheWindow(@TempDir Path dir) throws Exception {
        Promtool.require();
        String expr = DashboardQueries.all().stream()
                .filter(q -> q.where().startsWith("omd-prt-overview.json") && q.where().contains("'Real loss in the window"))
                .findFirst().orElseThrow().expr();
        String labels = "job=\"omd-prt-monitor\", instance=\"value-of-instance\", receiver_site=\"primary\"";
        Files.writeString(dir.resolve("window-total.test.yml"), String.join("\n",
                "rule_files: []",
                "evaluation_interval: 1m",
                "tests:",
                "  - interval: 1m",
                "    input_series:",
                "      - series: 'omd_prt_window_active{" + labels + ", window=\"PRT1\"}'",
                "        values: '0x9 1x19 0x11'",
                "      # 5 lost before the window (8m), 7 and 8 inside it (11m, 21m), 10 after it (35m).",
                "      - series: 'omd_arbitrated_missing_messages_total{" + labels + ", feed=\"value-of-feed\", channel=\"11\"}'",
                "        values: '0x7 5x2 12x9 20x13 30x5'",
                "    promql_expr_test:",
                total("9m", expr, null),
                total("10m", expr, 0),
                total("25m", expr, 15),
                total("40m", expr, 15),
                ""));
        ExternalTool.Result r = Promtool.run("test", "rules", dir.resolve("window-total.test.yml").toString());
        assertEquals(0, r.exitCode(), expr + "\n" + r.output());
    }

    private static String total(String at, String expr, Integer value) {
        return "      - eval_time: " + at + "\n        expr: '" + expr.replace("'", "''") + "'\n        exp_samples: "
                + (value == null ? "[]" : "[{labels: '{}', value: " + value + "}]");
    }

    private static void assertDatasource(String where, JsonNode ds) {
        assertEquals("prometheus", ds.path("type").asText(), where + ": datasource type");
        assertEquals(ObservabilityFiles.DATASOURCE_UID, ds.path("uid").asText(), where + ": datasource uid");
    }
}
