package io.omdprt.metrics;

import io.omdprt.rts.RtsStats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The RTS figures of every feed that uses it, read at scrape time. Every series exists from start-up. */
public final class RtsCollector implements MultiCollector {
    public static final String SESSION_UP = "omd_rts_session_up";
    public static final String LOGON_SECONDS = "omd_rts_logon_seconds";
    public static final String LOGONS = "omd_rts_logons";
    public static final String LOGONS_REFUSED = "omd_rts_logons_refused";
    public static final String LOGON_FAILURES = "omd_rts_logon_failures";
    public static final String REQUESTS = "omd_rts_requests";
    public static final String BUDGET_LEFT = "omd_rts_budget_remaining_requests";
    public static final String RECOVERED = "omd_rts_recovered_messages";
    public static final String MISMATCHES = "omd_rts_content_mismatches";
    public static final String ODD_RESPONSES = "omd_rts_mismatched_responses";
    public static final String ECHOES = "omd_rts_heartbeats_echoed";

    private final Map<String, RtsStats> feeds;

    public RtsCollector(Map<String, RtsStats> feeds) {
        this.feeds = Map.copyOf(feeds);
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> out = new ArrayList<>();
        GaugeSnapshot.Builder up = GaugeSnapshot.builder().name(SESSION_UP).help("1 while a session with a Retransmission Server is open.");
        GaugeSnapshot.Builder logon = GaugeSnapshot.builder().name(LOGON_SECONDS).unit(Unit.SECONDS)
                .help("Connect to Logon Response of the last accepted RTS logon (0 = none yet).");
        GaugeSnapshot.Builder budget = GaugeSnapshot.builder().name(BUDGET_LEFT)
                .help("RTS requests this monitor may still send today (0 after a daily-limit answer, 101).");
        CounterSnapshot.Builder logons = counter(LOGONS, "RTS logons accepted (SessionStatus 0).");
        CounterSnapshot.Builder refused = counter(LOGONS_REFUSED, "RTS logons refused (SessionStatus 5 or 100).");
        CounterSnapshot.Builder failures = counter(LOGON_FAILURES, "RTS logons that got no answer: no connection, no response, closed.");
        CounterSnapshot.Builder requests = counter(REQUESTS, "RTS retransmission requests by RetransStatus, or no_response / disconnected.");
        CounterSnapshot.Builder recovered = counter(RECOVERED, "Messages an arbitrated gap lost that RTS retransmitted intact.");
        CounterSnapshot.Builder mismatches = counter(MISMATCHES, "Probed messages whose retransmitted bytes differ from what multicast delivered.");
        CounterSnapshot.Builder odd = counter(ODD_RESPONSES, "RTS responses with another MsgType than expected or another ChannelID than requested (tolerated).");
        CounterSnapshot.Builder echoes = counter(ECHOES, "RTS server heartbeats echoed.");
        for (Map.Entry<String, RtsStats> e : feeds.entrySet()) {
            Labels l = Labels.of("feed", e.getKey());
            RtsStats s = e.getValue();
            up.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(s.sessionUp() ? 1 : 0).labels(l).build());
            logon.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(s.lastLogonNanos() * MetricNames.NANOS).labels(l).build());
            budget.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(s.budgetLeft()).labels(l).build());
            add(logons, s.logons(), l);
            add(refused, s.logonsRefused(), l);
            add(failures, s.logonFailures(), l);
            for (String outcome : RtsStats.OUTCOMES) {
                add(requests, s.requests(outcome), l.add("status", outcome));
            }
            add(recovered, s.recoveredMessages(), l);
            add(mismatches, s.contentMismatches(), l);
            add(odd, s.mismatchedResponses(), l);
            add(echoes, s.heartbeatsEchoed(), l);
        }
        out.add(up.build());
        out.add(logon.build());
        out.add(budget.build());
        for (CounterSnapshot.Builder b : List.of(logons, refused, failures, requests, recovered, mismatches, odd, echoes)) {
            out.add(b.build());
        }
        return new MetricSnapshots(out);
    }

    private static CounterSnapshot.Builder counter(String name, String help) {
        return CounterSnapshot.builder().name(name).help(help);
    }

    private static void add(CounterSnapshot.Builder b, long value, Labels labels) {
        b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).labels(labels).build());
    }
}
