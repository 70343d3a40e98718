package io.omdprt.metrics;

import io.omdprt.model.ChannelSet;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.track.Histogram;
import io.omdprt.track.RefreshCheck;
import io.omdprt.track.RefreshCounter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * The refresh checks of every refresh channel mapped to a real-time channel ({@code realtime:}), read
 * at scrape time; labels feed and channel (the refresh channel), as {@code omd_last_refresh_complete_timestamp_seconds}.
 */
public final class RefreshCollector implements MultiCollector {
    public static final String INFO = "omd_refresh_channel";
    public static final String INTERVAL = "omd_refresh_interval_seconds";
    public static final String LAST_INTERVAL = "omd_refresh_last_interval_seconds";
    public static final String TYPICAL_INTERVAL = "omd_refresh_typical_interval_seconds";
    public static final String LAST_SEQ_NUM = "omd_refresh_last_seq_num";
    public static final String LAG = "omd_refresh_lag_messages";
    public static final String STALLED = "omd_refresh_stalled";
    public static final String UNUSABLE = "omd_refresh_unusable_snapshots";
    public static final String AHEAD = "omd_refresh_ahead";
    public static final String DECREASES = "omd_refresh_last_seq_decreases";
    public static final String STALLS = "omd_refresh_stalls";

    private record Refresh(RefreshCheck check, Labels labels, Labels infoLabels) {
    }

    private final List<Refresh> refreshes = new ArrayList<>();
    private final double[] boundsSeconds;

    public RefreshCollector(ChannelSet channelSet) {
        for (MonitoredChannel c : channelSet.channels()) {
            RefreshCheck check = c.tracker().refreshCheck();
            if (check != null) {
                Labels l = Labels.of("feed", c.feedName(), "channel", c.label());
                refreshes.add(new Refresh(check, l, l.add("realtime_channel", check.realtime().info().channel())));
            }
        }
        long[] bounds = RefreshCheck.INTERVAL_BOUNDS_NANOS;
        boundsSeconds = new double[bounds.length + 1];
        for (int i = 0; i < bounds.length; i++) {
            boundsSeconds[i] = bounds[i] * MetricNames.NANOS;
        }
        boundsSeconds[bounds.length] = Double.POSITIVE_INFINITY;
    }

    /** Whether any channel is a refresh channel with checks (else there is nothing to register). */
    public boolean any() {
        return !refreshes.isEmpty();
    }

    @Override
    public MetricSnapshots collect() {
        InfoSnapshot.Builder info = InfoSnapshot.builder().name(INFO).help("Each refresh channel and the real-time channel it refreshes.");
        HistogramSnapshot.Builder interval = HistogramSnapshot.builder().name(INTERVAL).unit(Unit.SECONDS)
                .help("Time between consecutive Refresh Complete messages (203) of a refresh channel.");
        GaugeSnapshot.Builder last = gauge(LAST_INTERVAL, "Time between the last two Refresh Completes (0 = fewer than two).").unit(Unit.SECONDS);
        GaugeSnapshot.Builder typical = gauge(TYPICAL_INTERVAL, "Median of the last " + RefreshCheck.TYPICAL_OF
                + " intervals between Refresh Completes (0 = fewer than " + RefreshCheck.MIN_INTERVALS + ").").unit(Unit.SECONDS);
        GaugeSnapshot.Builder lastSeq = gauge(LAST_SEQ_NUM, "LastSeqNum of the last Refresh Complete: the real-time sequence the snapshot is current to.");
        GaugeSnapshot.Builder lag = gauge(LAG, "Real-time channel's high-water mark (next expected - 1) minus the last LastSeqNum; negative when ahead.");
        GaugeSnapshot.Builder stalled = gauge(STALLED, "1 while no Refresh Complete has come for " + RefreshCheck.STALL_FACTOR
                + " typical intervals.");
        CounterSnapshot.Builder unusable = counter(UNUSABLE, "Snapshots with a gap inside: unusable until the next one.");
        CounterSnapshot.Builder ahead = counter(AHEAD, "Refresh Completes whose LastSeqNum stayed above the real-time channel's high-water mark.");
        CounterSnapshot.Builder decreases = counter(DECREASES, "Refresh Completes whose LastSeqNum fell without a Sequence Reset.");
        CounterSnapshot.Builder stalls = counter(STALLS, "Times a refresh channel stalled (no Refresh Complete for "
                + RefreshCheck.STALL_FACTOR + " typical intervals).");
        for (Refresh r : refreshes) {
            RefreshCheck c = r.check();
            Labels l = r.labels();
            info.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(r.infoLabels()).build());
            interval.dataPoint(histogram(c.intervals(), l));
            add(last, c.get(RefreshCounter.LAST_INTERVAL_NANOS) * MetricNames.NANOS, l);
            add(typical, c.get(RefreshCounter.TYPICAL_INTERVAL_NANOS) * MetricNames.NANOS, l);
            add(lastSeq, c.get(RefreshCounter.LAST_SEQ_NUM), l);
            add(lag, c.get(RefreshCounter.LAG_MESSAGES), l);
            add(stalled, c.get(RefreshCounter.STALLED), l);
            add(unusable, c.get(RefreshCounter.UNUSABLE_SNAPSHOTS), l);
            add(ahead, c.get(RefreshCounter.AHEAD), l);
            add(decreases, c.get(RefreshCounter.DECREASES), l);
            add(stalls, c.get(RefreshCounter.STALLS), l);
        }
        List<MetricSnapshot> out = new ArrayList<>();
        out.add(info.build());
        out.add(interval.build());
        for (GaugeSnapshot.Builder b : List.of(last, typical, lastSeq, lag, stalled)) {
            out.add(b.build());
        }
        for (CounterSnapshot.Builder b : List.of(unusable, ahead, decreases, stalls)) {
            out.add(b.build());
        }
        return new MetricSnapshots(out);
    }

    private HistogramSnapshot.HistogramDataPointSnapshot histogram(Histogram h, Labels labels) {
        long[] counts = new long[h.bucketCount() + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = h.countInBucket(i);
        }
        return HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(boundsSeconds, counts))
                .sum(h.sumNanos() * MetricNames.NANOS)
                .labels(labels)
                .build();
    }

    private static GaugeSnapshot.Builder gauge(String name, String help) {
        return GaugeSnapshot.builder().name(name).help(help);
    }

    private static CounterSnapshot.Builder counter(String name, String help) {
        return CounterSnapshot.builder().name(name).help(help);
    }

    private static void add(GaugeSnapshot.Builder b, double value, Labels labels) {
        b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).labels(labels).build());
    }

    private static void add(CounterSnapshot.Builder b, double value, Labels labels) {
        b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).labels(labels).build());
    }
}
