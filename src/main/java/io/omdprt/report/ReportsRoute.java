package io.omdprt.report;

import io.omdprt.http.Response;
import io.omdprt.http.Route;
import io.omdprt.time.DisplayTime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The window reports on the monitor's HTTP port: {@code /reports/} lists them, newest first, with
 * their verdicts; {@code /reports/view?report=FOLDER&format=html|md|json} serves one. Only a folder
 * the index lists and one of the three files can be named, so nothing outside the reports folder
 * is ever read.
 */
public final class ReportsRoute {
    private final Path reportDir;
    private final DisplayTime display;

    public ReportsRoute(Path reportDir, DisplayTime display) {
        this.reportDir = reportDir;
        this.display = display;
    }

    public Route index() {
        return (method, query, headers, body) -> Response.of(200, Response.HTML, html(ReportIndex.of(reportDir)).getBytes(StandardCharsets.UTF_8));
    }

    public Route view() {
        return (method, query, headers, body) -> {
            String folder = query.getOrDefault("report", "");
            String format = query.getOrDefault("format", "html");
            String file = switch (format) {
                case "html" -> "report.html";
                case "md" -> "report.md";
                case "json" -> "report.json";
                default -> null;
            };
            if (file == null) {
                return Response.text(400, "format: expected html, md or json, got '" + format + "'");
            }
            boolean listed = ReportIndex.of(reportDir).stream().anyMatch(e -> e.folder().equals(folder));
            Path path = reportDir.resolve(folder).resolve(file);
            if (!listed || !Files.isRegularFile(path)) {
                return Response.text(404, "no report '" + folder + "' (see /reports/)");
            }
            String type = format.equals("html") ? Response.HTML : format.equals("json") ? Response.JSON : "text/markdown; charset=utf-8";
            return Response.of(200, type, Files.readAllBytes(path));
        };
    }

    private String html(List<ReportIndex.Entry> entries) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>PRT window reports</title>")
                .append("<style>body{font:14px/1.4 system-ui,sans-serif;margin:1.2em}table{border-collapse:collapse}")
                .append("th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left}th{background:#f0f0f0}")
                .append(".PASS{background:#d8f5d8}.WARN{background:#ffe9b3}.FAIL{background:#ffc9c9}</style></head><body>\n")
                .append("<h1>PRT window reports</h1><p><a href=\"/\">status page</a> · times in ")
                .append(HtmlReport.esc(display.zone().getId())).append("</p>\n");
        if (entries.isEmpty()) {
            h.append("<p>No report yet: a window's report is written when it ends.</p>");
        } else {
            h.append("<table><tr><th>window</th><th>from</th><th>to</th><th>verdict</th><th>report</th></tr>\n");
            for (ReportIndex.Entry e : entries) {
                String q = "/reports/view?report=" + java.net.URLEncoder.encode(e.folder(), StandardCharsets.UTF_8);
                h.append("<tr class=\"").append(e.verdict() == null ? "" : e.verdict().name()).append("\"><td>")
                        .append(HtmlReport.esc(e.window())).append("</td><td>").append(HtmlReport.esc(display.dateTime(e.start())))
                        .append("</td><td>").append(HtmlReport.esc(display.dateTime(e.end()))).append("</td><td>")
                        .append(e.verdict() == null ? "unreadable" : e.verdict().name()).append(e.complete() ? "" : " (partial)")
                        .append("</td><td><a href=\"").append(q).append("&amp;format=html\">HTML</a> · <a href=\"").append(q)
                        .append("&amp;format=md\">Markdown</a> · <a href=\"").append(q).append("&amp;format=json\">JSON</a></td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }
}
