package io.omdprt.metrics;

import io.omdprt.net.InterfaceWatcher;
import io.omdprt.net.Preflight;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;

/**
 * This host's side of reception, read at scrape time: each receiving interface (up, changes), each
 * line's membership and rejoins, the reverse-path filter's drops, and the start-up preflight checks.
 */
public final class InterfaceCollector implements MultiCollector {
    public static final String INTERFACE_UP = "omd_interface_up";
    public static final String INTERFACE_CHANGES = "omd_interface_changes";
    public static final String MEMBERSHIP = "omd_line_membership";
    public static final String REJOINS = "omd_line_rejoins";
    public static final String RP_FILTER_DROPS = "omd_rp_filter_drops";
    public static final String PREFLIGHT = "omd_preflight_check";

    private final InterfaceWatcher watcher;
    private final List<Preflight.Check> preflight;

    public InterfaceCollector(InterfaceWatcher watcher, List<Preflight.Check> preflight) {
        this.watcher = watcher;
        this.preflight = List.copyOf(preflight);
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> out = new ArrayList<>();
        GaugeSnapshot.Builder pre = GaugeSnapshot.builder().name(PREFLIGHT)
                .help("The preflight checks at start-up: 1 for each check's result (OK, WARN, FAIL); see the monitor's log for the remedy.");
        for (Preflight.Check c : preflight) {
            pre.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1)
                    .labels(Labels.of("check", c.check(), "interface", c.iface(), "result", c.result().name())).build());
        }
        out.add(pre.build());
        if (!watcher.enabled()) {
            return new MetricSnapshots(out);
        }
        GaugeSnapshot.Builder up = GaugeSnapshot.builder().name(INTERFACE_UP)
                .help("1 while the receiving interface is present, up and has carrier (read every 200 ms), else 0.");
        CounterSnapshot.Builder changes = CounterSnapshot.builder().name(INTERFACE_CHANGES)
                .help("Times the receiving interface went down, came up, or was created again with a new ifindex.");
        for (InterfaceWatcher.Watched w : watcher.interfaces()) {
            Labels l = Labels.of("interface", w.name());
            up.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(w.up() ? 1 : 0).labels(l).build());
            changes.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(w.changes()).labels(l).build());
        }
        out.add(up.build());
        out.add(changes.build());
        GaugeSnapshot.Builder member = GaugeSnapshot.builder().name(MEMBERSHIP)
                .help("1 while the line's group is joined on its interface (/proc/net/igmp), else 0: nothing can arrive (local).");
        CounterSnapshot.Builder rejoins = CounterSnapshot.builder().name(REJOINS)
                .help("Times the line was joined again after its interface was created again or its membership was found missing.");
        for (InterfaceWatcher.Watched w : watcher.interfaces()) {
            for (InterfaceWatcher.Line line : w.lines()) {
                var s = line.socket();
                Labels l = Labels.of("feed", s.channel().feedName(), "channel", s.channel().label(), "line", s.line().name(),
                        "site", s.line().site());
                member.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(line.member() ? 1 : 0)
                        .labels(l.add("interface", w.name())).build());
                rejoins.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(line.rejoins()).labels(l).build());
            }
        }
        out.add(member.build());
        out.add(rejoins.build());
        long rp = watcher.rpFilterDrops();
        if (rp >= 0) {
            out.add(CounterSnapshot.builder().name(RP_FILTER_DROPS)
                    .help("Datagrams this host's reverse-path filter (rp_filter) dropped, any interface (IPReversePathFilter): local loss.")
                    .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(rp).labels(Labels.EMPTY).build()).build());
        }
        return new MetricSnapshots(out);
    }
}
