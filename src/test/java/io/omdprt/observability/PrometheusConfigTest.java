package io.omdprt.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.omdprt.testing.ExternalTool;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The example prometheus.yml is valid, loads the alert rules and labels the monitors as the rules and dashboards expect. */
class PrometheusConfigTest {
    @Test
    void promtoolAcceptsTheConfigAndItsRuleFiles() throws Exception {
        ExternalTool.Result r = Promtool.run("check", "config", ObservabilityFiles.PROMETHEUS_CONFIG.toString());
        assertEquals(0, r.exitCode(), "promtool check config:\n" + r.output());
        assertTrue(r.output().contains("Checking " + ObservabilityFiles.RULES), "the alert rules are loaded:\n" + r.output());
    }

    @Test
    void monitorsAreScrapedUnderTheJobTheRulesSelectWithFriendlyTargetLabels() throws Exception {
        JsonNode config = ObservabilityFiles.yaml(ObservabilityFiles.PROMETHEUS_CONFIG);
        JsonNode job = null;
        for (JsonNode j : config.path("scrape_configs")) {
            if (j.path("job_name").asText().equals(ObservabilityFiles.JOB)) {
                job = j;
            }
        }
        assertTrue(job != null, "a scrape job named " + ObservabilityFiles.JOB);
        Set<String> sites = new HashSet<>();
        Set<String> instances = new HashSet<>();
        for (JsonNode group : job.path("static_configs")) {
            JsonNode labels = group.path("labels");
            assertFalse(labels.has("site"), "a target label 'site' would clash with the monitor's per-line site label");
            assertTrue(instances.add(labels.path("instance").asText()), "a friendly, distinct instance name: " + labels);
            sites.add(labels.path("receiver_site").asText());
            assertEquals(1, group.path("targets").size(), "one monitor per instance name: " + group);
        }
        assertEquals(Set.of("primary", "dr"), sites, "a receiver at each site");
        assertEquals(List.of("job", "instance", "receiver_site"), ObservabilityFiles.TARGET_LABELS);
        for (ObservabilityFiles.Alert a : ObservabilityFiles.alerts()) {
            if (a.expr().contains("job=")) {
                assertTrue(a.expr().contains("job=\"" + ObservabilityFiles.JOB + "\""), a.name() + " selects another job: " + a.expr());
            }
        }
    }
}
