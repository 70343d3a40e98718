package io.omdprt.metrics;

import io.omdprt.journal.JournalWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

/** The journal's health: a full disk or an unwritable folder shows here (and in the log), never as a crash. */
public final class JournalCollector implements MultiCollector {
    private final JournalWriter journal;

    public JournalCollector(JournalWriter journal) {
        this.journal = journal;
    }

    @Override
    public MetricSnapshots collect() {
        return new MetricSnapshots(
                counter("omd_journal_events_written", "Events appended to the journal.", journal.eventsWritten()),
                counter("omd_journal_events_dropped", "Events that could not be journalled (queue full, or the disk failing at shutdown).",
                        journal.eventsDropped()),
                counter("omd_journal_write_errors", "Failed journal writes, syncs or file opens (unwritable folder, full disk).",
                        journal.writeErrors()),
                GaugeSnapshot.builder().name("omd_journal_last_sync_timestamp_seconds").unit(Unit.SECONDS)
                        .help("When the journal was last forced to disk (Unix seconds, 0 = never).")
                        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(journal.lastForceEpochMillis() / 1e3)
                                .labels(Labels.EMPTY).build())
                        .build());
    }

    private static CounterSnapshot counter(String name, String help, long value) {
        return CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).labels(Labels.EMPTY).build()).build();
    }
}
