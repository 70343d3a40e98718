package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Percentiles as people read them: short decimals, never a binary expansion. */
class TimingTextTest {
    @Test
    void percentilesAreShortDecimalsWithTheirSampleCount() {
        assertEquals("p50 ≤ 0.01 ms, p99 ≤ 5 ms, max ≤ 25 ms (6,422 samples)",
                MarkdownReport.timing(new ReportModel.Timing(6_422, 0.01, 5.0, 25.0)));
        assertEquals("p50 ≤ 0.25 ms, p99 ≤ 2.5 ms, max ≤ 10000 ms (1 sample)",
                MarkdownReport.timing(new ReportModel.Timing(1, 0.25, 2.5, 10_000.0)));
        assertEquals("no samples", MarkdownReport.timing(ReportModel.Timing.NONE));
    }
}
