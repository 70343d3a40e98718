package io.omdprt.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.omdprt.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules: valid for Prometheus, and their promtool unit tests pass and cover every alert
 * both firing and quiet. The PRT-window gate is tested by removing it: the unit tests must notice.
 */
class AlertRulesTest {
    /** How an alert that only matters during a PRT ends (the same text in every gated alert). */
    static final String WINDOW_GATE = "and on (instance) (max by (instance) (omd_prt_window_active) == 1)";
    private static final Set<String> GATED = Set.of("OmdArbitratedGap", "OmdLineGap", "OmdLineDown", "OmdChannelDown", "OmdFeedSilent");

    @Test
    void rulesPassPromtoolCheck() throws Exception {
        ExternalTool.Result r = Promtool.run("check", "rules", "--lint-fatal", ObservabilityFiles.RULES.toString());
        assertEquals(0, r.exitCode(), "promtool check rules:\n" + r.output());
        assertTrue(r.output().contains("SUCCESS: 9 rules found"), r.output());
    }

    @Test
    void promtoolUnitTestsPass() throws Exception {
        ExternalTool.Result r = Promtool.run("test", "rules", ObservabilityFiles.RULE_TESTS.toString());
        assertEquals(0, r.exitCode(), "promtool test rules " + ObservabilityFiles.RULE_TESTS + ":\n" + r.output());
        assertTrue(r.output().contains("SUCCESS"), r.output());
    }

    @Test
    void everyAlertIsTestedFiringAndQuietAndTellsWhatToDo() throws Exception {
        List<ObservabilityFiles.Alert> alerts = ObservabilityFiles.alerts();
        assertEquals(9, alerts.size(), "alerts in " + ObservabilityFiles.RULES);
        Set<String> fires = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (JsonNode test : ObservabilityFiles.yaml(ObservabilityFiles.RULE_TESTS).path("tests")) {
            for (JsonNode t : test.path("alert_rule_test")) {
                (t.path("exp_alerts").isEmpty() ? quiet : fires).add(t.path("alertname").asText());
            }
        }
        Set<String> gated = new TreeSet<>();
        for (ObservabilityFiles.Alert a : alerts) {
            assertTrue(fires.contains(a.name()), a.name() + ": no unit test where it fires");
            assertTrue(quiet.contains(a.name()), a.name() + ": no unit test where it stays quiet");
            assertTrue(Set.of("critical", "warning").contains(a.severity()), a.name() + ": severity " + a.severity());
            assertTrue(a.annotations().path("summary").asText().length() > 20, a.name() + ": summary");
            assertTrue(a.annotations().path("description").asText().length() > 150, a.name() + ": a description that says what to do");
            if (a.expr().contains("omd_prt_window_active")) {
                assertTrue(a.expr().contains(WINDOW_GATE), a.name() + ": the window gate written as everywhere else");
                gated.add(a.name());
            }
        }
        assertEquals(new TreeSet<>(GATED), gated, "alerts gated on an active PRT window");
    }

    @Test
    void withoutTheWindowGateTheUnitTestsFailForEveryGatedAlert(@TempDir Path dir) throws Exception {
        String rules = Files.readString(ObservabilityFiles.RULES);
        String ungated = rules.replace(WINDOW_GATE, "");
        assertNotEquals(rules, ungated);
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("rules/omd-alerts.yml"), ungated);
        Path tests = dir.resolve("tests/omd-alerts.test.yml");
        Files.copy(ObservabilityFiles.RULE_TESTS, tests);

        ExternalTool.Result r = Promtool.run("test", "rules", tests.toString());
        assertNotEquals(0, r.exitCode(), "the unit tests pass without the window gate:\n" + r.output());
        for (String alert : GATED) {
            assertTrue(r.output().contains("alertname: " + alert + ","), alert + " fired outside a window unnoticed:\n" + r.output());
        }
        for (ObservabilityFiles.Alert a : ObservabilityFiles.alerts()) {
            if (!GATED.contains(a.name())) {
                assertFalse(r.output().contains("alertname: " + a.name() + ","), a.name() + " is not gated:\n" + r.output());
            }
        }
    }
}
