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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sites", mixinStandardHelpOptions = true,
        description = {"Merge the primary-site and DR-site receivers of one window.",
            "For every loss either site saw, it says whether the other site received those messages: lost at both sites points at "
                + "HKEX, at one site only at that site's network. Each input is a report.json (or its folder) or a journal folder, "
                + "whose window's report is built as the report command would. "
                + "Exit 0 when merged, 2 on bad input."})
final class SitesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FIRST", description = "The first site's report.json, its folder, or its journal folder.")
    Path first;

    @Parameters(index = "1", paramLabel = "SECOND", description = "The second site's.")
    Path second;

    @Option(names = "--names", paramLabel = "A,B", split = ",", description = "The two sites' names (default primary,dr).")
    List<String> names = List.of("primary", "dr");

    @Option(names = "--window", paramLabel = "NAME",
            description = "For journal folders: the window to take, needed when a journal has several; NAME@START (as the error lists "
                    + "them) picks one instance of a window that ran more than once.")
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
        // One instant for both sites: a window still open in either journal ends at the same "now".
        Instant now = MonitorClock.system().now();
        try {
            a = report(first, window, now);
            b = report(second, window, now);
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

    /**
     * A report (a report.json or the folder holding one), or the report of one window built from a journal folder.
     *
     * @param window the journal's window to take (NAME or NAME@START), or null when it has one
     * @param now    where a window still open in the journal ends
     * @throws IllegalArgumentException naming the path when it is neither, or the journal's window is not clear
     */
    static ReportModel report(Path path, String window, Instant now) {
        if (!Files.isDirectory(path) || Files.exists(path.resolve("report.json"))) {
            return CompareCommand.read(path);
        }
        JournalReader.Result journal;
        try {
            journal = JournalReader.readAll(path);
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": cannot read the journal: " + e.getMessage());
        }
        if (journal.files().isEmpty()) {
            throw new IllegalArgumentException(path + ": neither a report (no report.json) nor a journal folder (no events-*.jsonl)");
        }
        ReportBuilder.WindowSpec spec = pick(path, JournalReports.windowsOf(journal.events()), window);
        try {
            return JournalReports.build(path, spec, null, now);
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": cannot read the journal: " + e.getMessage());
        }
    }

    /**
     * The journal's one window instance, or the one {@code --window} names (NAME, or NAME@START when
     * the name has several instances).
     *
     * @throws IllegalArgumentException naming the folder and the instances it has, when there is not exactly one
     */
    static ReportBuilder.WindowSpec pick(Path journal, List<ReportBuilder.WindowSpec> all, String window) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException(journal + ": no window in the journal (no window_start record)");
        }
        List<ReportBuilder.WindowSpec> picked = window == null ? all
                : all.stream().filter(s -> s.name().equals(window) || instance(s).equals(window)).toList();
        if (picked.size() == 1) {
            return picked.get(0);
        }
        String has = all.stream().map(SitesCommand::instance).collect(Collectors.joining(", "));
        if (window == null) {
            throw new IllegalArgumentException(journal + ": " + all.size() + " windows in the journal (" + has
                    + "); give --window NAME or NAME@START");
        }
        if (picked.isEmpty()) {
            throw new IllegalArgumentException(journal + ": no window " + window + " in the journal, which has " + has);
        }
        throw new IllegalArgumentException(journal + ": " + picked.size() + " instances of window " + window + " in the journal ("
                + picked.stream().map(SitesCommand::instance).collect(Collectors.joining(", ")) + "); give --window NAME@START");
    }

    private static String instance(ReportBuilder.WindowSpec s) {
        return s.name() + "@" + s.start();
    }
}
