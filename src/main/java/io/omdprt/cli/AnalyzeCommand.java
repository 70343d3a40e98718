package io.omdprt.cli;

import io.omdprt.analyze.Analysis;
import io.omdprt.analyze.AnalysisReport;
import io.omdprt.analyze.AnalysisSummary;
import io.omdprt.analyze.CaptureAnalyzer;
import io.omdprt.analyze.Progress;
import io.omdprt.config.ConfigException;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.config.WindowConfig;
import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import io.omdprt.time.MonitorClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse pcap or pcapng captures of the configured feeds offline into the same report as a live window.",
            "The live monitor's trackers read the capture, with the capture's timestamps as the clock.",
            "Several files are one capture, analysed in the order given: they must be consecutive parts (tcpdump -C or -G).",
            "Exit 0 when every file was read, whatever the verdict; 1 when a file is corrupt or truncated (the report of"
                + " what was read is still written) or no datagram went to a configured line; 2 for bad usage, a bad"
                + " config or a missing file."})
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Capture files, in time order.")
    List<Path> files;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "CONFIG",
            description = "The monitor config: maps each datagram to its line by destination group and port.")
    Path configFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the report in JSON, Markdown and HTML (default: analysis-<first file> in the config's reports folder).")
    Path out;

    @Option(names = "--window", paramLabel = "NAME",
            description = "Report on this configured window (default: the capture's own time span).")
    String window;

    @Override
    public Integer call() throws ConfigException {
        MonitorConfig config = new ConfigLoader().load(configFile);
        WindowConfig windowConfig = null;
        if (window != null) {
            windowConfig = config.windows().stream().filter(w -> w.name().equals(window)).findFirst().orElse(null);
            if (windowConfig == null) {
                System.err.println("--window: expected one of the config's windows "
                        + config.windows().stream().map(WindowConfig::name).toList() + ", got " + window);
                return Main.BAD_USAGE;
            }
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                System.err.println((Files.exists(f) ? "not a readable file: " : "no such capture file: ") + f);
                return Main.BAD_USAGE;
            }
        }
        MonitorClock clock = MonitorClock.system();
        CaptureAnalyzer analyzer = new CaptureAnalyzer(config, Progress.toStderr(), clock);
        long started = clock.monotonicNanos();
        for (Path f : files) {
            if (!analyzer.analyze(f)) {
                break;
            }
        }
        Analysis analysis = analyzer.finish();
        long elapsed = clock.monotonicNanos() - started;
        ReportModel report = AnalysisReport.build(config, windowConfig, files.stream().map(Path::toString).toList(), analysis,
                clock.now());
        Path dir = out != null ? out : config.reportDir().resolve("analysis-" + files.get(0).getFileName());
        ReportWriter.Written written;
        try {
            written = ReportWriter.write(report, dir);
        } catch (IOException e) {
            System.err.println("cannot write the report to " + dir + ": " + e);
            return Main.FAILURE;
        }
        AnalysisSummary.print(System.out, report, analysis, elapsed);
        System.out.printf("report: %s%n        %s%n        %s%n", written.html().toAbsolutePath(), written.markdown().toAbsolutePath(),
                written.json().toAbsolutePath());
        if (!analysis.complete()) {
            System.err.println("error: " + analysis.capture().error());
            System.err.println("the analysis stopped there; the report (marked incomplete) covers what was read before it");
            return Main.FAILURE;
        }
        if (analysis.capture().datagramsAnalysed() == 0) {
            System.err.println("error: no datagram of the capture went to a line of " + configFile
                    + "; compare the config's groups and ports with the unknown destinations listed");
            return Main.FAILURE;
        }
        return Main.OK;
    }
}
