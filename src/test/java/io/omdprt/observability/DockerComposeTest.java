package io.omdprt.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml (no Docker engine here, so a static check): it mounts files that exist, and
 * gives Grafana the environment its provisioning files read.
 */
class DockerComposeTest {
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");

    @Test
    void servicesMountWhatTheRepositoryHas() throws Exception {
        JsonNode services = ObservabilityFiles.yaml(ObservabilityFiles.COMPOSE).path("services");
        assertEquals(Set.of("monitor", "prometheus", "alertmanager", "grafana"), fieldNames(services));
        Map<String, String> mounts = new HashMap<>();
        for (JsonNode service : services) {
            for (JsonNode volume : service.path("volumes")) {
                String[] parts = volume.asText().split(":");
                mounts.put(parts[1], parts[0]);
                if (parts[0].startsWith("./") && !parts[0].startsWith("./target/")) {
                    assertTrue(Files.exists(Path.of(parts[0])), "mounted but missing: " + parts[0]);
                }
            }
        }
        assertEquals("./config/prometheus", mounts.get("/etc/prometheus"));
        assertEquals("./grafana/provisioning", mounts.get("/etc/grafana/provisioning"));
        assertEquals("./target/omd-prt-monitor.jar", mounts.get("/opt/omd-prt-monitor/omd-prt-monitor.jar"));
    }

    @Test
    void grafanaGetsTheVariablesItsProvisioningReads() throws Exception {
        JsonNode grafana = ObservabilityFiles.yaml(ObservabilityFiles.COMPOSE).path("services").path("grafana");
        Set<String> referenced = new TreeSet<>();
        try (var files = Files.walk(ObservabilityFiles.PROVISIONING)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = ENV_REFERENCE.matcher(Files.readString(f));
                while (m.find()) {
                    referenced.add(m.group(1));
                }
            }
        }
        assertEquals(Set.of("OMD_GRAFANA_DASHBOARDS", "OMD_PROMETHEUS_URL"), referenced);
        assertEquals(referenced, fieldNames(grafana.path("environment")));
        String dashboards = grafana.path("environment").path("OMD_GRAFANA_DASHBOARDS").asText();
        assertTrue(grafana.path("volumes").toString().contains("./grafana/dashboards:" + dashboards + ":"),
                "the dashboards are mounted where the provider looks: " + dashboards);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
