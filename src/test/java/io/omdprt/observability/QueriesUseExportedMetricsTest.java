package io.omdprt.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.MonitorConfig;
import io.omdprt.monitor.Monitor;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.Http;
import io.omdprt.testing.Scrape;
import io.omdprt.testing.TestConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric and label the dashboards and alert rules use exists, spelt as exposed, in a real
 * /metrics scrape of a monitor that has lines, a refresh channel, a DR channel and a PRT window (so that every family is
 * there), apart from the series Prometheus makes itself.
 */
class QueriesUseExportedMetricsTest {
    /** Series Prometheus itself makes: per target, and for alerts. */
    private static final Map<String, Set<String>> PROMETHEUS_SERIES = Map.of(
            "up", Set.of(), "scrape_duration_seconds", Set.of(), "scrape_samples_scraped", Set.of(),
            "ALERTS", Set.of("alertname", "alertstate", "severity"));
    private static final Pattern TEMPLATE_LABEL = Pattern.compile("\\$labels\\.([A-Za-z_]\\w*)");

    /** Metric name to the labels its series carry in the scrape. */
    private static final Map<String, Set<String>> EXPORTED = new HashMap<>();

    @BeforeAll
    static void scrapeALiveMonitor() throws Exception {
        MonitorConfig config = TestConfigs.loopback("windows:\n" + TestConfigs.windowCoveringNow("NOW"), 1, true, true);
        try (Monitor monitor = Monitor.start(config)) {
            // jvm_gc_pause_seconds appears with the first collection.
            System.gc();
            Eventually.await(Duration.ofSeconds(10), () ->
                    Http.scrape(monitor.httpPort()).has("jvm_gc_pause_seconds_count") ? null : "no GC pause recorded yet");
            Scrape scrape = Http.scrape(monitor.httpPort());
            for (Scrape.Sample s : scrape.samples()) {
                EXPORTED.computeIfAbsent(s.name(), n -> new LinkedHashSet<>()).addAll(s.labels().keySet());
            }
            assertTrue(scrape.has("omd_socket_drops_total") || !monitor.receiver().transportName().equals("epoll"),
                    "kernel drops are exported on Linux with epoll");
        }
        assertEquals(Set.of("feed", "channel", "line", "site"), EXPORTED.get("omd_line_up"));
        assertTrue(EXPORTED.containsKey("omd_prt_window_active"), "the window is exported");
    }

    @Test
    void dashboardQueriesUseExportedNamesAndLabels() throws Exception {
        List<String> problems = new ArrayList<>();
        for (DashboardQueries.Query q : DashboardQueries.all()) {
            problems.addAll(check(q.where(), q.expr(), q.labelNames()));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void alertRulesUseExportedNamesAndLabels() throws Exception {
        List<String> problems = new ArrayList<>();
        for (ObservabilityFiles.Alert a : ObservabilityFiles.alerts()) {
            Set<String> templated = new LinkedHashSet<>();
            Matcher m = TEMPLATE_LABEL.matcher(a.annotations().toString());
            while (m.find()) {
                templated.add(m.group(1));
            }
            problems.addAll(check("alert " + a.name(), a.expr(), templated));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckCatchesWrongNamesAndLabels() {
        assertEquals(List.of("t: omd_line_up has no label 'chanel'",
                        "t: omd_line_packets is not exported (is it omd_line_packets_total?)",
                        "t: grouping label 'lane' is on none of omd_line_up",
                        "t: output label 'feeed' is on none of omd_line_up"),
                check("t", "sum by (lane) (omd_line_up{chanel=\"1\"}) + rate(omd_line_packets[1m])", Set.of("feeed")));
        assertEquals(List.of(), check("t", "sum by (instance, feed) (omd_line_up{job=\"x\", line=\"A\"})", Set.of("feed", "instance")));
    }

    /** @return what is wrong with the names in {@code expr}, with {@code outputLabels} expected on its result */
    private static List<String> check(String where, String expr, Set<String> outputLabels) {
        List<String> problems = new ArrayList<>();
        PromQlNames names = PromQlNames.of(expr);
        Set<String> available = new LinkedHashSet<>(ObservabilityFiles.TARGET_LABELS);
        List<String> metrics = new ArrayList<>();
        for (PromQlNames.Selector s : names.selectors()) {
            Set<String> labels = labelsOf(s.metric());
            if (labels == null) {
                String hint = EXPORTED.containsKey(s.metric() + "_total") ? " (is it " + s.metric() + "_total?)" : "";
                problems.add(where + ": " + s.metric() + " is not exported" + hint);
                continue;
            }
            metrics.add(s.metric());
            available.addAll(labels);
            for (String l : s.matcherLabels()) {
                if (!labels.contains(l) && !ObservabilityFiles.TARGET_LABELS.contains(l)) {
                    problems.add(where + ": " + s.metric() + " has no label '" + l + "'");
                }
            }
        }
        for (String l : names.groupingLabels()) {
            if (!available.contains(l)) {
                problems.add(where + ": grouping label '" + l + "' is on none of " + String.join(", ", metrics));
            }
        }
        for (String l : outputLabels) {
            if (!available.contains(l)) {
                problems.add(where + ": output label '" + l + "' is on none of " + String.join(", ", metrics));
            }
        }
        return problems;
    }

    private static Set<String> labelsOf(String metric) {
        if (metric == null) {
            return null;
        }
        Set<String> labels = EXPORTED.get(metric);
        if (labels != null) {
            return labels;
        }
        if (metric.equals("ALERTS")) {
            // An alert carries its rule's labels and those of the series it fired for.
            Set<String> all = new LinkedHashSet<>(PROMETHEUS_SERIES.get("ALERTS"));
            EXPORTED.values().forEach(all::addAll);
            return all;
        }
        return PROMETHEUS_SERIES.get(metric);
    }
}
