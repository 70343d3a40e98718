package io.omdprt.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omdprt.config.MonitorConfig;
import io.omdprt.monitor.Monitor;
import io.omdprt.net.MulticastSender;
import io.omdprt.sim.Fault;
import io.omdprt.sim.FaultType;
import io.omdprt.sim.MulticastSink;
import io.omdprt.sim.Scenario;
import io.omdprt.sim.Simulator;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.ExternalTool;
import io.omdprt.testing.Http;
import io.omdprt.testing.TestConfigs;
import io.omdprt.time.MonitorClock;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real alert rules in a real Prometheus (the Debian binary, on loopback) scraping a monitor fed
 * by the simulator over loopback multicast during an active PRT window: loss injected on both lines
 * of a channel makes the arbitrated-gap alert fire; loss on one line only makes only the single-line
 * warning fire.
 */
class PrometheusEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void arbitratedLossPagesAndSingleLineLossOnlyWarns(@TempDir Path dir) throws Exception {
        Path binary = ExternalTool.require("prometheus", "prometheus");
        MonitorConfig config = TestConfigs.loopback("windows:\n" + TestConfigs.windowCoveringNow("NOW"), 2, false);
        Scenario steady = new Scenario("steady", "both channels flowing", Duration.ofMinutes(10), 100, Map.of(), List.of());
        try (Monitor monitor = Monitor.start(config); MulticastSink sink = new MulticastSink(MulticastSender.loopback())) {
            Simulator simulator = new Simulator(config, steady, sink, 11, MonitorClock.system());
            Thread feed = new Thread(simulator::run, "simulator");
            feed.setDaemon(true);
            feed.start();
            try (Api api = startPrometheus(binary, dir, monitor.httpPort())) {
                // Both channels flowing on both lines, scraped and evaluated: no alert at all.
                Eventually.await(WAIT, POLL, () -> {
                    int flowing = api.query("increase(omd_line_packets_total[1m]) > 0").size();
                    return flowing == 4 ? null : flowing + " of 4 lines seen flowing by Prometheus";
                });
                api.awaitEvaluationAfterNow();
                assertEquals(Set.of(), api.alerts(null), "no alert while nothing is lost");

                // Channel 1 loses the same messages on A and on B: real loss.
                simulator.inject(new Fault(Duration.ZERO, FaultType.DROP, "f", "1", null, 3, null, null, 0));
                Eventually.await(WAIT, POLL, () -> {
                    Set<String> firing = api.alerts("firing");
                    return firing.contains("OmdArbitratedGap f/1") ? null : "firing: " + firing;
                });

                // Channel 2 loses messages on A only: B covers them.
                simulator.inject(new Fault(Duration.ZERO, FaultType.DROP, "f", "2", "A", 3, null, null, 0));
                Eventually.await(WAIT, POLL, () -> {
                    Set<String> firing = api.alerts("firing");
                    return firing.contains("OmdLineGap f/2 A") ? null : "firing: " + firing;
                });
                // Give any arbitrated gap of channel 2 time to be scraped and evaluated before saying there is none.
                api.awaitEvaluationAfterNow();
                assertEquals(0, api.query("omd_arbitrated_gaps_total{channel=\"2\"} > 0").size(), "channel 2 lost nothing");
                assertEquals(Set.of("OmdArbitratedGap f/1", "OmdLineGap f/1 A", "OmdLineGap f/1 B", "OmdLineGap f/2 A"),
                        api.alerts("firing"));
                assertTrue(api.alerts(null).stream().noneMatch(a -> a.startsWith("OmdArbitratedGap f/2")), "not even pending");
            } finally {
                simulator.stop();
            }
        }
    }

    /** Starts Prometheus on a free loopback port, scraping the monitor every second with the real alert rules. */
    private static Api startPrometheus(Path binary, Path dir, int monitorPort) throws Exception {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n"
                + "  scrape_interval: 1s\n"
                + "  scrape_timeout: 1s\n"
                + "  evaluation_interval: 1s\n"
                + "rule_files:\n"
                + "  - " + ObservabilityFiles.RULES.toAbsolutePath() + "\n"
                + "scrape_configs:\n"
                + "  - job_name: " + ObservabilityFiles.JOB + "\n"
                + "    static_configs:\n"
                + "      - targets: ['127.0.0.1:" + monitorPort + "']\n"
                + "        labels: { instance: e2e-primary, receiver_site: primary }\n");
        return new Api(LoopbackServer.start("prometheus", dir, port -> List.of(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)));
    }

    /** A running Prometheus and its HTTP API. */
    private record Api(LoopbackServer server) implements AutoCloseable {
        JsonNode get(String path) throws Exception {
            server.assertAlive();
            HttpResponse<String> r = Http.get(server.port(), path);
            JsonNode body = JSON.readTree(r.body());
            assertEquals("success", body.path("status").asText(), path + ": " + r.body());
            return body.path("data");
        }

        JsonNode query(String promql) throws Exception {
            return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result");
        }

        /** Alerts in the given state (any when null), as "name feed/channel line". */
        Set<String> alerts(String state) throws Exception {
            Set<String> out = new TreeSet<>();
            for (JsonNode a : get("/api/v1/alerts").path("alerts")) {
                if (state == null || a.path("state").asText().equals(state)) {
                    JsonNode l = a.path("labels");
                    out.add((l.path("alertname").asText() + " " + l.path("feed").asText() + "/" + l.path("channel").asText()
                            + " " + l.path("line").asText()).replaceAll("[ /]+$", ""));
                }
            }
            return out;
        }

        /** Waits until every rule group was evaluated after a scrape taken after now. */
        void awaitEvaluationAfterNow() throws Exception {
            OffsetDateTime after = OffsetDateTime.now().plusSeconds(1).plusNanos(500_000_000L);
            Eventually.await(WAIT, POLL, () -> {
                Set<String> late = new HashSet<>();
                for (JsonNode g : get("/api/v1/rules").path("groups")) {
                    if (!OffsetDateTime.parse(g.path("lastEvaluation").asText()).isAfter(after)) {
                        late.add(g.path("name").asText());
                    }
                }
                return late.isEmpty() ? null : "not evaluated since " + after + ": " + late;
            });
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
