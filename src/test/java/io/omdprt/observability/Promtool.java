package io.omdprt.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.omdprt.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** promtool, the Debian package prometheus's checker, as the tests use it. */
final class Promtool {
    private static final long TIMEOUT_SECONDS = 60;

    private Promtool() {
    }

    /** @return promtool's path; skips the test locally or fails it under CI when it is absent */
    static Path require() {
        return ExternalTool.require("promtool", "prometheus");
    }

    static ExternalTool.Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(require().toString());
        command.addAll(List.of(args));
        return ExternalTool.run(command, null, TIMEOUT_SECONDS);
    }

    /**
     * {@code promtool check rules} on a rule file with one recording rule per expression, so that every
     * expression is parsed by Prometheus's own parser.
     *
     * @param expressions where each expression comes from (for the message) to the expression
     */
    static ExternalTool.Result checkExpressions(Map<String, String> expressions, Path dir) throws Exception {
        List<Map<String, Object>> rules = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", "expression_" + sources.size());
            rule.put("expr", e.getValue());
            rules.add(rule);
            sources.add(e.getKey());
        }
        Path file = dir.resolve("expressions.yml");
        Files.writeString(file, new ObjectMapper(new YAMLFactory())
                .writeValueAsString(Map.of("groups", List.of(Map.of("name", "expressions", "rules", rules)))));
        ExternalTool.Result r = run("check", "rules", "--lint=none", file.toString());
        // promtool names the failing rule ("expression_7"): say where that expression comes from.
        String output = r.output();
        for (int i = sources.size() - 1; i >= 0; i--) {
            output = output.replace("\"expression_" + i + "\"", "\"expression_" + i + "\" (" + sources.get(i) + ")");
        }
        return new ExternalTool.Result(r.exitCode(), output);
    }
}
