package io.omdprt.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml (no Docker engine here, so a static check): it mounts files that exist, gives
 * Grafana the environment its provisioning files read, keeps Grafana on 127.0.0.1 with an admin
 * password from the environment, and puts the monitor's journal and reports in a host folder.
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
                // ./target/ is built, ./data is the monitor's output (the user creates it): the rest is in the repository.
                if (parts[0].startsWith("./") && !parts[0].startsWith("./target/") && !parts[0].equals("./data")) {
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
        Set<String> omd = new TreeSet<>(fieldNames(grafana.path("environment")));
        omd.removeIf(name -> name.startsWith("GF_"));
        assertEquals(referenced, omd, "besides Grafana's own GF_ settings");
        String dashboards = grafana.path("environment").path("OMD_GRAFANA_DASHBOARDS").asText();
        assertTrue(grafana.path("volumes").toString().contains("./grafana/dashboards:" + dashboards + ":"),
                "the dashboards are mounted where the provider looks: " + dashboards);
    }

    @Test
    void grafanaListensOnLoopbackWithAnAdminPasswordFromTheEnvironment() throws Exception {
        JsonNode env = ObservabilityFiles.yaml(ObservabilityFiles.COMPOSE).path("services").path("grafana").path("environment");
        assertEquals("127.0.0.1", env.path("GF_SERVER_HTTP_ADDR").asText(), "network_mode host: bind Grafana to loopback");
        assertTrue(env.path("GF_SECURITY_ADMIN_PASSWORD").asText().matches("\\$\\{GRAFANA_ADMIN_PASSWORD:\\?[^}]+}"),
                "required from the environment (compose stops when it is unset): " + env.path("GF_SECURITY_ADMIN_PASSWORD"));
        assertEquals("false", env.path("GF_USERS_ALLOW_SIGN_UP").asText());
        assertFalse(Files.readString(ObservabilityFiles.COMPOSE).contains("admin/admin"), "no default password mentioned as usable");
    }

    @Test
    void journalAndReportsLandInAHostFolder() throws Exception {
        JsonNode monitor = ObservabilityFiles.yaml(ObservabilityFiles.COMPOSE).path("services").path("monitor");
        Map<Path, String> hostFolders = new HashMap<>();
        for (JsonNode volume : monitor.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[0].startsWith("./")) {
                hostFolders.put(Path.of(parts[1]), parts[0]);
            }
        }
        Path workingDir = Path.of(monitor.path("working_dir").asText());
        assertTrue(monitor.path("user").asText().matches("\\$\\{OMD_UID:-\\d+}:\\$\\{OMD_GID:-\\d+}"),
                "the files are the host user's: " + monitor.path("user"));
        for (String config : List.of("config/demo.yaml", "config/hkex-prt-example.yaml")) {
            MonitorConfig c = new ConfigLoader().load(Path.of(config));
            for (Path dir : List.of(c.journal().dir(), c.reportDir())) {
                Path inContainer = workingDir.resolve(dir);
                String host = hostFolders.entrySet().stream().filter(e -> inContainer.startsWith(e.getKey()))
                        .map(e -> Path.of(e.getValue()).resolve(e.getKey().relativize(inContainer)).normalize().toString())
                        .findFirst().orElse(null);
                assertTrue(host != null && host.startsWith("data/"), config + ": " + inContainer + " is in ./data on the host: " + host);
                assertEquals("data/" + dir.getFileName(), host, config + " " + dir);
            }
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
