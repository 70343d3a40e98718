package io.omdprt.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.omdprt.testing.ExternalTool;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example Alertmanager config is valid, pages for critical alerts and posts warnings to chat. */
class AlertmanagerConfigTest {
    private static final Pattern ALERTNAME = Pattern.compile("alertname=~?\"([^\"]+)\"");

    @Test
    void amtoolAcceptsTheConfig() throws Exception {
        ExternalTool.Result r = ExternalTool.run(List.of(amtool().toString(), "check-config",
                ObservabilityFiles.ALERTMANAGER_CONFIG.toString()), null, 60);
        assertEquals(0, r.exitCode(), "amtool check-config:\n" + r.output());
    }

    @Test
    void everyAlertIsRoutedBySeverity() throws Exception {
        Path amtool = amtool();
        for (ObservabilityFiles.Alert a : ObservabilityFiles.alerts()) {
            ExternalTool.Result r = ExternalTool.run(List.of(amtool.toString(), "config", "routes", "test",
                    "--config.file=" + ObservabilityFiles.ALERTMANAGER_CONFIG, "alertname=" + a.name(),
                    "severity=" + a.severity(), "instance=rx-a", "feed=omdc-sp", "channel=11"), null, 60);
            assertEquals(0, r.exitCode(), r.output());
            String receivers = r.output().lines().filter(l -> !l.startsWith("Warning")).findFirst().orElse("").trim();
            String expected = a.severity().equals("critical") ? "ops-pager,ops-chat" : "ops-chat";
            assertEquals(expected, receivers, a.name() + " (" + a.severity() + ")");
        }
    }

    @Test
    void inhibitionsNameAlertsThatExist() throws Exception {
        Set<String> alerts = new HashSet<>();
        ObservabilityFiles.alerts().forEach(a -> alerts.add(a.name()));
        JsonNode rules = ObservabilityFiles.yaml(ObservabilityFiles.ALERTMANAGER_CONFIG).path("inhibit_rules");
        assertTrue(rules.size() > 0, "inhibit rules");
        for (JsonNode rule : rules) {
            for (String side : new String[] {"source_matchers", "target_matchers"}) {
                int named = 0;
                for (JsonNode matcher : rule.path(side)) {
                    Matcher m = ALERTNAME.matcher(matcher.asText());
                    while (m.find()) {
                        for (String name : m.group(1).split("\\|")) {
                            assertTrue(alerts.contains(name), "inhibit rule names an alert that does not exist: " + name);
                            named++;
                        }
                    }
                }
                assertTrue(named > 0, side + " names an alert: " + rule);
            }
        }
    }

    @Test
    void lineGapsGoToChatAtMostEvery15MinutesPerFeed() throws Exception {
        JsonNode root = ObservabilityFiles.yaml(ObservabilityFiles.ALERTMANAGER_CONFIG).path("route");
        JsonNode lineGaps = null;
        for (JsonNode r : root.path("routes")) {
            for (JsonNode m : r.path("matchers")) {
                if (m.asText().equals("alertname=\"OmdLineGap\"")) {
                    lineGaps = r;
                }
            }
        }
        assertTrue(lineGaps != null, "a route of its own for OmdLineGap: " + root);
        JsonNode groupBy = lineGaps.has("group_by") ? lineGaps.path("group_by") : root.path("group_by");
        assertTrue(groupBy.toString().contains("\"feed\""), "grouped by feed: " + groupBy);
        for (String finer : new String[] {"channel", "line"}) {
            assertFalse(groupBy.toString().contains("\"" + finer + "\""), "not by " + finer + ": " + groupBy);
        }
        assertEquals("15m", lineGaps.path("group_interval").asText());
        assertFalse(lineGaps.path("continue").asBoolean(), "not sent again by the next route");
    }

    private static Path amtool() {
        return ExternalTool.require("amtool", "prometheus-alertmanager");
    }
}
