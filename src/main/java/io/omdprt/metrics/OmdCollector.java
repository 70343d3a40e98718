package io.omdprt.metrics;

import io.omdprt.model.SocketStats;
import io.omdprt.model.ChannelSet;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.protocol.Malformed;
import io.omdprt.time.MonitorClock;
import io.omdprt.track.BurstMeter;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.Histogram;
import io.omdprt.track.LineTracker;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every tracker at scrape time and turns it into Prometheus snapshots: no meter objects per
 * series, nothing on the hot path. Every series exists from start-up, at 0.
 */
public final class OmdCollector implements MultiCollector {
    private final List<Channel> channels = new ArrayList<>();
    private final SocketStats sockets;
    private final MonitorClock clock;
    private final double[] bucketBoundsSeconds;

    /** Label sets built once. */
    private record Channel(MonitoredChannel monitored, Labels labels, Labels infoLabels, Line[] lines) {
    }

    private record Line(LineTracker tracker, Labels labels, Labels[] malformedLabels) {
    }

    public OmdCollector(ChannelSet channelSet, SocketStats sockets, MonitorClock clock) {
        this.sockets = sockets;
        this.clock = clock;
        for (MonitoredChannel c : channelSet.channels()) {
            Labels channelLabels = Labels.of("feed", c.feedName(), "channel", c.label());
            Labels info = channelLabels.merge(new String[] {"protocol", "kind"},
                    new String[] {c.feed().protocol().configName(), c.config().kind().configName()});
            List<LineTracker> trackers = c.tracker().lines();
            Line[] lines = new Line[trackers.size()];
            for (int i = 0; i < lines.length; i++) {
                LineTracker t = trackers.get(i);
                Labels lineLabels = channelLabels.merge(new String[] {"line", "site"}, new String[] {t.name(), t.info().site()});
                Labels[] malformed = new Labels[Malformed.REASONS.length];
                for (int r = 0; r < malformed.length; r++) {
                    malformed[r] = lineLabels.add("reason", Malformed.REASONS[r].label());
                }
                lines[i] = new Line(t, lineLabels, malformed);
            }
            channels.add(new Channel(c, channelLabels, info, lines));
        }
        long[] bounds = Histogram.DEFAULT_BOUNDS_NANOS;
        bucketBoundsSeconds = new double[bounds.length + 1];
        for (int i = 0; i < bounds.length; i++) {
            bucketBoundsSeconds[i] = bounds[i] * MetricNames.NANOS;
        }
        bucketBoundsSeconds[bounds.length] = Double.POSITIVE_INFINITY;
    }

    @Override
    public MetricSnapshots collect() {
        long now = clock.epochNanos();
        List<MetricSnapshot> out = new ArrayList<>();
        for (MetricNames.LineMetric m : MetricNames.LINE) {
            if (m.counter()) {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(m.name()).help(m.help());
                forEachLine((c, l) -> b.dataPoint(counter(l.tracker().get(m.source()) * m.scale(), l.labels())));
                out.add(b.build());
            } else {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(m.name()).help(m.help());
                forEachLine((c, l) -> b.dataPoint(gauge(l.tracker().get(m.source()) * m.scale(), l.labels())));
                out.add(b.build());
            }
        }
        CounterSnapshot.Builder lineOutage = CounterSnapshot.builder().name(MetricNames.LINE_OUTAGE_SECONDS).unit(Unit.SECONDS)
                .help("Time the line spent down, from its last arrival before each outage (the current one included).");
        forEachLine((c, l) -> lineOutage.dataPoint(counter(l.tracker().outageNanos(now) * MetricNames.NANOS, l.labels())));
        out.add(lineOutage.build());

        CounterSnapshot.Builder malformed = CounterSnapshot.builder().name(MetricNames.MALFORMED)
                .help("Datagrams that are not well-formed OMD packets, by reason.");
        forEachLine((c, l) -> {
            for (int r = 0; r < Malformed.REASONS.length; r++) {
                malformed.dataPoint(counter(l.tracker().malformed(Malformed.REASONS[r]), l.malformedLabels()[r]));
            }
        });
        out.add(malformed.build());

        HistogramSnapshot.Builder latency = HistogramSnapshot.builder().name(MetricNames.LATENCY).unit(Unit.SECONDS)
                .help("Receive wall clock minus the packet's SendTime; meaningful only with a synchronised host clock.");
        CounterSnapshot.Builder negative = CounterSnapshot.builder().name(MetricNames.LATENCY_NEGATIVE)
                .help("Packets whose SendTime was later than our receive clock: this host's clock is behind HKEX's.");
        forEachLine((c, l) -> {
            Histogram h = l.tracker().latency(); // derived from the line's counts: once a scrape
            latency.dataPoint(histogram(h, l.labels()));
            negative.dataPoint(counter(h.negativeCount(), l.labels()));
        });
        out.add(latency.build());
        out.add(negative.build());

        addBurstMetrics(out, now);
        addSocketMetrics(out);

        for (MetricNames.ChannelMetric m : MetricNames.CHANNEL) {
            if (m.counter()) {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(m.name()).help(m.help());
                for (Channel c : channels) {
                    b.dataPoint(counter(c.monitored().tracker().get(m.source()) * m.scale(), c.labels()));
                }
                out.add(b.build());
            } else {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(m.name()).help(m.help());
                for (Channel c : channels) {
                    b.dataPoint(gauge(c.monitored().tracker().get(m.source()) * m.scale(), c.labels()));
                }
                out.add(b.build());
            }
        }
        CounterSnapshot.Builder channelOutage = CounterSnapshot.builder().name(MetricNames.CHANNEL_OUTAGE_SECONDS).unit(Unit.SECONDS)
                .help("Time every line of the channel was down at once (the current outage included).");
        CounterSnapshot.Builder unique = CounterSnapshot.builder().name(MetricNames.CHANNEL_MESSAGES)
                .help("Distinct messages delivered by at least one line of the channel.");
        HistogramSnapshot.Builder skew = HistogramSnapshot.builder().name(MetricNames.SKEW).unit(Unit.SECONDS)
                .help("Arrival-time difference of the same message between the first line and a later one.");
        InfoSnapshot.Builder info = InfoSnapshot.builder().name(MetricNames.CHANNEL_INFO)
                .help("Each monitored channel, with its protocol and kind (realtime, refresh, dr).");
        for (Channel c : channels) {
            ChannelTracker t = c.monitored().tracker();
            channelOutage.dataPoint(counter(t.outageNanos(now) * MetricNames.NANOS, c.labels()));
            unique.dataPoint(counter(t.uniqueMessages(), c.labels()));
            skew.dataPoint(histogram(t.skew(), c.labels()));
            info.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(c.infoLabels()).build());
        }
        out.add(channelOutage.build());
        out.add(unique.build());
        out.add(skew.build());
        out.add(info.build());
        return new MetricSnapshots(out);
    }

    /** Peaks since the previous scrape, each read (and so reset) once per scrape through the line's scrape cursor. */
    private void addBurstMetrics(List<MetricSnapshot> out, long now) {
        GaugeSnapshot.Builder packets = GaugeSnapshot.builder().name(MetricNames.BURST_PACKETS)
                .help("Most packets within the burst resolution (1 ms unless configured) since the previous scrape; reset by each scrape.");
        GaugeSnapshot.Builder bytes = GaugeSnapshot.builder().name(MetricNames.BURST_BYTES).unit(Unit.BYTES)
                .help("Most bytes within the burst resolution since the previous scrape; reset by each scrape.");
        GaugeSnapshot.Builder second = GaugeSnapshot.builder().name(MetricNames.PEAK_SECOND_PACKETS)
                .help("Most packets in one second since the previous scrape; reset by each scrape.");
        forEachLine((c, l) -> {
            BurstMeter meter = l.tracker().burst();
            BurstMeter.Peaks p = meter.read(meter.scrapeCursor(), now);
            packets.dataPoint(gauge(p.burstPackets(), l.labels()));
            bytes.dataPoint(gauge(p.burstBytes(), l.labels()));
            second.dataPoint(gauge(p.secondPackets(), l.labels()));
        });
        out.add(packets.build());
        out.add(bytes.build());
        out.add(second.build());
    }

    private void addSocketMetrics(List<MetricSnapshot> out) {
        CounterSnapshot.Builder drops = CounterSnapshot.builder().name(MetricNames.SOCKET_DROPS)
                .help("Datagrams the kernel dropped on this line's socket (receive buffer full): loss on THIS host. Linux only.");
        GaugeSnapshot.Builder buffer = GaugeSnapshot.builder().name(MetricNames.SOCKET_BUFFER).unit(Unit.BYTES)
                .help("SO_RCVBUF granted by the kernel for the line's socket (Linux reports twice the usable size).");
        boolean[] any = new boolean[2];
        forEachLine((c, l) -> {
            String feed = c.monitored().feedName();
            String channel = c.monitored().label();
            long d = sockets.kernelDrops(feed, channel, l.tracker().name());
            if (d >= 0) {
                drops.dataPoint(counter(d, l.labels()));
                any[0] = true;
            }
            long b = sockets.receiveBufferBytes(feed, channel, l.tracker().name());
            if (b >= 0) {
                buffer.dataPoint(gauge(b, l.labels()));
                any[1] = true;
            }
        });
        if (any[0]) {
            out.add(drops.build());
        }
        if (any[1]) {
            out.add(buffer.build());
        }
    }

    private HistogramDataPointSnapshot histogram(Histogram h, Labels labels) {
        long[] counts = new long[h.bucketCount() + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = h.countInBucket(i);
        }
        return HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bucketBoundsSeconds, counts))
                .sum(h.sumNanos() * MetricNames.NANOS)
                .labels(labels)
                .build();
    }

    private static CounterDataPointSnapshot counter(double value, Labels labels) {
        return CounterDataPointSnapshot.builder().value(value).labels(labels).build();
    }

    private static GaugeDataPointSnapshot gauge(double value, Labels labels) {
        return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
    }

    private interface LineVisitor {
        void visit(Channel channel, Line line);
    }

    private void forEachLine(LineVisitor visitor) {
        for (Channel c : channels) {
            for (Line l : c.lines()) {
                visitor.visit(c, l);
            }
        }
    }
}
