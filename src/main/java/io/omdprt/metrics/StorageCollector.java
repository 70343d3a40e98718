package io.omdprt.metrics;

import io.omdprt.time.MonitorClock;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The disk space the journal and the window reports take, {@code omd_storage_bytes{what="journal"|"reports"}},
 * also shown on the status page. Measured at most every few seconds (a walk of two small folders).
 */
public final class StorageCollector implements MultiCollector {
    public static final String NAME = "omd_storage_bytes";
    private static final long CACHE_NANOS = 5_000_000_000L;

    /** Bytes in each folder (files only; a folder not there yet is 0). */
    public record Sizes(long journalBytes, long reportsBytes) {
    }

    private final Path journalDir;
    private final Path reportDir;
    private final MonitorClock clock;
    private Sizes cached;
    private long measuredAt;

    public StorageCollector(Path journalDir, Path reportDir, MonitorClock clock) {
        this.journalDir = journalDir;
        this.reportDir = reportDir;
        this.clock = clock;
    }

    public synchronized Sizes sizes() {
        long now = clock.monotonicNanos();
        if (cached == null || now - measuredAt >= CACHE_NANOS) {
            cached = new Sizes(bytesUnder(journalDir), bytesUnder(reportDir));
            measuredAt = now;
        }
        return cached;
    }

    @Override
    public MetricSnapshots collect() {
        Sizes s = sizes();
        return new MetricSnapshots(GaugeSnapshot.builder().name(NAME).unit(Unit.BYTES)
                .help("Disk space the journal (journal.dir) and the window reports (reports.dir) take, in bytes.")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(s.journalBytes()).labels(Labels.of("what", "journal")).build())
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(s.reportsBytes()).labels(Labels.of("what", "reports")).build())
                .build());
    }

    /** The size of every regular file under a folder; files that vanish meanwhile are passed over. */
    static long bytesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] total = new long[1];
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }
}
