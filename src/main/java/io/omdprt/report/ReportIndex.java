package io.omdprt.report;

import io.omdprt.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The window reports in a reports folder: one entry per instance folder holding a report.json, newest first. */
public final class ReportIndex {
    /**
     * @param folder the instance folder's name (its only identity on the web)
     * @param start  ISO-8601 instant
     */
    public record Entry(String folder, String window, String start, String end, Verdict verdict, boolean complete) {
    }

    private ReportIndex() {
    }

    /**
     * Whether {@code folder} is one the index lists: a folder directly in the reports folder holding a
     * report.json (nothing above or beside it can be named), without reading any report.
     */
    public static boolean lists(Path reportDir, String folder) {
        if (folder.isEmpty() || folder.equals(".") || folder.equals("..") || folder.contains("/") || folder.contains("\\")) {
            return false;
        }
        Path dir = reportDir.resolve(folder);
        return reportDir.equals(dir.getParent()) && Files.isDirectory(dir) && Files.isRegularFile(dir.resolve("report.json"));
    }

    public static List<Entry> of(Path reportDir) {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(reportDir)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(reportDir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path json = d.resolve("report.json");
                if (!Files.isRegularFile(json)) {
                    continue;
                }
                try {
                    ReportModel r = ReportWriter.readJson(json);
                    out.add(new Entry(d.getFileName().toString(), r.window().name(), r.window().start(), r.window().end(), r.verdict(),
                            r.window().complete()));
                } catch (IOException | RuntimeException unreadable) {
                    out.add(new Entry(d.getFileName().toString(), d.getFileName().toString(), "", "", null, false));
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(Entry::start).reversed());
        return out;
    }
}
