package io.omdprt.sim;

import io.omdprt.config.ConfigException;
import io.omdprt.config.MonitorConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo's rehearsal, laid out over any duration from 20 s up (two minutes by default): normal
 * traffic, a line A outage, loss on one line only, loss on both lines, a silent channel, duplicates,
 * reordering, skew, and a DR signal in progress then completed. Built for config/demo.yaml.
 */
public final class DemoScript {
    public static final Duration DEFAULT = Duration.ofMinutes(2);
    public static final Duration SHORTEST = Duration.ofSeconds(20);

    private DemoScript() {
    }

    public static Scenario build(Duration total, MonitorConfig config) throws ConfigException {
        if (total.compareTo(SHORTEST) < 0) {
            throw new ConfigException("--duration", "", "expected at least " + SHORTEST.toSeconds()
                    + "s, so a line outage longer than stale-after fits; got " + total.toSeconds() + "s");
        }
        double d = total.toMillis() / 1e3;
        Duration outage = Duration.ofMillis(Math.max(config.liveness().staleAfter().toMillis() + 1_500, Math.round(d * 100)));
        List<Fault> faults = List.of(
            fault(0.08 * d, FaultType.LINE_DOWN, "omdc-sp", "11", "A", 0, outage, null, 0),
            fault(0.12 * d, FaultType.DROP, "omdc-sp", "12", "A", 30, null, null, 0),
            fault(0.30 * d, FaultType.DROP, "omdcc", "31", null, 20, null, null, 0),
            fault(0.38 * d, FaultType.CHANNEL_SILENT, "omdc-index", "21", null, 0, outage, null, 0),
            fault(0.45 * d, FaultType.DUPLICATE, "omdcc", "32", "A", 10, null, null, 0),
            fault(0.55 * d, FaultType.DR_SIGNAL, "omdc-sp", "dr", null, 0, null, null, 1),
            fault(0.60 * d, FaultType.REORDER, "omdc-sp", "12", "B", 6, null, null, 0),
            fault(0.65 * d, FaultType.DELAY, "omdcc", "32", "B", 0, Duration.ofMillis(Math.round(d * 100)), Duration.ofMillis(40), 0),
            fault(0.72 * d, FaultType.DR_SIGNAL, "omdc-sp", "dr", null, 0, null, null, 2));
        Scenario scenario = new Scenario("Demo rehearsal", "Normal traffic, a line A outage, loss on one line, loss on both "
                + "lines, a silent channel, duplicates, reordering, skew, and a DR signal 1 then 2.", total, 200,
                Map.of("omdc-sp/11", 500, "omdc-index/21", 20, "omdcc/31", 150), faults);
        ScenarioLoader.validate(scenario, config, "built-in demo script", 1.0);
        return scenario;
    }

    private static Fault fault(double atSeconds, FaultType type, String feed, String channel, String line, int count,
                               Duration duration, Duration delay, int status) {
        return new Fault(Duration.ofMillis(Math.round(atSeconds * 1000)), type, feed, channel, line, count, duration, delay, status);
    }
}
