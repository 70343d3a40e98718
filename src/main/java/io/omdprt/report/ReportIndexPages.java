package io.omdprt.report;

import io.omdprt.time.DisplayTime;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The list of window reports ({@link ReportIndex}: every instance, newest first, with its verdict) as
 * people read it: HTML (the monitor's {@code /reports/}, and {@code index.html} beside the report
 * folders) and Markdown ({@code index.md}). Times in the display zone.
 */
public final class ReportIndexPages {
    public static final String HTML_FILE = "index.html";
    public static final String MARKDOWN_FILE = "index.md";

    /** Where an entry's files are: on the monitor ({@code /reports/view}), or in the folder beside the index. */
    public interface Links {
        String of(String folder, String format);
    }

    public static final Links SERVED = (folder, format) -> "/reports/view?report=" + encode(folder) + "&format=" + format;
    public static final Links FILES = (folder, format) -> encode(folder) + "/report." + format;

    private static final String[][] FORMATS = {{"html", "HTML"}, {"md", "Markdown"}, {"json", "JSON"}};

    public record Written(Path html, Path markdown, int reports) {
    }

    private ReportIndexPages() {
    }

    /** @param statusPage whether to link the monitor's status page (only when served by it) */
    public static String html(List<ReportIndex.Entry> entries, DisplayTime display, Links links, boolean statusPage) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Window reports</title>")
                .append("<style>body{font:14px/1.4 system-ui,sans-serif;margin:1.2em}table{border-collapse:collapse}")
                .append("th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left}th{background:#f0f0f0}")
                .append(".PASS{background:#d8f5d8}.WARN{background:#ffe9b3}.FAIL{background:#ffc9c9}</style></head><body>\n")
                .append("<h1>Window reports</h1><p>").append(statusPage ? "<a href=\"/\">status page</a> · " : "")
                .append("newest first · times in ").append(HtmlReport.esc(display.zone().getId())).append("</p>\n");
        if (entries.isEmpty()) {
            h.append("<p>No report yet: a window's report is written when it ends.</p>");
        } else {
            h.append("<table><tr><th>window</th><th>from</th><th>to</th><th>verdict</th><th>report</th></tr>\n");
            for (ReportIndex.Entry e : entries) {
                h.append("<tr class=\"").append(e.verdict() == null ? "" : e.verdict().name()).append("\"><td>")
                        .append(HtmlReport.esc(e.window())).append("</td><td>").append(HtmlReport.esc(display.dateTime(e.start())))
                        .append("</td><td>").append(HtmlReport.esc(display.dateTime(e.end()))).append("</td><td>")
                        .append(verdict(e)).append("</td><td>");
                for (int i = 0; i < FORMATS.length; i++) {
                    h.append(i == 0 ? "" : " · ").append("<a href=\"").append(HtmlReport.esc(links.of(e.folder(), FORMATS[i][0])))
                            .append("\">").append(FORMATS[i][1]).append("</a>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    /** The same list as a Markdown table, its links relative to the reports folder. */
    public static String markdown(List<ReportIndex.Entry> entries, DisplayTime display) {
        StringBuilder m = new StringBuilder("# Window reports\n\n")
                .append("Newest first; times in ").append(display.zone().getId()).append(".\n\n");
        if (entries.isEmpty()) {
            return m.append("No report yet: a window's report is written when it ends.\n").toString();
        }
        m.append("| window | from | to | verdict | report |\n|---|---|---|---|---|\n");
        for (ReportIndex.Entry e : entries) {
            m.append("| ").append(e.window()).append(" | ").append(display.dateTime(e.start())).append(" | ")
                    .append(display.dateTime(e.end())).append(" | **").append(verdict(e)).append("** | ");
            for (int i = 0; i < FORMATS.length; i++) {
                m.append(i == 0 ? "" : " · ").append('[').append(FORMATS[i][1]).append("](").append(FILES.of(e.folder(), FORMATS[i][0]))
                        .append(')');
            }
            m.append(" |\n");
        }
        return m.toString();
    }

    /** Writes index.html and index.md into the reports folder (each replaced whole, never half-written). */
    public static Written write(Path reportDir, DisplayTime display) throws IOException {
        List<ReportIndex.Entry> entries = ReportIndex.of(reportDir);
        Files.createDirectories(reportDir);
        Path html = replace(reportDir.resolve(HTML_FILE), html(entries, display, FILES, false));
        Path md = replace(reportDir.resolve(MARKDOWN_FILE), markdown(entries, display));
        return new Written(html, md, entries.size());
    }

    private static Path replace(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String verdict(ReportIndex.Entry e) {
        return (e.verdict() == null ? "unreadable" : e.verdict().name()) + (e.complete() ? "" : " (partial)");
    }

    private static String encode(String folder) {
        return URLEncoder.encode(folder, StandardCharsets.UTF_8);
    }
}
