package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omdprt.event.CounterKeys;
import io.omdprt.event.ChannelCounts;
import io.omdprt.event.Lifecycle;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Refresh;
import io.omdprt.event.SeqRange;
import io.omdprt.event.Where;
import io.omdprt.verdict.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refresh channel's report line: completes and cadence from the counters, faults from its events, and WARN for them. */
class RefreshReportTest {
    private static final Instant START = Instant.parse("2024-01-06T01:00:00Z");
    private static final String FEED = "omdc-sp";

    private static Map<String, Long> refreshCounts(long completes, long atMost2s, long atMost5s) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(CounterKeys.MESSAGES, completes * 11);
        m.put(CounterKeys.REFRESH_COMPLETES, completes);
        m.put(CounterKeys.bucket(CounterKeys.REFRESH_INTERVAL, 2_000_000_000L), atMost2s);
        m.put(CounterKeys.bucket(CounterKeys.REFRESH_INTERVAL, 5_000_000_000L), atMost5s);
        m.put(CounterKeys.line("A", CounterKeys.PACKETS), completes * 2);
        return m;
    }

    private static Instant at(int seconds) {
        return START.plusSeconds(seconds);
    }

    private static Where.Channel channel(String id) {
        return new Where.Channel(FEED, id);
    }

    private static ChannelCounts counters(Instant at, String channel, Map<String, Long> counts) {
        return new ChannelCounts(at, channel(channel), counts);
    }

    private static Refresh.Stall stall(int at, String channel, int lastComplete) {
        return new Refresh.Stall(at(at), channel(channel), at(lastComplete), 2000, "no Refresh Complete for 6.000 s (typical interval 2.000 s)");
    }

    private static ReportModel report(List<MonitorEvent> more) {
        List<MonitorEvent> events = new ArrayList<>();
        events.add(new Lifecycle.Start(START.minusSeconds(60), "instance=rx;lines="));
        events.add(counters(START, "111", refreshCounts(10, 9, 0)));
        events.add(counters(START, "112", refreshCounts(10, 9, 0)));
        events.add(counters(START, "11", Map.of(CounterKeys.MESSAGES, 5L, CounterKeys.line("A", CounterKeys.PACKETS), 5L)));
        events.addAll(more);
        events.add(counters(at(3600), "111", refreshCounts(1_700, 1_697, 1)));
        events.add(counters(at(3600), "112", refreshCounts(1_810, 1_809, 0)));
        events.add(counters(at(3600), "11", Map.of(CounterKeys.MESSAGES, 500L, CounterKeys.line("A", CounterKeys.PACKETS), 500L)));
        events.sort(java.util.Comparator.comparing(MonitorEvent::time));
        List<ReportBuilder.LineRef> lines = List.of(new ReportBuilder.LineRef(FEED, "11", "A", "primary"),
                new ReportBuilder.LineRef(FEED, "111", "A", "primary"), new ReportBuilder.LineRef(FEED, "112", "A", "primary"));
        ReportBuilder.WindowSpec window = new ReportBuilder.WindowSpec("PRT1", START, START.plusSeconds(3600), "", "Asia/Hong_Kong",
                Duration.ofSeconds(5));
        return ReportBuilder.build(window, lines, events, START.plusSeconds(4000), 0);
    }

    private static ReportModel.Channel channel(ReportModel r, String id) {
        return r.feeds().get(0).channels().stream().filter(c -> c.channel().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachRefreshChannelHasALineWithItsCadenceAndFaults() throws Exception {
        ReportModel r = report(List.of(
                new Refresh.Unusable(at(600), channel("111"), new SeqRange(40, 41), 1),
                new Refresh.Ahead(at(1200), channel("111"), 510, 505),
                stall(1800, "111", 1794),
                new Refresh.Resumed(at(1803), channel("111"), at(1794)),
                new Refresh.Decreased(at(2400), channel("111"), 470, 480),
                new Refresh.Unusable(at(3000), channel("111"), new SeqRange(900, 950), 2)));

        ReportModel.Refresh faulty = channel(r, "111").refresh();
        assertEquals(new ReportModel.Refresh(1_690, new ReportModel.Timing(1_689, 2_000.0, 2_000.0, 5_000.0), 3, 1, 1, 1, false), faulty);
        assertEquals(Verdict.WARN, channel(r, "111").verdict());
        assertEquals(List.of("refresh stalled once (no Refresh Complete for 3 typical intervals)", "refresh: 3 unusable snapshots (a gap inside)",
                "refresh: LastSeqNum above the real-time channel's high-water mark once",
                "refresh: LastSeqNum decreased without a Sequence Reset once"), channel(r, "111").reasons());

        ReportModel.Refresh clean = channel(r, "112").refresh();
        assertEquals(new ReportModel.Refresh(1_800, new ReportModel.Timing(1_800, 2_000.0, 2_000.0, 2_000.0), 0, 0, 0, 0, false), clean);
        assertEquals(Verdict.PASS, channel(r, "112").verdict());
        assertNull(channel(r, "11").refresh(), "a real-time channel has no refresh line");

        String line = "1,690 snapshots completed; time between Refresh Completes p50 ≤ 2000 ms, p99 ≤ 2000 ms, max ≤ 5000 ms (1,689 samples);"
                + " 3 unusable snapshots (a gap inside); LastSeqNum above the real-time high-water mark once, decreased without a reset once;"
                + " stalled once";
        assertEquals(line, RefreshSection.line(faulty));
        assertTrue(MarkdownReport.render(r).contains("**Refresh:** " + line + "\n"), MarkdownReport.render(r));
        assertTrue(HtmlReport.render(r).contains("<b>Refresh:</b> " + line.replace("&", "&amp;") + "</p>"));
        String json = new ObjectMapper().writeValueAsString(r);
        assertTrue(json.contains("\"refresh\":{\"completes\":1690,"), json);
        assertEquals(2, json.split("\"refresh\":").length - 1, "only the two refresh channels have a refresh section");
    }

    @Test
    void aStallGoingOnAtTheEndIsSaid() {
        ReportModel r = report(List.of(stall(3500, "112", 3494)));
        assertTrue(channel(r, "112").refresh().stalledAtEnd());
        assertEquals(List.of("refresh stalled once, still stalled at the end (no Refresh Complete for 3 typical intervals)"),
                channel(r, "112").reasons());
        assertTrue(RefreshSection.line(channel(r, "112").refresh()).endsWith("stalled once, still stalled at the end"));
    }
}
