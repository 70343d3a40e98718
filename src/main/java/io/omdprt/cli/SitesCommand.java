package io.omdprt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omdprt.journal.JournalReader;
import io.omdprt.report.JournalReports;
import io.omdprt.report.ReportBuilder;
import io.omdprt.report.ReportModel;
import io.omdprt.report.SiteMerge;
import io.omdprt.time.MonitorClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sites", mixinStandardHelpOptions = true,
        description = {"Merge the primary-site and DR-site receivers of one window.",
            "For every loss either site saw, it says whether the other site received those messages: lost at both sites points at "
                + "HKEX, at one site only at that site's network. Each input is a report.json (or its folder) or a journal folder. "
                + "Exit 0 when merged, 2 on bad input."})
final class SitesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FIRST", description = "The first site's report.json, its folder, or its journal folder.")
    Path first;

    @Parameters(index = "1", paramLabel = "SECOND", description = "The second site's.")
    Path second;

    @Option(names = "--names", paramLabel = "A,B", split = ",", description = "The two sites' names (default primary,dr).")
    List<String> names = List.of("primary", "dr");

    @Option(names = "--window", paramLabel = "NAME", description = "For journal folders: the window to take (needed when a journal has several).")
    String window;

    @Option(names = "--out", paramLabel = "DIR", description = "Write sites.json, sites.md and sites.html there (default: print the Markdown).")
    Path out;

    @Override
    public Integer call() {
        if (names.size() != 2) {
            System.err.println("--names: expected two names such as primary,dr, got " + names);
            return Main.BAD_USAGE;
        }
        ReportModel a;
        ReportModel b;
        try {
            a = read(first);
            b = read(second);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.BAD_USAGE;
        }
        SiteMerge.Result r = SiteMerge.merge(names.get(0), first.toString(), a, names.get(1), second.toString(), b);
        try {
            if (out == null) {
                System.out.print(SiteMerge.markdown(r));
            } else {
                Files.createDirectories(out);
                Files.write(out.resolve("sites.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(r));
                Files.writeString(out.resolve("sites.md"), SiteMerge.markdown(r));
                Files.writeString(out.resolve("sites.html"), SiteMerge.html(r));
                System.out.println(out.resolve("sites.md"));
            }
        } catch (IOException e) {
            System.err.println("cannot write to " + out + ": " + e);
            return Main.BAD_USAGE;
        }
        return 0;
    }

    private ReportModel read(Path path) {
        if (Files.isDirectory(path) && !Files.exists(path.resolve("report.json"))) {
            try {
                List<ReportBuilder.WindowSpec> all = JournalReports.windowsOf(JournalReader.readAll(path).events());
                List<ReportBuilder.WindowSpec> specs = window == null ? all : all.stream().filter(s -> s.name().equals(window)).toList();
                if (specs.size() != 1) {
                    throw new IllegalArgumentException(path + ": expected one window" + (window == null ? "" : " named " + window)
                            + " in the journal, found " + all.stream().map(ReportBuilder.WindowSpec::name).toList() + " (give --window)");
                }
                return JournalReports.build(path, specs.get(0), null, MonitorClock.system().now());
            } catch (IOException e) {
                throw new IllegalArgumentException(path + ": cannot read the journal: " + e.getMessage());
            }
        }
        return CompareCommand.read(path);
    }
}
