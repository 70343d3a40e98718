package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import io.omdprt.report.SiteMerge;
import io.omdprt.sim.SimCaptures;
import io.omdprt.sim.TwoSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sites over the primary-site and DR-site monitors' journals of one window (the runs of
 * SiteMergeTest, as the journals their monitors would have written): the window's reports are built
 * from the journals and merged to what the ground truth says, as from the reports. A journal with
 * several windows needs --window; a folder with no window, or not a journal, is refused naming it.
 */
class SitesCommandTest {
    @TempDir
    static Path dir;
    static TwoSites.Runs runs;
    /** Window PRT1 over the run. */
    static Path primary;
    /** Windows PRT1 and rehearsal over the run. */
    static Path dr;

    @BeforeAll
    static void simulate() throws Exception {
        runs = TwoSites.simulate(dir);
        primary = SimCaptures.journal(runs.primary(), runs.config(), TwoSites.SECONDS, List.of("PRT1"), dir.resolve("primary-journal"));
        dr = SimCaptures.journal(runs.dr(), runs.config(), TwoSites.SECONDS, List.of("PRT1", "rehearsal"), dir.resolve("dr-journal"));
    }

    @Test
    void twoJournalsAreMergedByTheGroundTruth() throws Exception {
        Path out = dir.resolve("merged");
        CliTest.Run run = new CliTest.Run("sites", primary.toString(), dr.toString(), "--window", "PRT1", "--out", out.toString());
        assertEquals(0, run.exit, run.out + run.err);
        SiteMerge.Result r = new ObjectMapper().readValue(out.resolve("sites.json").toFile(), SiteMerge.Result.class);
        assertEquals(List.of(primary.toString(), dr.toString()), r.reports());
        assertEquals("PRT1 " + SimCaptures.START, r.window());
        TwoSites.assertMerged(runs, r);
        assertTrue(Files.readString(out.resolve("sites.md")).contains("| primary, dr | HKEX |"));
    }

    @Test
    void aReportAndAJournalAreMergedTheSameWay() throws Exception {
        Path report = ReportWriter.write(runs.primary().report(), dir.resolve("primary-report")).json();
        Path out = dir.resolve("mixed");
        CliTest.Run run = new CliTest.Run("sites", report.toString(), dr.toString(), "--window", "PRT1", "--out", out.toString());
        assertEquals(0, run.exit, run.out + run.err);
        TwoSites.assertMerged(runs, new ObjectMapper().readValue(out.resolve("sites.json").toFile(), SiteMerge.Result.class));
    }

    @Test
    void theJournalsReportsHaveTheAnalysesGaps() throws Exception {
        ReportModel fromJournal = SitesCommand.report(primary, "PRT1", java.time.Instant.now());
        assertEquals(gaps(runs.primary().report()), gaps(fromJournal), "the same tracker events, the same gaps");
    }

    private static List<String> gaps(ReportModel r) {
        return r.feeds().stream().flatMap(f -> f.channels().stream().flatMap(c -> c.gaps().stream()
                .map(g -> f.name() + "/" + c.channel() + "/" + g.line() + " " + g.fromSeq() + "-" + g.toSeq() + " at " + g.time()))).toList();
    }

    @Test
    void aJournalWithSeveralWindowsNeedsWindow() {
        CliTest.Run run = new CliTest.Run("sites", primary.toString(), dr.toString());
        assertEquals(2, run.exit, run.out);
        assertEquals(dr + ": 2 windows in the journal (PRT1@" + SimCaptures.START + ", rehearsal@" + SimCaptures.START
                + "); give --window NAME or NAME@START", run.err.strip());
        CliTest.Run unknown = new CliTest.Run("sites", primary.toString(), dr.toString(), "--window", "PRT2");
        assertEquals(2, unknown.exit);
        assertTrue(unknown.err.startsWith(primary + ": no window PRT2 in the journal, which has PRT1@"), unknown.err);
        CliTest.Run instance = new CliTest.Run("sites", primary.toString(), dr.toString(), "--window", "PRT1@" + SimCaptures.START);
        assertEquals(0, instance.exit, instance.err);
    }

    @Test
    void aFolderWithoutAWindowOrAJournalIsRefusedNamingIt() throws Exception {
        Path none = SimCaptures.journal(runs.dr(), runs.config(), TwoSites.SECONDS, List.of(), dir.resolve("no-window-journal"));
        CliTest.Run run = new CliTest.Run("sites", primary.toString(), none.toString());
        assertEquals(2, run.exit);
        assertEquals(none + ": no window in the journal (no window_start record)", run.err.strip());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliTest.Run notJournal = new CliTest.Run("sites", empty.toString(), primary.toString());
        assertEquals(2, notJournal.exit);
        assertEquals(empty + ": neither a report (no report.json) nor a journal folder (no events-*.jsonl)", notJournal.err.strip());
    }
}
