package io.omdprt.cli;

import io.omdprt.config.ConfigException;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.Durations;
import io.omdprt.config.MonitorConfig;
import io.omdprt.net.MulticastSender;
import io.omdprt.sim.GroundTruth;
import io.omdprt.sim.MulticastSink;
import io.omdprt.sim.Scenario;
import io.omdprt.sim.ScenarioLoader;
import io.omdprt.sim.Simulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Publish the channels of a config on all their lines, with the faults of a script.",
            "Loopback only by default (interface 127.0.0.1, multicast TTL 0)."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The monitor config whose channels to publish.")
    Path configFile;

    @Option(names = "--script", paramLabel = "FILE", description = "A fault script (see config/scenarios/). Without one: clean traffic.")
    Path script;

    @Option(names = "--duration", paramLabel = "D", description = "Length of a run without a script (default 60s), e.g. 90s, 5m.")
    String duration;

    @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1.0",
            description = "Multiply every time of the script by X (0.5 = twice as fast). Default 1.")
    double timeScale;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "200",
            description = "Messages per second per channel without a script. Default 200.")
    int rate;

    @Option(names = "--truth-out", paramLabel = "FILE", defaultValue = "ground-truth.json",
            description = "Where to write what was injected (JSON). Default ground-truth.json.")
    Path truthOut;

    @Option(names = "--interface", paramLabel = "IF", defaultValue = MulticastSender.LOOPBACK,
            description = "Outgoing interface. Default 127.0.0.1; anything else needs --allow-non-loopback.")
    String outgoingInterface;

    @Option(names = "--ttl", paramLabel = "N", defaultValue = "0", description = "Multicast TTL. Default 0 (never leaves the host).")
    int ttl;

    @Option(names = "--allow-non-loopback", description = "Permit sending on a real network interface (prints a warning).")
    boolean allowNonLoopback;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed of the message mix and framing.")
    long seed;

    @Override
    public Integer call() throws IOException, ConfigException {
        MonitorConfig config = new ConfigLoader().load(configFile);
        Scenario scenario;
        if (timeScale <= 0 || timeScale > 100) {
            throw new ConfigException("--time-scale", "", "expected a factor above 0 and at most 100, got " + timeScale);
        }
        if (script != null) {
            scenario = ScenarioLoader.load(script, config, timeScale);
        } else {
            Duration d = duration == null ? Duration.ofSeconds(60) : Durations.parse(duration);
            if (d == null || d.isZero() || d.isNegative()) {
                throw new ConfigException("--duration", "", "expected a duration such as 90s or 5m, got '" + duration + "'");
            }
            scenario = new Scenario("clean traffic", "no faults", d, rate, Map.of(), List.of());
        }
        MulticastSender sender;
        try {
            sender = MulticastSender.open(outgoingInterface, ttl, allowNonLoopback);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.BAD_USAGE;
        }
        try (MulticastSink sink = new MulticastSink(sender)) {
            Simulator simulator = new Simulator(config, scenario, sink, seed);
            Thread hook = new Thread(simulator::stop, "simulator-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            GroundTruth truth = simulator.run();
            truth.write(truthOut);
            System.err.printf("%s: %d faults injected; ground truth in %s%n", scenario.name(), truth.faults.size(),
                    truthOut.toAbsolutePath());
        }
        return Main.OK;
    }
}
