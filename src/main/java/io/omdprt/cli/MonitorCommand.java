package io.omdprt.cli;

import io.omdprt.text.Counts;
import io.omdprt.config.ConfigException;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.journal.JournalLock;
import io.omdprt.monitor.Monitor;
import io.omdprt.net.ReceiverException;
import io.omdprt.time.MonitorClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Run the monitor: join every configured line, serve /metrics and the status page until stopped.")
final class MonitorCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The YAML config file.")
    Path configFile;

    @Option(names = "--open-window", paramLabel = "NAME",
            description = "Open an ad-hoc window NAME at start (a rehearsal), closed at --window-minutes or when the monitor stops.")
    String openWindow;

    @Option(names = "--window-minutes", paramLabel = "N", description = "Length of the --open-window window, in minutes.")
    Integer windowMinutes;

    @Override
    public Integer call() throws InterruptedException, ConfigException, java.io.IOException {
        MonitorConfig config = new ConfigLoader().load(configFile);
        MonitorClock clock = MonitorClock.system();
        Monitor monitor;
        try {
            monitor = Monitor.start(config, Monitor.Extensions.none(), clock);
        } catch (ReceiverException | IllegalStateException | JournalLock.LockedException | java.io.IOException e) {
            System.err.println("cannot start: " + e.getMessage());
            return Main.FAILURE;
        }
        if (openWindow != null) {
            Instant now = clock.now();
            try {
                monitor.windows().open(openWindow, now, windowMinutes == null ? null : now.plusSeconds(60L * windowMinutes),
                        "ad-hoc window opened with --open-window");
            } catch (IllegalArgumentException e) {
                System.err.println("--open-window: " + e.getMessage());
                monitor.close();
                return Main.BAD_USAGE;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            monitor.close();
            stopped.countDown();
        }, "omd-shutdown"));
        System.err.printf("monitoring %s; status page http://%s:%d/ (Ctrl-C to stop)%n",
                Counts.of(config.lineCount(), "line"), config.http().bind(), monitor.httpPort());
        stopped.await();
        return Main.OK;
    }
}
