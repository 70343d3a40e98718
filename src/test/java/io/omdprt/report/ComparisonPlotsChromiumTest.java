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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare's HTML overlays the two windows' plots and they render in headless Chromium, not blank:
 * a baseline at 100 messages/s with a line gap against a current window at 200 messages/s with a
 * line outage, a skew (line B held back) and real loss. Each of the three plots of the channel has
 * both windows' series on one time axis (the baseline's dashed, each figure in one colour) and both
 * windows' marks; the screenshot shows the baseline's dashed rate line apart from the current's solid one.
 */
class ComparisonPlotsChromiumTest {
    private static final int BLUE = 0x1a73e8;

    @Test
    void theTwoWindowsArePlottedOverlaidInChromium(@TempDir Path dir) throws Exception {
        Path chromium = ExternalTool.require("chromium", "chromium");
        ReportModel baseline = onlySp11(SimCaptures.run(SimCaptures.demo(), dir.resolve("b.pcap"), 5, 150, 100, List.of(
                SimCaptures.fault(40, FaultType.DROP, "omdc-sp", "11", "A", 5, null))).report());
        ReportModel current = onlySp11(SimCaptures.run(SimCaptures.demo(), dir.resolve("c.pcap"), 5, 150, 200, List.of(
                SimCaptures.fault(30, FaultType.LINE_DOWN, "omdc-sp", "11", "A", 0, Duration.ofSeconds(10)),
                SimCaptures.fault(65, FaultType.DELAY, "omdc-sp", "11", "B", 0, Duration.ofSeconds(40)).withDelay(Duration.ofMillis(30)),
                SimCaptures.fault(120, FaultType.DROP, "omdc-sp", "11", null, 20, null))).report());
        Comparison.Result result = Comparison.compare("baseline", baseline, "current", current, Comparison.defaults());
        Path html = ComparisonReport.write(result, baseline, current, dir.resolve("cmp")).get(2);
        String url = html.toUri().toString();

        ExternalTool.Result dom = ExternalTool.run(HtmlReportChromiumTest.chromium(chromium, dir.resolve("p1"), "--dump-dom", url), null, 120);
        assertEquals(0, dom.exitCode(), dom.output());
        List<String> plots = svgs(dom.output());
        assertEquals(List.of("rate", "burst", "percentiles"), plots.stream().map(ComparisonPlotsChromiumTest::kind).toList());
        for (String plot : plots) {
            String kind = kind(plot);
            String figure = switch (kind) {
                case "rate" -> "messages/s";
                case "burst" -> "line B";
                default -> "skew p99";
            };
            String b = series(plot, figure + " (baseline)");
            String c = series(plot, figure + " (current)");
            assertTrue(b.contains("stroke-dasharray") && !c.contains("stroke-dasharray"), kind + ": the baseline dashed, the current solid");
            assertEquals(attribute(b, "stroke"), attribute(c, "stroke"), kind + ": one figure, one colour in both windows");
            assertEquals(3, points(b), kind + ": a baseline point a minute (2.5 minutes)");
            assertEquals(3, points(c), kind + ": a current point a minute");
            assertEquals(1, HtmlReportChromiumTest.count(plot, "class=\"mark gap baseline\""), kind + ": the baseline's line gap");
            assertEquals(1, HtmlReportChromiumTest.count(plot, "class=\"mark outage\""), kind + ": the current's line outage");
            assertEquals(1, HtmlReportChromiumTest.count(plot, "class=\"mark loss\""), kind + ": the current's real loss");
            assertTrue(plot.contains(">- - baseline<") && plot.contains(">— current<"), kind + ": the legend's key to the windows");
        }
        assertEquals(5, HtmlReportChromiumTest.count(plots.get(2), "<text class=\"legend\""),
                "skew p50, p99, p99.9, latency A and B p99: each once in the legend, however many windows");
        assertEquals(2, HtmlReportChromiumTest.count(plots.get(2), "<text class=\"legend window-key\""));

        Path png = dir.resolve("shot.png");
        ExternalTool.Result shot = ExternalTool.run(HtmlReportChromiumTest.chromium(chromium, dir.resolve("p2"), "--screenshot=" + png,
                "--window-size=1100,2200", "--hide-scrollbars", url), null, 120);
        assertTrue(Files.exists(png), "screenshot written: " + shot.output());
        BufferedImage image = ImageIO.read(png.toFile());
        // the rate plot is the first with blue: its solid line (current, 200/s, along the top of the plot from +1:00 to +2:30:
        // 528 px) above its dashed one (baseline, 100/s, as long in 6 px dashes), half the plot's 128 px lower
        int solid = -1;
        int dashed = -1;
        for (int y = 0; y < image.getHeight() && (solid < 0 || dashed < 0); y++) {
            int[] run = blueRow(image, y);
            if (solid < 0 && run[0] > 450 && run[1] < 10) {
                solid = y;
            } else if (solid >= 0 && dashed < 0 && run[0] > 250 && run[1] > 40) {
                dashed = y;
            }
        }
        assertTrue(solid > 0, "the current's solid rate line is painted");
        assertTrue(dashed > 0, "the baseline's dashed rate line is painted");
        assertEquals(64, dashed - solid, 2, "the baseline's line at half the current's rate, on the same axis");
        assertTrue(HtmlReportChromiumTest.pixels(image, 0xe8710a) > 300, "line B's 1 ms peak and the skew p99 (orange) are painted");
        assertTrue(HtmlReportChromiumTest.pixels(image, 0xa50e0e) > 50, "the loss marks are painted");
        assertTrue(HtmlReportChromiumTest.pixels(image, 0xf29900) > 50, "the line gap marks are painted");
    }

    /** Only omdc-sp/11, the channel with the faults, so the screenshot shows its plots. */
    private static ReportModel onlySp11(ReportModel r) {
        ReportModel.Feed sp = r.feeds().get(0);
        return new ReportModel(r.window(), r.monitor(), r.verdict(), r.reasons(), r.dr(),
                List.of(new ReportModel.Feed(sp.name(), sp.verdict(), List.of(SimCaptures.channel(r, "omdc-sp", "11")))), r.capture());
    }

    private static List<String> svgs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg class=\"plot .*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String kind(String svg) {
        return svg.substring("<svg class=\"plot ".length(), svg.indexOf('"', "<svg class=\"plot ".length()));
    }

    /** The path element of a series. */
    private static String series(String svg, String name) {
        Matcher m = Pattern.compile("<path class=\"series\" data-series=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(svg);
        assertTrue(m.find(), "series " + name + " in " + svg);
        return m.group();
    }

    private static String attribute(String element, String name) {
        Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(element);
        assertTrue(m.find(), name + " of " + element);
        return m.group(1);
    }

    private static int points(String path) {
        return attribute(path, "d").split("[ML]").length - 1;
    }

    /** A row's blue pixels, and how many separate runs they form (a dashed line: many). */
    private static int[] blueRow(BufferedImage image, int y) {
        int pixels = 0;
        int runs = 0;
        boolean in = false;
        for (int x = 0; x < image.getWidth(); x++) {
            int p = image.getRGB(x, y);
            int dr = ((p >> 16) & 0xFF) - (BLUE >> 16);
            int dg = ((p >> 8) & 0xFF) - ((BLUE >> 8) & 0xFF);
            int db = (p & 0xFF) - (BLUE & 0xFF);
            boolean blue = dr * dr + dg * dg + db * db < 300;
            pixels += blue ? 1 : 0;
            runs += blue && !in ? 1 : 0;
            in = blue;
        }
        return new int[] {pixels, runs};
    }
}
