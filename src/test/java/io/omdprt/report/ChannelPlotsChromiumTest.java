package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.sim.FaultType;
import io.omdprt.sim.SimCaptures;
import io.omdprt.testing.ExternalTool;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window report's per-channel plots render in headless Chromium and are not blank: a simulated
 * capture with a burst, a skew (line B held back) and real loss gives three plots per channel whose
 * series and marks are in the DOM and painted in the screenshot.
 */
class ChannelPlotsChromiumTest {
    @Test
    void plotsAreDrawnInChromium(@TempDir Path dir) throws Exception {
        Path chromium = ExternalTool.require("chromium", "chromium");
        SimCaptures.Analysed run = SimCaptures.run(SimCaptures.demo(), dir.resolve("c.pcap"), 5, 150, 200, List.of(
                SimCaptures.fault(20, FaultType.BURST, "omdc-sp", "11", "A", 200, Duration.ofNanos(500_000)),
                SimCaptures.fault(65, FaultType.DELAY, "omdc-sp", "11", "B", 0, Duration.ofSeconds(40)).withDelay(Duration.ofMillis(30)),
                SimCaptures.fault(120, FaultType.DROP, "omdc-sp", "11", null, 20, null)));
        // only the channel with the faults, so the screenshot shows its plots
        ReportModel r = run.report();
        ReportModel.Feed sp = r.feeds().get(0);
        ReportModel one = new ReportModel(r.window(), r.monitor(), r.verdict(), r.reasons(), r.dr(),
                List.of(new ReportModel.Feed(sp.name(), sp.verdict(), List.of(SimCaptures.channel(r, "omdc-sp", "11")))), r.capture());
        ReportWriter.Written written = ReportWriter.write(one, dir.resolve("report"));
        String url = written.html().toUri().toString();

        ExternalTool.Result dom = ExternalTool.run(HtmlReportChromiumTest.chromium(chromium, dir.resolve("p1"), "--dump-dom", url), null, 120);
        assertEquals(0, dom.exitCode(), dom.output());
        String html = dom.output();
        for (String plot : new String[] {"rate", "burst", "percentiles"}) {
            assertEquals(1, HtmlReportChromiumTest.count(html, "<svg class=\"plot " + plot + "\""), plot);
        }
        assertEquals(1, HtmlReportChromiumTest.count(html, "data-series=\"messages/s\""));
        assertEquals(1, HtmlReportChromiumTest.count(html, "data-series=\"line A\""), "1 ms peak of A");
        assertEquals(1, HtmlReportChromiumTest.count(html, "data-series=\"skew p99\""));
        assertEquals(3, HtmlReportChromiumTest.count(html, "class=\"mark loss\""), "the real loss marked on each plot's time axis");

        Path png = dir.resolve("shot.png");
        ExternalTool.run(HtmlReportChromiumTest.chromium(chromium, dir.resolve("p2"), "--screenshot=" + png, "--window-size=1100,2000", "--hide-scrollbars", url),
                null, 120);
        assertTrue(Files.exists(png), "screenshot written");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(HtmlReportChromiumTest.pixels(image, 0x1a73e8) > 300, "the first series of each plot is painted (blue)");
        assertTrue(HtmlReportChromiumTest.pixels(image, 0xe8710a) > 100, "the second series is painted (orange)");
        assertTrue(HtmlReportChromiumTest.pixels(image, 0xa50e0e) > 50, "the loss marks are painted");
    }
}
