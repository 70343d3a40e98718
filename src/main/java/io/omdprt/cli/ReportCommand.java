package io.omdprt.cli;

import io.omdprt.config.ConfigException;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.config.WindowConfig;
import io.omdprt.journal.JournalReader;
import io.omdprt.report.JournalReports;
import io.omdprt.report.ReportIndexPages;
import io.omdprt.report.ReportBuilder;
import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import io.omdprt.time.DisplayTime;
import io.omdprt.time.MonitorClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuild window reports (JSON, Markdown, HTML) from a journal folder, or list a reports folder.",
            "Without --window it lists the journal's window instances and rebuilds the report when there is only one. "
                + "A window name used more than once gives one report per instance, each in its own folder.",
            "With --index REPORTS it writes index.md and index.html into that folder: every window report in it, newest first, "
                + "with its verdict (the list the monitor serves at /reports/)."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOURNAL", arity = "0..1", description = "The journal folder (dir in the journal section of the config).")
    Path journalDir;

    @Option(names = "--index", paramLabel = "REPORTS",
            description = "Write the index of the reports folder (dir in the reports section of the config) instead of a report.")
    Path index;

    @Option(names = "--window", paramLabel = "NAME", description = "The window to report on (every instance of that name).")
    String window;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Take the window, the monitored lines, stale-after and the display zone from this config.")
    Path configFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the report (default data/reports/NAME_START, one folder per window instance).")
    Path out;

    @Override
    public Integer call() throws ConfigException {
        if (index != null) {
            return writeIndex();
        }
        if (journalDir == null) {
            System.err.println("expected a journal folder (or --index REPORTS)");
            return Main.BAD_USAGE;
        }
        if (!Files.isDirectory(journalDir)) {
            System.err.println("no journal folder " + journalDir);
            return Main.BAD_USAGE;
        }
        try {
            return run();
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot rebuild the report from " + journalDir + ": " + e);
            return Main.FAILURE;
        }
    }

    private int writeIndex() throws ConfigException {
        if (journalDir != null || window != null || out != null) {
            System.err.println("--index takes only the reports folder (and --config for the display zone)");
            return Main.BAD_USAGE;
        }
        if (!Files.isDirectory(index)) {
            System.err.println("no reports folder " + index);
            return Main.BAD_USAGE;
        }
        DisplayTime display = configFile == null ? DisplayTime.DEFAULT : new ConfigLoader().load(configFile).display();
        try {
            ReportIndexPages.Written w = ReportIndexPages.write(index, display);
            System.out.printf("%s, newest first:%n  %s%n  %s%n", io.omdprt.text.Counts.of(w.reports(), "window report"), w.markdown(),
                    w.html());
            return Main.OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot write the index of " + index + ": " + e);
            return Main.FAILURE;
        }
    }

    private int run() throws IOException, ConfigException {
        MonitorClock clock = MonitorClock.system();
        List<ReportBuilder.WindowSpec> specs;
        List<ReportBuilder.LineRef> inventory = null;
        ZoneId zone = DisplayTime.HONG_KONG;
        if (configFile != null) {
            MonitorConfig config = new ConfigLoader().load(configFile);
            zone = config.displayZone();
            WindowConfig w = config.windows().stream().filter(x -> x.name().equals(window)).findFirst().orElse(null);
            if (w == null) {
                System.err.println("--window: expected one of the config's windows " + config.windows().stream().map(WindowConfig::name).toList()
                        + ", got " + window);
                return Main.BAD_USAGE;
            }
            specs = List.of(ReportBuilder.WindowSpec.of(w, config));
            inventory = ReportBuilder.LineRef.allOf(config);
        } else {
            List<ReportBuilder.WindowSpec> all = JournalReports.windowsOf(JournalReader.readAll(journalDir).events());
            if (all.isEmpty()) {
                System.err.println("the journal in " + journalDir + " has no windows (give --config with the window's definition)");
                return Main.BAD_USAGE;
            }
            specs = window == null ? all : all.stream().filter(s -> s.name().equals(window)).toList();
            if (specs.isEmpty() || window == null && all.size() > 1) {
                System.err.println((window == null ? "--window is needed: " : "no window " + window + " in the journal; ")
                        + "the journal in " + journalDir + " has these window instances:");
                for (ReportBuilder.WindowSpec s : all) {
                    DisplayTime d = DisplayTime.of(s.zone());
                    System.err.printf("  %-24s %s to %s%n", s.name(), d.dateTime(s.start()), d.dateTime(s.end()));
                }
                return Main.BAD_USAGE;
            }
        }
        for (ReportBuilder.WindowSpec spec : specs) {
            ZoneId z = configFile != null ? zone : ZoneId.of(spec.zone());
            Path dir = out != null && specs.size() == 1 ? out
                    : JournalReports.folder(out != null ? out : Path.of("data", "reports"), spec.name(), spec.start(), z);
            ReportModel report = JournalReports.build(journalDir, spec, inventory, clock.now());
            ReportWriter.Written written = ReportWriter.write(report, dir);
            DisplayTime d = DisplayTime.of(spec.zone());
            System.out.printf("%s (%s to %s): %s%n  %s%n  %s%n  %s%n", spec.name(), d.dateTime(spec.start()), d.dateTime(spec.end()),
                    report.verdict(), written.json(), written.markdown(), written.html());
        }
        return Main.OK;
    }
}
