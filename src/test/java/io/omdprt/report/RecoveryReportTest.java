package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omdprt.event.Gap;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Rts;
import io.omdprt.event.SeqRange;
import io.omdprt.event.Where;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The per-channel "recoverable from RTS" section: yes, partly, no, not tried, and why; in JSON, Markdown and HTML. */
class RecoveryReportTest {
    private static final Instant START = Instant.parse("2024-01-06T01:00:00Z");
    private static final String FEED = "omdc-sp";

    private static MonitorEvent gap(int at, String channel, long from, long to) {
        return new Gap.Arbitrated(START.plusSeconds(at), new Where.Channel(FEED, channel), new SeqRange(from, to), START.plusSeconds(at));
    }

    private static MonitorEvent request(int at, String channel, long from, long to, long status, long intact, String detail) {
        return new Rts.Request(START.plusSeconds(at).plusMillis(100), new Where.Channel(FEED, channel), new SeqRange(from, to), 0.04,
                OptionalLong.of(status), detail, Map.of("intact", intact, "received", intact));
    }

    private static MonitorEvent notTried(int at, String channel, long from, long to, String detail) {
        return new Rts.NotTried(START.plusSeconds(at).plusMillis(100), new Where.Channel(FEED, channel),
                Optional.of(new SeqRange(from, to)), detail);
    }

    private static ReportModel report(List<MonitorEvent> events) {
        List<ReportBuilder.LineRef> lines = new ArrayList<>();
        for (String c : List.of("11", "12", "13", "14", "15")) {
            lines.add(new ReportBuilder.LineRef(FEED, c, "A", "primary"));
        }
        ReportBuilder.WindowSpec window = new ReportBuilder.WindowSpec("PRT1", START, START.plusSeconds(3600), "", "Asia/Hong_Kong",
                Duration.ofSeconds(5));
        return ReportBuilder.build(window, lines, events, START.plusSeconds(4000), 0);
    }

    private static ReportModel.Channel channel(ReportModel r, String id) {
        return r.feeds().get(0).channels().stream().filter(c -> c.channel().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachChannelSaysWhetherItsLossWasRecoverableAndWhy() throws Exception {
        List<MonitorEvent> events = List.of(
                gap(100, "11", 41, 47),
                request(100, "11", 41, 47, 0, 7, "recover: RetransStatus 0 (request accepted); recovered 7 of 7 in 40 ms"),
                gap(200, "12", 10, 19),
                request(200, "12", 10, 19, 0, 4, "recover: RetransStatus 0 (request accepted); recovered 4 of 10, then the server closed"
                        + " the connection in 12 ms"),
                gap(300, "13", 5, 6),
                request(300, "13", 5, 6, 2, 0, "recover: RetransStatus 2 (messages not available)"),
                gap(400, "14", 1, 20_000),
                notTried(400, "14", 1, 20_000, "recover: longer than 10000 messages, the most RTS retransmits per request"));
        ReportModel r = report(events);

        ReportModel.Recovery yes = channel(r, "11").recovery();
        assertEquals("yes", yes.recoverable());
        assertEquals("all 7 lost messages were retransmitted intact", yes.why());
        assertEquals(7, yes.lostMessages());
        assertEquals(7, yes.recoveredMessages());
        assertEquals(1, yes.checks().size());
        ReportModel.RtsCheck k = yes.checks().get(0);
        assertEquals("recover", k.purpose());
        assertEquals(0L, k.status());
        assertEquals(0.04, k.seconds());
        assertTrue(k.asked());

        ReportModel.Recovery partly = channel(r, "12").recovery();
        assertEquals("partly", partly.recoverable());
        assertEquals("4 of 10 lost messages were retransmitted intact; RetransStatus 0 (request accepted); recovered 4 of 10, then the"
                + " server closed the connection in 12 ms", partly.why());

        ReportModel.Recovery no = channel(r, "13").recovery();
        assertEquals("no", no.recoverable());
        assertEquals("RetransStatus 2 (messages not available)", no.why());

        ReportModel.Recovery notTried = channel(r, "14").recovery();
        assertEquals("not tried", notTried.recoverable());
        assertEquals("longer than 10000 messages, the most RTS retransmits per request", notTried.why());
        assertTrue(!notTried.checks().get(0).asked());

        assertNull(channel(r, "15").recovery(), "no RTS activity: no section");

        String md = MarkdownReport.render(r);
        assertTrue(md.contains("**Recoverable from RTS: yes** — all 7 lost messages were retransmitted intact\n"), md);
        assertTrue(md.contains("| recover | 41–47 | 0 | RetransStatus 0 (request accepted); recovered 7 of 7 in 40 ms |"), md);
        assertTrue(md.contains("| recover (not asked) | 1–20000 |  | longer than 10000 messages"), md);
        String html = HtmlReport.render(r);
        assertTrue(html.contains("<b>Recoverable from RTS: no</b> — RetransStatus 2 (messages not available)"), html);

        String json = new ObjectMapper().writeValueAsString(r);
        assertTrue(json.contains("\"recovery\":{\"recoverable\":\"partly\""), json);
        assertEquals(4, json.split("\"recovery\":", -1).length - 1, "channels without RTS activity have no recovery key");
    }

    @Test
    void aProbeAloneIsListedAndNothingLostIsSaidSo() {
        ReportModel r = report(List.of(request(10, "11", 500, 502, 0, 3,
                "probe: RetransStatus 0 (request accepted); retransmitted 3 of 3 in 5 ms; content identical to multicast (3 compared)")));
        ReportModel.Recovery rc = channel(r, "11").recovery();
        assertEquals("not tried", rc.recoverable());
        assertEquals("nothing was lost", rc.why());
        assertEquals("probe", rc.checks().get(0).purpose());
        assertTrue(rc.checks().get(0).detail().endsWith("content identical to multicast (3 compared)"));
    }

    @Test
    void oldReportsWithoutTheSectionStillRead() throws Exception {
        String json = new ObjectMapper().writeValueAsString(report(List.of()));
        assertTrue(!json.contains("recovery"), json);
        ReportModel back = new ObjectMapper().readValue(json, ReportModel.class);
        assertNull(back.feeds().get(0).channels().get(0).recovery());
    }
}
