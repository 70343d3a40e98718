package io.omdprt.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.net.MulticastSender;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.ExternalTool;
import io.omdprt.testing.Http;
import io.omdprt.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** {@code promtool check metrics} accepts a real scrape of a monitor that has seen traffic. */
class PromtoolCheckMetricsTest {
    @Test
    void realScrapePassesPromtool() throws Exception {
        Path promtool = ExternalTool.require("promtool", "prometheus");
        MonitorConfig config = TestConfigs.loopback("", 1, false, true); // with a refresh channel: its families are checked too
        try (MulticastSender sender = MulticastSender.loopback(); Monitor monitor = Monitor.start(config)) {
            UnsafeBuffer buffer = new UnsafeBuffer(new byte[1500]);
            PacketEncoder encoder = new PacketEncoder();
            LineConfig a = config.feeds().get(0).channels().get(0).lines().get(0);
            for (long seq = 1; seq <= 20; seq += 2) {
                encoder.begin(buffer, 0, seq, System.currentTimeMillis() * 1_000_000L);
                encoder.message(50, 32);
                sender.send(buffer.byteArray(), encoder.finish(), a.groupAddress());
            }
            Eventually.await(Duration.ofSeconds(10), () ->
                    Http.scrape(monitor.httpPort()).value("omd_line_gaps_total", "channel", "1", "line", "A") == 9 ? null : "gaps not yet 9");
            String scrape = Http.get(monitor.httpPort(), "/metrics").body();
            ExternalTool.Result result = ExternalTool.run(List.of(promtool.toString(), "check", "metrics"), scrape, 60);
            assertEquals(0, result.exitCode(), "promtool check metrics:\n" + result.output());
            assertTrue(scrape.contains("omd_feed_latency_seconds_bucket"), "histograms are in the checked scrape");
            assertTrue(scrape.contains("omd_refresh_interval_seconds_bucket"), "the refresh families are in the checked scrape");
        }
    }
}
