package io.omdprt.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omdprt.testing.Http;
import io.omdprt.testing.TestConfigs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * /metrics keeps to the series budget the README states ("Series budget"): a 2-line channel exports
 * 153 series, 57 a line and 39 for the channel, of which its fixed-bucket histograms take 63 (feed
 * latency per line and A/B skew per channel: 19 buckets, _sum and _count each). A change here is a
 * change of the budget: say it in the README.
 */
class MetricsSeriesBudgetTest {
    private static final String HISTOGRAMS = "^omd_(feed_latency|ab_skew)_seconds_(bucket|sum|count)\\{.*";

    @Test
    void aTwoLineChannelExportsTheStatedSeries() throws Exception {
        try (Monitor monitor = Monitor.start(TestConfigs.twoLines(""))) {
            List<String> channel = Http.get(monitor.httpPort(), "/metrics").body().lines()
                    .filter(l -> !l.startsWith("#") && l.contains("channel=\"1\"")).toList();
            List<String> lineA = channel.stream().filter(l -> l.contains("line=\"A\"")).toList();
            List<String> lineB = channel.stream().filter(l -> l.contains("line=\"B\"")).toList();
            assertEquals(57, lineA.size(), String.join("\n", lineA));
            assertEquals(57, lineB.size());
            assertEquals(39, channel.size() - lineA.size() - lineB.size(), "the channel's own series");
            assertEquals(153, channel.size());
            assertEquals(63, channel.stream().filter(l -> l.matches(HISTOGRAMS)).count(), "histogram series");
            assertEquals(21, lineA.stream().filter(l -> l.matches(HISTOGRAMS)).count(), "a line's latency histogram");
        }
    }
}
