package io.omdprt.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.MonitorConfig;
import io.omdprt.report.SiteMerge;
import java.nio.file.Path;
import java.util.List;

/**
 * Two receivers of the same window, as two captures of the same publisher (same seed): loss injected
 * at the primary site only (omdc-sp/11), at the DR site only (omdc-sp/12), and at both (omdcc/31);
 * and what their merge must say by the ground truth.
 */
public final class TwoSites {
    public static final int SECONDS = 60;

    public record Runs(MonitorConfig config, SimCaptures.Analysed primary, SimCaptures.Analysed dr) {
    }

    private TwoSites() {
    }

    public static Runs simulate(Path dir) throws Exception {
        MonitorConfig config = SimCaptures.demo();
        SimCaptures.Analysed primary = SimCaptures.run(config, dir.resolve("p.pcap"), 21, SECONDS, 200, List.of(
                SimCaptures.fault(20, FaultType.DROP, "omdc-sp", "11", null, 5, null),
                SimCaptures.fault(30, FaultType.DROP, "omdcc", "31", null, 7, null)));
        SimCaptures.Analysed dr = SimCaptures.run(config, dir.resolve("d.pcap"), 21, SECONDS, 200, List.of(
                SimCaptures.fault(25, FaultType.DROP, "omdc-sp", "12", null, 4, null),
                SimCaptures.fault(30, FaultType.DROP, "omdcc", "31", null, 7, null)));
        return new Runs(config, primary, dr);
    }

    /** The merge of the primary site (named primary) and the DR site (dr) says which site lost what, and where each loss points. */
    public static void assertMerged(Runs runs, SiteMerge.Result r) {
        GroundTruth.InjectedFault onlyPrimary = runs.primary().truth().faults.get(0);
        GroundTruth.InjectedFault both = runs.primary().truth().faults.get(1);
        GroundTruth.InjectedFault onlyDr = runs.dr().truth().faults.get(0);
        assertEquals(both.fromSeq, runs.dr().truth().faults.get(1).fromSeq, "the same publisher: the same messages lost at both");

        List<SiteMerge.Loss> real = r.losses().stream().filter(l -> l.line() == null).toList();
        assertEquals(List.of(
                new Expected("omdc-sp", "11", onlyPrimary.fromSeq, onlyPrimary.toSeq, List.of("primary"), "primary site network"),
                new Expected("omdc-sp", "12", onlyDr.fromSeq, onlyDr.toSeq, List.of("dr"), "dr site network"),
                new Expected("omdcc", "31", both.fromSeq, both.toSeq, List.of("primary", "dr"), "HKEX")),
                real.stream().map(Expected::of).toList());
        // each line's gaps are classified the same way (both lines lost them at the site)
        assertEquals(6, r.losses().stream().filter(l -> l.line() != null).count(), r.losses().toString());
        assertTrue(r.losses().stream().filter(l -> l.channel().equals("31")).allMatch(l -> l.pointsAt().equals("HKEX")));
        assertEquals(7 * 3L, r.counts().get("HKEX"), "7 messages, on the channel and on each of its two lines");
        String md = SiteMerge.markdown(r);
        assertTrue(md.contains("| primary, dr | HKEX |"), md);
    }

    record Expected(String feed, String channel, long from, long to, List<String> lostAt, String pointsAt) {
        static Expected of(SiteMerge.Loss l) {
            return new Expected(l.feed(), l.channel(), l.fromSeq(), l.toSeq(), l.lostAt(), l.pointsAt());
        }
    }
}
