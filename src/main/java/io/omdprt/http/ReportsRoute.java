package io.omdprt.http;

import io.omdprt.report.ReportIndexPages;
import io.omdprt.report.ReportIndex;
import io.omdprt.http.Response;
import io.omdprt.http.Route;
import io.omdprt.time.DisplayTime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return (method, query, headers, body) -> Response.of(200, Response.HTML, ReportIndexPages.html(ReportIndex.of(reportDir), display,
                ReportIndexPages.SERVED, true).getBytes(StandardCharsets.UTF_8));
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
            boolean listed = ReportIndex.lists(reportDir, folder);
            Path path = reportDir.resolve(folder).resolve(file);
            if (!listed || !Files.isRegularFile(path)) {
                return Response.text(404, "no report '" + folder + "' (see /reports/)");
            }
            String type = format.equals("html") ? Response.HTML : format.equals("json") ? Response.JSON : "text/markdown; charset=utf-8";
            return Response.of(200, type, Files.readAllBytes(path));
        };
    }
}
