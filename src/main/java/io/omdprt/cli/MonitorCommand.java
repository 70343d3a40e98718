package io.omdprt.cli;

import io.omdprt.config.ConfigException;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.monitor.Monitor;
import io.omdprt.net.ReceiverException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Run the monitor: join every configured line, serve /metrics and the status page until stopped.")
final class MonitorCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The YAML config file.")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        MonitorConfig config;
        try {
            config = new ConfigLoader().load(configFile);
        } catch (ConfigException e) {
            System.err.println("invalid config: " + e.getMessage());
            return Main.BAD_USAGE;
        }
        Monitor monitor;
        try {
            monitor = Monitor.start(config);
        } catch (ReceiverException | IllegalStateException e) {
            System.err.println("cannot start: " + e.getMessage());
            return Main.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            monitor.close();
            stopped.countDown();
        }, "omd-shutdown"));
        System.err.printf("monitoring %d lines; status page http://%s:%d/ (Ctrl-C to stop)%n",
                config.lineCount(), config.http().bind(), monitor.httpPort());
        stopped.await();
        return Main.OK;
    }
}
