package io.omdprt.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a report as report.json, report.md and report.html in one folder (replacing older ones atomically). */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where the three files went. */
    public record Written(Path json, Path markdown, Path html) {
    }

    private ReportWriter() {
    }

    public static Written write(ReportModel report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("report.json");
        Path md = dir.resolve("report.md");
        Path html = dir.resolve("report.html");
        replace(json, JSON.writeValueAsBytes(report));
        replace(md, MarkdownReport.render(report).getBytes(StandardCharsets.UTF_8));
        replace(html, HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
        return new Written(json, md, html);
    }

    public static ReportModel readJson(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ReportModel.class);
    }

    private static void replace(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
