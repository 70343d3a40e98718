package io.omdprt.cli;

import io.omdprt.report.Comparison;
import io.omdprt.report.ComparisonReport;
import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare a window's report with a baseline's.",
            "Any two reports: two windows, a window and a capture analysis, or two captures. Per channel and line, loss, outages, "
                + "rates, 1 ms peaks, latency and skew percentiles are shown side by side with the change, and what went up beyond "
                + "its threshold is flagged. Exit 0: nothing regressed; 1: something did; 2: bad input."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASELINE", description = "The baseline's report.json (or the folder holding it).")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The report.json to judge (or the folder holding it).")
    Path current;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write comparison.json, comparison.md and comparison.html there (default: print the Markdown).")
    Path out;

    @Option(names = "--threshold", paramLabel = "FIGURE=PERCENT%,ABSOLUTE",
            description = "A regression threshold, repeatable: skew-p99=50%,1 flags a p99 skew up by more than 50 % and by more "
                    + "than 1 ms; burst=off turns one off. The defaults are in the README.")
    List<String> thresholds = new ArrayList<>();

    @Override
    public Integer call() {
        Map<String, Comparison.Threshold> t;
        ReportModel b;
        ReportModel c;
        try {
            t = ComparisonReport.thresholds(thresholds);
            b = read(baseline);
            c = read(current);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.BAD_USAGE;
        }
        Comparison.Result result = Comparison.compare(baseline.toString(), b, current.toString(), c, t);
        try {
            if (out == null) {
                System.out.print(ComparisonReport.markdown(result));
            } else {
                for (Path p : ComparisonReport.write(result, b, c, out)) {
                    System.out.println(p);
                }
                System.out.println(result.regressed() ? "REGRESSED: " + String.join("; ", result.regressions()) : "no regression");
            }
        } catch (IOException e) {
            System.err.println("cannot write the comparison to " + out + ": " + e);
            return Main.BAD_USAGE;
        }
        return result.regressed() ? Main.FAILURE : 0;
    }

    /** @throws IllegalArgumentException naming the file when it is no report */
    static ReportModel read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("report.json") : path;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such report file");
        }
        try {
            ReportModel r = ReportWriter.readJson(file);
            if (r.window() == null || r.feeds() == null) {
                throw new IllegalArgumentException(file + ": not a window report (no window or feeds)");
            }
            return r;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a report.json: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
