package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.MonitorConfig;
import io.omdprt.report.Comparison;
import io.omdprt.report.ComparisonReport;
import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import io.omdprt.sim.FaultType;
import io.omdprt.sim.SimCaptures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare over simulated windows (capture analyses): one with a known injected regression (line B of
 * omdc-sp/11 held back 20 ms for 30 s: A/B skew and B's latency up) is flagged and exits 1; two
 * identical ones exit 0; bad input exits 2 naming the file.
 */
class CompareCommandTest {
    @TempDir
    static Path dir;
    static Path baseline;
    static Path same;
    static Path regressed;

    @BeforeAll
    static void simulate() throws Exception {
        MonitorConfig config = SimCaptures.demo();
        baseline = write(SimCaptures.run(config, dir.resolve("a.pcap"), 11, 70, 200, List.of()).report(), "baseline");
        same = write(SimCaptures.run(config, dir.resolve("b.pcap"), 11, 70, 200, List.of()).report(), "same");
        regressed = write(SimCaptures.run(config, dir.resolve("c.pcap"), 11, 70, 200, List.of(
                SimCaptures.fault(20, FaultType.DELAY, "omdc-sp", "11", "B", 0, Duration.ofSeconds(30)).withDelay(Duration.ofMillis(20)))).report(),
                "regressed");
    }

    private static Path write(ReportModel r, String name) throws Exception {
        return ReportWriter.write(r, dir.resolve(name)).json();
    }

    @Test
    void anInjectedRegressionIsFlaggedAndExitsOne() throws Exception {
        Path out = dir.resolve("cmp");
        Run run = run("compare", baseline.toString(), regressed.toString(), "--out", out.toString());
        assertEquals(1, run.exit, run.out + run.err);
        String md = Files.readString(out.resolve("comparison.md"));
        assertTrue(md.contains("omdc-sp/11: A/B skew p99 up from"), md);
        assertTrue(md.contains("omdc-sp/11 line B: feed latency p99 up from"), md);
        assertFalse(md.contains("omdc-sp/12:"), "nothing else moved: " + md);
        assertTrue(md.contains("# Comparison: REGRESSED"), md);
        String json = Files.readString(out.resolve("comparison.json"));
        assertTrue(json.contains("\"regressed\" : true"), json);
        String html = Files.readString(out.resolve("comparison.html"));
        assertTrue(html.contains("data-series=\"skew p99 (baseline)\"") && html.contains("data-series=\"skew p99 (current)\""),
                "the two windows' plots overlaid");
        assertTrue(!html.contains("<script") && !html.contains("src=\"http"), "self-contained");
    }

    @Test
    void identicalWindowsExitZero() {
        Run run = run("compare", baseline.toString(), same.toString());
        assertEquals(0, run.exit, run.out + run.err);
        assertTrue(run.out.contains("# Comparison: no regression"), run.out);
        assertEquals(0, run("compare", baseline.toString(), baseline.toString()).exit);
    }

    @Test
    void thresholdsAreConfigurable() throws Exception {
        Comparison.Result loose = Comparison.compare("a", ReportWriter.readJson(baseline), "b", ReportWriter.readJson(regressed),
                ComparisonReport.thresholds(List.of("skew-p99=50%,100", "skew-p99.9=off", "skew-p50=off", "latency-p99=off",
                        "latency-p99.9=off", "latency-p50=off", "jitter-p99=off")));
        assertFalse(loose.regressed(), loose.regressions().toString());
        assertEquals(2, run("compare", baseline.toString(), regressed.toString(), "--threshold", "nonsense=1").exit);
    }

    @Test
    void badInputExitsTwoNamingTheFile() throws Exception {
        Run missing = run("compare", dir.resolve("nope.json").toString(), baseline.toString());
        assertEquals(2, missing.exit);
        assertTrue(missing.err.contains("nope.json"), missing.err);
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"hello\": ");
        Run bad = run("compare", baseline.toString(), junk.toString());
        assertEquals(2, bad.exit);
        assertTrue(bad.err.contains("junk.json") && bad.err.contains("not a report"), bad.err);
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true));
            System.setErr(new PrintStream(e, true));
            int exit = Main.run(args);
            return new Run(exit, o.toString(), e.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
