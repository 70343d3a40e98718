package io.omdprt.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The name extraction the consistency checks rely on. */
class PromQlNamesTest {
    @Test
    void metricsAndMatcherLabelsAreTold() {
        PromQlNames n = PromQlNames.of("histogram_quantile(0.99, sum by (le, feed) (rate(omd_feed_latency_seconds_bucket"
                + "{instance=~\"a|b\", feed!=\"x\"}[5m:1m] offset 1h)))");
        assertEquals(List.of(new PromQlNames.Selector("omd_feed_latency_seconds_bucket", List.of("instance", "feed"))), n.selectors());
        assertEquals(Set.of("le", "feed"), n.groupingLabels());
    }

    @Test
    void keywordsFunctionsNumbersAndStringsAreNotMetrics() {
        PromQlNames n = PromQlNames.of("(time() - omd_line_last_packet_timestamp_seconds) * on (instance) group_left (site) "
                + "(max without (window) (omd_prt_window_active) == bool 1e-3) or vector(0) unless absent(up{job=\"sum\"}) # up");
        assertEquals(List.of("omd_line_last_packet_timestamp_seconds", "omd_prt_window_active", "up"),
                n.selectors().stream().map(PromQlNames.Selector::metric).toList());
        assertEquals(Set.of("instance", "site", "window"), n.groupingLabels());
        assertEquals(List.of("job"), n.selectors().get(2).matcherLabels());
    }

    @Test
    void aSelectorByNameMatcher() {
        assertEquals(List.of(new PromQlNames.Selector("up", List.of("job"))),
                PromQlNames.of("{__name__=\"up\", job='x'}").selectors());
    }
}
