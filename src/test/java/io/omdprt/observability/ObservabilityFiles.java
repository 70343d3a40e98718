package io.omdprt.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The observability files of the repository (paths relative to the project root, where Maven runs tests). */
final class ObservabilityFiles {
    static final Path PROMETHEUS_DIR = Path.of("config/prometheus");
    static final Path RULES = PROMETHEUS_DIR.resolve("rules/omd-alerts.yml");
    static final Path RULE_TESTS = PROMETHEUS_DIR.resolve("tests/omd-alerts.test.yml");
    static final Path PROMETHEUS_CONFIG = PROMETHEUS_DIR.resolve("prometheus.yml");
    static final Path ALERTMANAGER_CONFIG = PROMETHEUS_DIR.resolve("alertmanager.yml");
    static final Path DASHBOARDS = Path.of("grafana/dashboards");
    static final Path PROVISIONING = Path.of("grafana/provisioning");
    static final Path COMPOSE = Path.of("docker-compose.yml");

    /** The job name of the monitors in prometheus.yml, which the alert rules select. */
    static final String JOB = "omd-prt-monitor";
    /** The Grafana datasource every dashboard refers to. */
    static final String DATASOURCE_UID = "omd-prometheus";
    /** What Prometheus adds to every scraped series (prometheus.yml's target labels included). */
    static final List<String> TARGET_LABELS = List.of("job", "instance", "receiver_site");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One alerting rule. */
    record Alert(String name, String expr, String severity, JsonNode annotations) {
    }

    private ObservabilityFiles() {
    }

    static JsonNode yaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    static List<Alert> alerts() throws IOException {
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode group : yaml(RULES).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    alerts.add(new Alert(rule.path("alert").asText(), rule.path("expr").asText(),
                            rule.path("labels").path("severity").asText(null), rule.path("annotations")));
                }
            }
        }
        return alerts;
    }

    static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
