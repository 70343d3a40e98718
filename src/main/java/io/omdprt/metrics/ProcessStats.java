package io.omdprt.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process metrics every Prometheus exporter has, under their usual names: CPU seconds and
 * resident memory (Linux). Used by the monitor-health dashboard and the soak test.
 */
final class ProcessStats {
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE_SIZE = 4096;

    private ProcessStats() {
    }

    static void bindTo(MeterRegistry registry) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            com.sun.management.OperatingSystemMXBean sun = (com.sun.management.OperatingSystemMXBean) os;
            FunctionCounter.builder("process.cpu", sun, b -> b.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds").description("CPU time used by this process (user and system).")
                    .register(registry);
        }
        if (Files.isReadable(STATM)) {
            Gauge.builder("process.resident.memory", ProcessStats::residentBytes)
                    .baseUnit("bytes").description("Resident set size of this process.")
                    .register(registry);
        }
    }

    private static double residentBytes() {
        try {
            String[] fields = Files.readString(STATM).trim().split("\\s+");
            return Long.parseLong(fields[1]) * PAGE_SIZE;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
