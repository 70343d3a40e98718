package io.omdprt.cli;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.ConfigException;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.Durations;
import io.omdprt.config.FeedConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.config.AlertMode;
import io.omdprt.config.RecurringWindowConfig;
import io.omdprt.config.WindowConfig;
import io.omdprt.time.DisplayTime;
import io.omdprt.window.RecurringSchedule;
import io.omdprt.window.Window;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import io.omdprt.text.Counts;
import io.omdprt.time.MonitorClock;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
        print(config, System.out, MonitorClock.system().now());
        return Main.OK;
    }

    static void print(MonitorConfig c, PrintStream out, Instant now) {
        out.printf("%s: valid%n", c.file());
        out.printf("monitor %s at the %s site; HTTP on %s:%d%s%n", c.instance(), c.site(), c.http().bind(), c.http().port(),
                c.http().windowToken() == null ? "" : " (window control on)");
        out.printf("stale after %s, heartbeats every %s, arbitration wait %s; receiver %s, %s, SO_RCVBUF %s%n",
                Durations.format(c.liveness().staleAfter()), Durations.format(c.liveness().heartbeatInterval()),
                Durations.format(c.arbitrationWait()), c.receiver().transport(), Counts.of(c.receiver().threads(), "thread"),
                Counts.of(c.receiver().receiveBuffer(), "byte"));
        out.printf("journal in %s, kept %s; reports in %s, kept %s%n", c.journal().dir(), Counts.of(c.journal().retentionDays(), "day"),
                c.reportDir(), Counts.of(c.reportRetentionDays(), "day"));
        for (WindowConfig w : c.windows()) {
            out.printf("window %s: %s %s-%s %s (%s to %s UTC) %s%n", w.name(), w.date(), w.start(), w.end(), w.zone(),
                    w.startInstant(), w.endInstant(), w.description());
        }
        DisplayTime display = c.display();
        for (RecurringWindowConfig r : c.recurringWindows()) {
            out.printf("recurring window %s: %s, %s (%s)%s%s; the next %d:%n", r.name(), days(r.days()),
                    r.sessions().stream().map(s -> s.name() + " " + s.start() + "-" + s.end()).collect(Collectors.joining(", ")), r.zone(),
                    r.holidays().isEmpty() ? "" : ", " + Counts.of(r.holidays().size(), "holiday"),
                    r.halfDays().isEmpty() ? "" : ", " + Counts.of(r.halfDays().size(), "half-day"), NEXT_OCCURRENCES);
            for (Window w : new RecurringSchedule(List.of(r), c.windows()).next(now, NEXT_OCCURRENCES)) {
                boolean sameDay = display.zone().equals(r.zone()) || w.start().atZone(display.zone()).toLocalDate()
                        .equals(w.end().atZone(display.zone()).toLocalDate());
                out.printf("  %-28s %s to %s%n", w.name(), display.dateTime(w.start()),
                        sameDay ? display.time(w.end()) : display.dateTime(w.end()));
            }
        }
        out.printf("alerts in %s mode: %s%n", c.alertMode().configName(), c.alertMode() == AlertMode.PRT
                ? "feed alerts only inside a window" : "feed alerts inside a window and inside every recurring window occurrence");
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
        out.printf("%s, %s, %s%n", Counts.of(c.feeds().size(), "feed"), Counts.of(c.allChannels().size(), "channel"),
                Counts.of(c.lineCount(), "line"));
        if (c.recurringWindows().isEmpty()) {
            pastWindowsWarning(c.windows(), now).ifPresent(w -> out.println("warning: " + w));
        }
    }

    /** How many occurrences of each recurring window are printed. */
    static final int NEXT_OCCURRENCES = 5;

    /** {@code Monday-Friday}, or the days one by one. */
    private static String days(Set<DayOfWeek> days) {
        List<DayOfWeek> sorted = days.stream().sorted().toList();
        boolean run = sorted.size() > 2 && sorted.get(sorted.size() - 1).getValue() - sorted.get(0).getValue() == sorted.size() - 1;
        java.util.function.Function<DayOfWeek, String> name = d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return run ? name.apply(sorted.get(0)) + "-" + name.apply(sorted.get(sorted.size() - 1))
                : sorted.stream().map(name).collect(Collectors.joining(", "));
    }

    /** A warning when windows are configured and every one of them has ended: likely last PRT's config. */
    static Optional<String> pastWindowsWarning(List<WindowConfig> windows, Instant now) {
        if (windows.isEmpty() || windows.stream().anyMatch(w -> w.endInstant().isAfter(now))) {
            return Optional.empty();
        }
        WindowConfig last = windows.stream().max(Comparator.comparing(WindowConfig::endInstant)).orElseThrow();
        return Optional.of((windows.size() == 1 ? "the configured window has" : "every configured window has") + " ended (the last, "
                + last.name() + ", on " + last.date() + "): no window will open by itself; add this PRT's windows, or open one"
                + " with 'window open' or 'monitor --open-window'");
    }
}
