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
 * both firing and quiet. The PRT-window gate, the counting from the window's start and the 15-minute
 * look-back against floods are each tested by removing them: the unit tests must notice.
 */
class AlertRulesTest {
    /** How an alert that only matters during a PRT ends (the same text in every gated alert). */
    static final String WINDOW_GATE = "and on (instance) (max by (instance) (omd_prt_window_active) == 1 or on (instance) "
            + AlertRulesTest.PRODUCTION_BRANCH + ")";
    /** The PRT window alone: what the dashboards' window totals count (a trading session is not a dashboard window). */
    static final String PRT_WINDOW_GATE = "and on (instance) (max by (instance) (omd_prt_window_active) == 1)";
    /** Production mode: also inside every trading session of a monitor whose alerts.mode is production. */
    static final String PRODUCTION_BRANCH = "(max by (instance) (omd_alert_mode{mode=\"production\"}) == 1 and on (instance) "
            + "(max by (instance) (omd_trading_session_active) == 1))";
    private static final Set<String> GATED = Set.of("OmdArbitratedGap", "OmdLineGap", "OmdLineDown", "OmdChannelDown",
            "OmdFeedDown", "OmdReceiverDark", "OmdFeedSilent", "OmdRefreshStalled");
    /** The loss alerts count from the lowest value the counter had while the window was active. */
    private static final String SINCE_THE_WINDOW = "[15m:])";
    private static final int ALERTS = 12;

    @Test
    void rulesPassPromtoolCheck() throws Exception {
        ExternalTool.Result r = Promtool.run("check", "rules", "--lint-fatal", ObservabilityFiles.RULES.toString());
        assertEquals(0, r.exitCode(), "promtool check rules:\n" + r.output());
        assertTrue(r.output().contains("SUCCESS: " + ALERTS + " rules found"), r.output());
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
        assertEquals(ALERTS, alerts.size(), "alerts in " + ObservabilityFiles.RULES);
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
        ExternalTool.Result r = unitTestsOn(rules.replace(WINDOW_GATE, ""), dir);
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

    @Test
    void lossBeforeTheWindowOpensFiresNothing(@TempDir Path dir) throws Exception {
        // Count from the counter's lowest value of the last 15 minutes, window or not: the loss at T-2m
        // fires at the window's first evaluation, as increase(...[5m]) did.
        String rules = Files.readString(ObservabilityFiles.RULES);
        String fromBeforeTheWindow = rules.replace(" " + WINDOW_GATE + ")" + SINCE_THE_WINDOW, ")" + SINCE_THE_WINDOW);
        assertEquals(2, (rules.length() - fromBeforeTheWindow.length()) / (WINDOW_GATE.length() + 1), "two loss alerts count since the window");
        ExternalTool.Result r = unitTestsOn(fromBeforeTheWindow, dir);
        assertNotEquals(0, r.exitCode(), "loss before the window goes unnoticed:\n" + r.output());
        for (String alert : List.of("OmdArbitratedGap", "OmdLineGap")) {
            assertTrue(r.output().contains("alertname: " + alert + ", time: 10m,"), alert + ":\n" + r.output());
        }
    }

    @Test
    void aFiveMinuteLookBackFloodsTheChatAndTheUnitTestsSaySo(@TempDir Path dir) throws Exception {
        String rules = Files.readString(ObservabilityFiles.RULES);
        ExternalTool.Result r = unitTestsOn(rules.replace(SINCE_THE_WINDOW, "[5m:])"), dir);
        assertNotEquals(0, r.exitCode(), "a 5-minute look-back passes the flood test:\n" + r.output());
        // One alert per line is now 18 alerts per line, each firing and resolving.
        assertTrue(r.output().contains("expr: \"changes(ALERTS_FOR_STATE"), r.output());
        assertTrue(r.output().contains("expr: \"count_over_time(ALERTS"), r.output());
    }

    @Test
    void withoutTheProductionBranchProductionModeAlertsNothingInATradingSession(@TempDir Path dir) throws Exception {
        String rules = Files.readString(ObservabilityFiles.RULES);
        ExternalTool.Result r = unitTestsOn(rules.replace(" or on (instance) " + PRODUCTION_BRANCH, ""), dir);
        assertNotEquals(0, r.exitCode(), "production mode passes without its branch of the gate:\n" + r.output());
        assertTrue(r.output().contains("alertname: OmdArbitratedGap, time: 4m,"), "loss in a session:\n" + r.output());
        assertTrue(r.output().contains("alertname: OmdLineDown, time: 4m,"), "a line down in a session:\n" + r.output());
    }

    @Test
    void aGateBlindToTheModeAlertsInTradingSessionsInPrtModeAndTheUnitTestsSaySo(@TempDir Path dir) throws Exception {
        String rules = Files.readString(ObservabilityFiles.RULES);
        ExternalTool.Result r = unitTestsOn(rules.replace(PRODUCTION_BRANCH, "(max by (instance) (omd_trading_session_active) == 1)"), dir);
        assertNotEquals(0, r.exitCode(), "PRT mode alerts in a trading session unnoticed:\n" + r.output());
        assertTrue(r.output().contains("alertname: OmdArbitratedGap, time: 4m,") && r.output().contains("instance=\"rx-p\""),
                "rx-p, in PRT mode, fired in its session:\n" + r.output());
    }

    /** promtool's unit tests of the repository run against other rules. */
    private static ExternalTool.Result unitTestsOn(String rules, Path dir) throws Exception {
        assertNotEquals(Files.readString(ObservabilityFiles.RULES), rules, "the rules were changed");
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("rules/omd-alerts.yml"), rules);
        Path tests = dir.resolve("tests/omd-alerts.test.yml");
        Files.copy(ObservabilityFiles.RULE_TESTS, tests);
        return Promtool.run("test", "rules", tests.toString());
    }
}
