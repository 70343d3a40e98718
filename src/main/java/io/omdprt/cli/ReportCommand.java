package io.omdprt.cli;

import io.omdprt.config.ConfigException;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.config.WindowConfig;
import io.omdprt.event.EventType;
import io.omdprt.event.MonitorEvent;
import io.omdprt.journal.JournalReader;
import io.omdprt.report.JournalReports;
import io.omdprt.report.ReportBuilder;
import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuild a PRT window's report (JSON, Markdown, HTML) from a journal folder.",
            "The window comes from the journal's window records, or from --config."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOURNAL", description = "The journal folder (dir in the journal section of the config).")
    Path journalDir;

    @Option(names = "--window", paramLabel = "NAME", description = "The window to report on (needed when the journal has several).")
    String window;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Take the window and the monitored lines from this config.")
    Path configFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default data/reports/<window>).")
    Path out;

    @Override
    public Integer call() throws IOException, ConfigException {
        if (!Files.isDirectory(journalDir)) {
            System.err.println("no journal folder " + journalDir);
            return Main.BAD_USAGE;
        }
        JournalReader.Result all = JournalReader.readAll(journalDir);
        ReportBuilder.WindowSpec spec;
        List<ReportBuilder.LineRef> inventory = null;
        if (configFile != null) {
            MonitorConfig config = new ConfigLoader().load(configFile);
            WindowConfig w = config.windows().stream().filter(x -> x.name().equals(window)).findFirst().orElse(null);
            if (w == null) {
                System.err.println("--window: expected one of the config's windows " + config.windows().stream().map(WindowConfig::name).toList()
                        + ", got " + window);
                return Main.BAD_USAGE;
            }
            spec = new ReportBuilder.WindowSpec(w.name(), w.startInstant(), w.endInstant(), w.description(), w.zone().getId());
            inventory = ReportBuilder.LineRef.allOf(config);
        } else {
            Set<String> names = new LinkedHashSet<>();
            for (MonitorEvent e : all.events()) {
                if (e.type() == EventType.WINDOW_START && e.window() != null) {
                    names.add(e.window());
                }
            }
            if (window == null && names.size() == 1) {
                window = names.iterator().next();
            }
            if (window == null || !names.contains(window)) {
                System.err.println((window == null ? "--window is needed" : "no window " + window + " in the journal")
                        + "; the journal in " + journalDir + " has " + (names.isEmpty() ? "no windows" : "windows " + names)
                        + " (or give --config with the window's definition)");
                return Main.BAD_USAGE;
            }
            spec = JournalReports.windowOf(all.events(), window);
        }
        ReportModel report = JournalReports.build(journalDir, spec, inventory, Instant.now());
        ReportWriter.Written written = ReportWriter.write(report, out != null ? out : Path.of("data", "reports", spec.name()));
        System.out.printf("%s: %s%n%s%n%s%n%s%n", spec.name(), report.verdict(), written.json(), written.markdown(), written.html());
        return Main.OK;
    }
}
