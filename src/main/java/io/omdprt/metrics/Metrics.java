package io.omdprt.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.omdprt.time.MonitorClock;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Micrometer Prometheus registry of the monitor: JVM and process metrics from Micrometer's
 * binders, the OMD metrics from {@link OmdCollector}, identity as info metrics, and the scrape's own
 * duration.
 */
public final class Metrics implements AutoCloseable {
    public static final String VERSION = versionOf(Metrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final Timer scrapeTimer;
    private final MonitorClock clock;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    /** A scrape's body and the content type it was written in. */
    public record Scrape(String contentType, byte[] body) {
    }

    /** @param transport how lines are received (epoll, nio): reported in omd_monitor_info */
    public Metrics(String instance, String site, String transport, MonitorClock clock) {
        this.clock = clock;
        // Two binder meters break Prometheus naming rules (promtool check metrics): replaced below.
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("system.cpu.count")
                || id.getName().equals("process.cpu.time")));
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        ProcessStats.bindTo(registry);
        scrapeTimer = Timer.builder("omd_scrape_duration").description("Time to build one /metrics response.")
                .register(registry);
        MultiCollector identity = () -> new MetricSnapshots(
                InfoSnapshot.builder().name(MetricNames.MONITOR_INFO).help("This monitor: its configured name and site, and its receive transport (kernel drop counters are read from /proc/net/udp on Linux, for either transport).")
                        .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
                                .labels(Labels.of("monitor", instance, "monitor_site", site, "transport", transport)).build()).build(),
                InfoSnapshot.builder().name(MetricNames.BUILD_INFO).help("Version of omd-prt-monitor and of the Java runtime.")
                        .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
                                .labels(Labels.of("version", VERSION, "java_version", System.getProperty("java.version"))).build())
                        .build());
        registry.getPrometheusRegistry().register(identity);
    }

    public void register(MultiCollector collector) {
        registry.getPrometheusRegistry().register(collector);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Writes every metric in the format the Accept header asks for: OpenMetrics when the scraper
     * offers it, the Prometheus text format otherwise.
     */
    public Scrape scrape(String accept) {
        long start = clock.monotonicNanos();
        ExpositionFormatWriter writer = formats.findWriter(accept);
        if (!writer.isAvailable()) {
            writer = formats.getPrometheusTextFormatWriter();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        try {
            writer.write(body, registry.getPrometheusRegistry().scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scrapeTimer.record(clock.monotonicNanos() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        return new Scrape(writer.getContentType(), body.toByteArray());
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }

    private static String versionOf(Class<?> type) {
        String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
