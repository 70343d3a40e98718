package io.omdprt.cli;

import io.omdprt.text.Counts;
import io.omdprt.config.ConfigException;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.Durations;
import io.omdprt.config.MonitorConfig;
import io.omdprt.net.MulticastSender;
import io.omdprt.sim.GroundTruth;
import io.omdprt.sim.MulticastSink;
import io.omdprt.sim.PacketSink;
import io.omdprt.sim.PcapSink;
import io.omdprt.sim.Scenario;
import io.omdprt.sim.ScenarioLoader;
import io.omdprt.sim.Simulator;
import io.omdprt.sim.TeeSink;
import io.omdprt.time.ManualClock;
import io.omdprt.time.MonitorClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Publish the channels of a config on all their lines, with the faults of a script.",
            "Loopback only by default (interface 127.0.0.1, multicast TTL 0).",
            "--pcap-out also writes what is sent to a capture file; with --no-send only the file is written, in simulated"
                + " time (as fast as the machine goes, stamped as if sent from now on)."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The monitor config whose channels to publish.")
    Path configFile;

    @Option(names = "--script", paramLabel = "FILE", description = "A fault script (see config/scenarios/). Without one: clean traffic.")
    Path script;

    @Option(names = "--duration", paramLabel = "D", description = "Length of a run without a script (default 60s), for example 90s or 5m; a bare number means seconds.")
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

    @Option(names = "--pcap-out", paramLabel = "FILE",
            description = "Also write every packet to this capture file (pcap, nanosecond timestamps = send times).")
    Path pcapOut;

    @Option(names = "--no-send", description = "Send nothing; write only --pcap-out, in simulated time.")
    boolean noSend;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed of the message mix and framing.")
    long seed;

    @Option(names = "--rts-port", paramLabel = "PORT", defaultValue = "0",
            description = "Also serve the Retransmission Server (RTS) of what is published, on 127.0.0.1: the first feed on PORT, "
                + "the next on PORT+1 and so on. Default 0: no RTS.")
    int rtsPort;

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
            Duration d = duration == null ? Duration.ofSeconds(60) : Durations.parseOption(duration);
            if (d == null || d.isZero() || d.isNegative()) {
                throw new ConfigException("--duration", "", "expected a duration such as 90s, 5m or 90 (seconds), got '" + duration + "'");
            }
            scenario = new Scenario("clean traffic", "no faults", d, rate, Map.of(), List.of());
        }
        if (noSend && pcapOut == null) {
            System.err.println("--no-send writes only a capture: give --pcap-out FILE");
            return Main.BAD_USAGE;
        }
        if (rtsPort < 0 || rtsPort + config.feeds().size() - 1 > 65_535 || rtsPort > 0 && noSend) {
            System.err.println("--rts-port: expected a TCP port 1.." + (65_536 - config.feeds().size()) + " (one per feed) while sending, got "
                    + rtsPort + (noSend ? " with --no-send" : ""));
            return Main.BAD_USAGE;
        }
        List<PacketSink> sinks = new ArrayList<>();
        if (!noSend) {
            try {
                sinks.add(new MulticastSink(MulticastSender.open(outgoingInterface, ttl, allowNonLoopback)));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return Main.BAD_USAGE;
            }
        }
        PcapSink capture = null;
        if (pcapOut != null) {
            try {
                capture = PcapSink.create(pcapOut);
            } catch (IOException e) {
                for (PacketSink opened : sinks) {
                    opened.close();
                }
                System.err.println("--pcap-out: cannot create " + pcapOut + ": " + e);
                return Main.BAD_USAGE;
            }
            sinks.add(capture);
        }
        MonitorClock clock = noSend ? ManualClock.at(MonitorClock.system().now()) : MonitorClock.system();
        try (PacketSink sink = sinks.size() == 1 ? sinks.get(0) : new TeeSink(sinks.toArray(new PacketSink[0]))) {
            Simulator simulator = new Simulator(config, scenario, sink, seed, clock);
            List<io.omdprt.sim.RtsServer> rts = new ArrayList<>();
            if (rtsPort > 0) {
                io.omdprt.sim.Published store = simulator.keepPublished();
                for (int i = 0; i < config.feeds().size(); i++) {
                    rts.add(new io.omdprt.sim.RtsServer(store, config.feeds().get(i).name(), rtsPort + i, clock));
                    System.err.printf("RTS of feed %s on 127.0.0.1:%d%n", config.feeds().get(i).name(), rtsPort + i);
                }
            }
            Thread hook = new Thread(simulator::stop, "simulator-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            GroundTruth truth;
            Thread progress = progressReporter(simulator, scenario);
            try {
                truth = simulator.run();
            } finally {
                progress.interrupt();
                removeHook(hook);
                for (io.omdprt.sim.RtsServer r : rts) {
                    r.close();
                }
            }
            truth.write(truthOut);
            System.err.printf("%s: %s injected; ground truth in %s%n", scenario.name(), Counts.of(truth.faults.size(), "fault"),
                    truthOut.toAbsolutePath());
        } catch (IOException | UncheckedIOException e) {
            // A full disk under --pcap-out, an unwritable --truth-out, a send refused by the kernel.
            System.err.println("simulation stopped: " + (e instanceof UncheckedIOException ? e.getMessage() + ": " + e.getCause() : e));
            return Main.FAILURE;
        }
        if (capture != null) {
            System.err.printf("%s written to %s%n", Counts.of(capture.datagrams(), "datagram"), pcapOut.toAbsolutePath());
        }
        return Main.OK;
    }

    /** Ctrl-C stops a run; once it is over, the hook is not needed (and it cannot be removed during shutdown). */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping: the hook is running or about to.
        }
    }

    /** A line on stderr every 10 s of a real-time run: how far it is, and the faults so far. */
    private static Thread progressReporter(Simulator simulator, Scenario scenario) {
        Thread t = new Thread(() -> {
            try {
                while (!simulator.scenarioDone()) {
                    Thread.sleep(10_000);
                    System.err.printf("simulating: %3.0f%% of %d s, %s injected%n", simulator.progress() * 100,
                            scenario.duration().toSeconds(), Counts.of(simulator.truth().faults.size(), "fault"));
                }
            } catch (InterruptedException done) {
                // The run is over.
            }
        }, "simulator-progress");
        t.setDaemon(true);
        if (scenario.duration().toSeconds() > 30) {
            t.start();
        }
        return t;
    }
}
