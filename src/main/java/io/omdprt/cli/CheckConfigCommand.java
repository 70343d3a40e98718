package io.omdprt.cli;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.ConfigException;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.Durations;
import io.omdprt.config.FeedConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.config.WindowConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate a config file and print what the monitor would join. Exit 0 when valid, 2 when not.")
final class CheckConfigCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The YAML config file.")
    Path file;

    @Override
    public Integer call() throws ConfigException {
        MonitorConfig config = new ConfigLoader().load(file);
        print(config, System.out);
        return Main.OK;
    }

    static void print(MonitorConfig c, PrintStream out) {
        out.printf("%s: valid%n", c.file());
        out.printf("monitor %s at the %s site; HTTP on %s:%d%s%n", c.instance(), c.site(), c.http().bind(), c.http().port(),
                c.http().windowToken() == null ? "" : " (window control on)");
        out.printf("stale after %s, heartbeats every %s, arbitration wait %s; receiver %s, %d thread(s), SO_RCVBUF %d bytes%n",
                Durations.format(c.liveness().staleAfter()), Durations.format(c.liveness().heartbeatInterval()),
                Durations.format(c.arbitrationWait()), c.receiver().transport(), c.receiver().threads(), c.receiver().receiveBuffer());
        out.printf("journal in %s, kept %d days%n", c.journal().dir(), c.journal().retentionDays());
        for (WindowConfig w : c.windows()) {
            out.printf("window %s: %s %s-%s %s (%s to %s UTC) %s%n", w.name(), w.date(), w.start(), w.end(), w.zone(),
                    w.startInstant(), w.endInstant(), w.description());
        }
        for (FeedConfig f : c.feeds()) {
            out.printf("feed %s (%s)%n", f.name(), f.protocol().configName());
            for (ChannelConfig ch : f.channels()) {
                out.printf("  channel %s (%s)%n", ch.label(), ch.kind().configName());
                for (LineConfig l : ch.lines()) {
                    out.printf("    line %-5s %-7s join %s%s on %s%n", l.name(), l.site(), l.endpoint(),
                            l.source() == null ? "" : " from " + l.source().getHostAddress(), l.interfaceName());
                }
            }
        }
        out.printf("%d feeds, %d channels, %d lines%n", c.feeds().size(), c.allChannels().size(), c.lineCount());
    }
}
