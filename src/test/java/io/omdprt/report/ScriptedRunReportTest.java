package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.sim.GroundTruth;
import io.omdprt.testing.ScriptedRun;
import io.omdprt.verdict.Verdict;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scripted run with known faults ({@link ScriptedRun#SCRIPT}), inside a window, produces a report
 * with exactly those entries (gap ranges, outages, DR events) and the verdicts they call for, in
 * JSON; Markdown and HTML too.
 */
class ScriptedRunReportTest {
    @Test
    void reportHasExactlyTheInjectedEntriesAndVerdicts() throws Exception {
        ScriptedRun.Result result = ScriptedRun.run(null);
        ReportModel report = ReportWriter.readJson(result.report().json());
        GroundTruth truth = result.truth();

        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (ReportModel.Feed f : report.feeds()) {
            for (ReportModel.Channel c : f.channels()) {
                verdicts.put(f.name() + "/" + c.channel(), c.verdict());
            }
        }
        assertEquals(Map.of("omdc-sp/11", Verdict.WARN, "omdc-sp/12", Verdict.WARN, "omdc-sp/dr", Verdict.WARN,
                "omdc-index/21", Verdict.FAIL, "omdcc/31", Verdict.FAIL, "omdcc/32", Verdict.PASS), verdicts);
        assertEquals(Verdict.FAIL, report.verdict());
        assertTrue(report.window().complete());
        assertEquals(0.0, report.monitor().downtimeSeconds());
        assertEquals(List.of("test"), report.monitor().instances());

        GroundTruth.InjectedFault lossOnBoth = truth.faults.get(0);
        ReportModel.Channel cc31 = channel(report, "omdcc", "31");
        assertEquals(List.of(
                new Gap("A", lossOnBoth.fromSeq, lossOnBoth.toSeq),
                new Gap("B", lossOnBoth.fromSeq, lossOnBoth.toSeq),
                new Gap(null, lossOnBoth.fromSeq, lossOnBoth.toSeq)), sorted(cc31.gaps()));
        assertEquals(1, cc31.arbitratedGaps());
        assertTrue(cc31.reasons().stream().noneMatch(r -> r.contains("covered")), "loss on every line is not 'covered': " + cc31.reasons());
        assertEquals(List.of("7 messages lost on every line (1 arbitrated gap)", "line A: 1 gap (7 messages)", "line B: 1 gap (7 messages)"),
                cc31.reasons());
        assertEquals(7, cc31.arbitratedMissingMessages());
        assertEquals(0, cc31.outageList().size());

        GroundTruth.InjectedFault lossOnA = truth.faults.get(2);
        ReportModel.Channel sp12 = channel(report, "omdc-sp", "12");
        assertEquals(List.of(new Gap("A", lossOnA.fromSeq, lossOnA.toSeq)), sorted(sp12.gaps()));
        assertEquals(0, sp12.arbitratedGaps());
        assertEquals(List.of("line A: 1 gap (5 messages), covered by another line"), sp12.reasons());
        for (ReportModel.Feed f : report.feeds()) {
            for (ReportModel.Channel c : f.channels()) {
                GroundTruth.ChannelTruth ct = truth.channel(f.name(), c.channel());
                assertEquals(ct.messagesPublished - ct.arbitratedMissingMessages, c.messages(), "distinct messages of " + c.channel());
                for (ReportModel.Line l : c.lines()) {
                    GroundTruth.LineTruth lt = truth.line(f.name(), c.channel(), l.line());
                    assertEquals(lt.duplicateMessages, l.duplicates(), "duplicates " + c.channel() + l.line());
                    assertEquals(lt.lateMessages, l.lateMessages(), "late " + c.channel() + l.line());
                    assertTrue(l.received() && l.packets() > 0 && l.latency().samples() > 0, "counted " + l);
                }
            }
        }

        ReportModel.Channel sp11 = channel(report, "omdc-sp", "11");
        assertEquals(1, sp11.outageList().size());
        ReportModel.Outage down = sp11.outageList().get(0);
        assertEquals("B", down.line());
        double silence = truth.line("omdc-sp", "11", "B").outageSeconds.get(0);
        assertEquals(silence, down.seconds(), 0.1, "outage length");
        assertEquals(1, sp11.gaps().size(), "what B missed while down");
        assertEquals(truth.line("omdc-sp", "11", "B").missingMessages, sp11.gaps().get(0).messages());

        ReportModel.Channel idx = channel(report, "omdc-index", "21");
        assertEquals(1, idx.outages(), "channel outage");
        assertEquals(3, idx.outageList().size(), "the channel and both its lines");
        assertTrue(idx.reasons().get(0).startsWith("channel down once"), idx.reasons().toString());
        assertEquals(0, idx.gaps().size(), "a silent channel loses nothing");

        ReportModel.Channel dr = channel(report, "omdc-sp", "dr");
        assertEquals(List.of("DR signal: site failover in progress (1)"), dr.reasons(), "a DR signal is in the verdict");
        assertEquals(1, report.dr().size(), "and at the top of the report");
        assertEquals(1, dr.drEvents().size());
        assertEquals(1, dr.drEvents().get(0).status());
        assertEquals(2, dr.resets().size(), "the start-of-day reset on both lines");

        String md = Files.readString(result.report().markdown());
        assertTrue(md.contains("## omdcc / 31 — FAIL"), md);
        assertTrue(md.contains("every line (real loss)"), md);
        String html = Files.readString(result.report().html());
        assertTrue(html.contains("<svg class=\"timeline\""), "timeline drawn");
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("<script"), "self-contained");
    }

    /** A gap as (line, from, to), line null for real loss (sorted last). */
    record Gap(String line, long from, long to) {
    }

    static List<Gap> sorted(List<ReportModel.Gap> gaps) {
        return gaps.stream().map(g -> new Gap(g.line(), g.fromSeq(), g.toSeq()))
                .sorted((a, b) -> String.valueOf(a.line()).compareTo(String.valueOf(b.line()))).toList();
    }

    static ReportModel.Channel channel(ReportModel report, String feed, String channel) {
        return report.feeds().stream().filter(f -> f.name().equals(feed)).findFirst().orElseThrow()
                .channels().stream().filter(c -> c.channel().equals(channel)).findFirst().orElseThrow();
    }
}
