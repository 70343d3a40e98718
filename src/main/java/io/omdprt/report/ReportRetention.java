package io.omdprt.report;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the reports of windows that ended more than the retention ago ({@code reports.retention-days}).
 * Only folders the {@link ReportIndex} lists (they hold a report.json) are ever touched; a report
 * that cannot be read counts from when its report.json was last written.
 */
public final class ReportRetention {
    private ReportRetention() {
    }

    /** @return the folders deleted */
    public static List<Path> apply(Path reportDir, int retentionDays, Instant now) throws IOException {
        Instant oldestKept = now.minus(Duration.ofDays(retentionDays));
        List<Path> deleted = new ArrayList<>();
        for (ReportIndex.Entry e : ReportIndex.of(reportDir)) {
            Path folder = reportDir.resolve(e.folder());
            Instant ended = e.end().isEmpty() ? Files.getLastModifiedTime(folder.resolve("report.json")).toInstant() : Instant.parse(e.end());
            if (ended.isBefore(oldestKept)) {
                deleteTree(folder);
                deleted.add(folder);
            }
        }
        return deleted;
    }

    private static void deleteTree(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
