package io.omdprt.cli;

import io.omdprt.config.ConfigException;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.net.Preflight;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {"Check that this host can receive the configured lines, each check OK, WARN or FAIL with its exact remedy.",
            "Per interface: it exists, is up, has an IPv4 address and the MULTICAST flag, what rp_filter does to multicast from the"
                + " feed's source, and the IGMP version. For the host: the kernel's receive buffer limit (rmem_max) against the"
                + " configured receive buffer, the membership limit and clock synchronisation.",
            "Exit 0 when nothing fails, 1 otherwise. The monitor runs the same checks at start (logged, and exported as"
                + " omd_preflight_check)."})
final class PreflightCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The YAML config file.")
    Path configFile;

    @Override
    public Integer call() throws ConfigException, java.io.IOException {
        MonitorConfig config = ConfigLoader.acceptingAnyInterface().load(configFile);
        List<Preflight.Check> checks = Preflight.run(config, Preflight.Sources.LINUX);
        System.out.print(Preflight.format(checks));
        long fails = checks.stream().filter(c -> c.result() == Preflight.Result.FAIL).count();
        long warns = checks.stream().filter(c -> c.result() == Preflight.Result.WARN).count();
        System.out.printf("preflight: %d checks, %d FAIL, %d WARN%n", checks.size(), fails, warns);
        return fails > 0 ? Main.FAILURE : Main.OK;
    }
}
