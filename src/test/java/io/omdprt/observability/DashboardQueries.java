package io.omdprt.observability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Prometheus query of the Grafana dashboards (panel targets, template variables, annotations),
 * with Grafana's variables replaced by valid values so that the result is plain PromQL.
 */
final class DashboardQueries {
    /**
     * One query.
     *
     * @param where       dashboard and panel, for messages
     * @param expr        PromQL, variables substituted
     * @param labelNames  labels the query's output is expected to carry: legend and title templates, and
     *                    the label of a {@code label_values} variable
     */
    record Query(String where, String expr, Set<String> labelNames) {
    }

    /** Grafana's built-in variables that may stand in PromQL, with a value of the right kind. */
    private static final Map<String, String> BUILT_IN = Map.of(
            "__rate_interval", "1m", "__interval", "1m", "__range", "1h",
            "__interval_ms", "60000", "__range_s", "3600", "__range_ms", "3600000");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_]\\w*)(?::[^}]*)?}|\\[\\[([A-Za-z_]\\w*)(?::[^\\]]*)?]]|\\$([A-Za-z_]\\w*)");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*([A-Za-z_]\\w*)\\s*\\)\\s*$", Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern TEMPLATE_LABEL = Pattern.compile("\\{\\{\\s*([A-Za-z_]\\w*)\\s*}}");

    private DashboardQueries() {
    }

    static List<Query> all() throws IOException {
        List<Query> queries = new ArrayList<>();
        for (Path file : ObservabilityFiles.dashboards()) {
            queries.addAll(of(file.getFileName().toString(), ObservabilityFiles.json(file)));
        }
        return queries;
    }

    static List<Query> of(String name, JsonNode dashboard) {
        Set<String> variables = new LinkedHashSet<>();
        for (JsonNode v : dashboard.path("templating").path("list")) {
            variables.add(v.path("name").asText());
        }
        List<Query> queries = new ArrayList<>();
        for (JsonNode v : dashboard.path("templating").path("list")) {
            if (v.path("type").asText().equals("query")) {
                JsonNode q = v.path("query");
                String text = q.isTextual() ? q.asText() : q.path("query").asText();
                queries.add(variableQuery(name + " variable " + v.path("name").asText(), text, variables));
            }
        }
        for (JsonNode a : dashboard.path("annotations").path("list")) {
            if (a.has("expr")) {
                String where = name + " annotation '" + a.path("name").asText() + "'";
                queries.add(new Query(where, substitute(where, a.path("expr").asText(), variables),
                        templateLabels(a.path("titleFormat").asText() + a.path("textFormat").asText(), a.path("tagKeys").asText())));
            }
        }
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode t : panel.path("targets")) {
                String where = name + " panel " + panel.path("id").asText() + " '" + panel.path("title").asText()
                        + "' target " + t.path("refId").asText();
                queries.add(new Query(where, substitute(where, t.path("expr").asText(), variables),
                        templateLabels(t.path("legendFormat").asText(), "")));
            }
        }
        return queries;
    }

    /** Top-level panels and those inside (collapsed) rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            panels.add(p);
            p.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static Query variableQuery(String where, String text, Set<String> variables) {
        Matcher lv = LABEL_VALUES.matcher(text);
        if (lv.matches()) {
            return new Query(where, substitute(where, lv.group(1), variables), Set.of(lv.group(2)));
        }
        Matcher qr = QUERY_RESULT.matcher(text);
        if (qr.matches()) {
            return new Query(where, substitute(where, qr.group(1), variables), Set.of());
        }
        throw new AssertionError(where + ": expected label_values(<selector>, <label>) or query_result(<expr>), got " + text);
    }

    /** Replaces Grafana variables ($x, ${x}, ${x:fmt}, [[x]]) by valid values; an unknown variable is an error. */
    static String substitute(String where, String expr, Set<String> variables) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String value = BUILT_IN.get(name);
            if (value == null) {
                if (!variables.contains(name)) {
                    throw new AssertionError(where + ": variable $" + name + " is neither defined by the dashboard nor built in: " + expr);
                }
                value = "value-of-" + name;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Label names in {{label}} templates, plus a comma-separated list of label names. */
    private static Set<String> templateLabels(String template, String commaSeparated) {
        Set<String> labels = new LinkedHashSet<>();
        Matcher m = TEMPLATE_LABEL.matcher(template);
        while (m.find()) {
            labels.add(m.group(1));
        }
        for (String l : commaSeparated.split(",")) {
            if (!l.isBlank()) {
                labels.add(l.trim());
            }
        }
        return labels;
    }
}
