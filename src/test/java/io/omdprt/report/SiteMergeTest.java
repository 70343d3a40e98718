package io.omdprt.report;

import io.omdprt.sim.TwoSites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two receivers of the same window, as two captures ({@link TwoSites}): loss injected at the primary
 * site only, at the DR site only, and at both. The merge says which site lost what, and where each
 * loss points. (SitesCommandTest merges the same runs as journals.)
 */
class SiteMergeTest {
    @TempDir
    Path dir;

    @Test
    void lossAtOneSitePointsAtItsNetworkAndAtBothAtHkex() throws Exception {
        TwoSites.Runs runs = TwoSites.simulate(dir);
        TwoSites.assertMerged(runs, SiteMerge.merge("primary", "p", runs.primary().report(), "dr", "d", runs.dr().report()));
    }
}
