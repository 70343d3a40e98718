package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.event.Gap;
import io.omdprt.event.Lifecycle;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Outage;
import io.omdprt.event.SeqRange;
import io.omdprt.event.Where;
import io.omdprt.testing.ExternalTool;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opens in headless Chromium, and the timeline is really drawn: the rendered DOM
 * has a band per line and a marker per gap, and the screenshot has red (down) and green (up) bands
 * and the gap markers' colours.
 */
class HtmlReportChromiumTest {
    private static final Instant START = Instant.parse("2024-01-06T01:00:00Z");

    static ReportModel sampleReport() {
        List<MonitorEvent> events = new ArrayList<>();
        Where.Line a = new Where.Line("omdc-sp", "11", "A", "primary");
        Where.Line b = new Where.Line("omdc-sp", "11", "B", "primary");
        events.add(new Lifecycle.Start(START.minusSeconds(60), "instance=vendor-hk-01;lines="));
        events.add(new Gap.OnLine(START.plusSeconds(600), a, new SeqRange(100, 149)));
        events.add(new Gap.OnLine(START.plusSeconds(1800), b, new SeqRange(900, 909)));
        events.add(new Gap.Arbitrated(START.plusSeconds(3000), new Where.Channel("omdc-sp", "11"), new SeqRange(2000, 2004),
                START.plusSeconds(3000).minusMillis(250)));
        events.add(new Outage.Down(START.plusSeconds(4005), b, START.plusSeconds(4000)));
        events.add(new Outage.Up(START.plusSeconds(5200), b, START.plusSeconds(4000)));
        List<ReportBuilder.LineRef> lines = List.of(new ReportBuilder.LineRef("omdc-sp", "11", "A", "primary"),
                new ReportBuilder.LineRef("omdc-sp", "11", "B", "primary"), new ReportBuilder.LineRef("omdcc", "31", "A", "primary"),
                new ReportBuilder.LineRef("omdcc", "31", "B", "primary"));
        ReportBuilder.WindowSpec window = new ReportBuilder.WindowSpec("PRT1", START, START.plusSeconds(11_400), "primary network",
                "Asia/Hong_Kong", java.time.Duration.ofSeconds(5));
        return ReportBuilder.build(window, lines, events, START.plusSeconds(20_000), 0);
    }

    static List<String> chromium(Path chromium, Path profile, String... args) {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void timelineIsDrawnInChromium(@TempDir Path dir) throws Exception {
        Path chromium = ExternalTool.require("chromium", "chromium");
        ReportWriter.Written written = ReportWriter.write(sampleReport(), dir.resolve("report"));
        String url = written.html().toUri().toString();

        ExternalTool.Result dom = ExternalTool.run(chromium(chromium, dir.resolve("profile1"), "--dump-dom", url), null, 120);
        assertEquals(0, dom.exitCode(), dom.output());
        String html = dom.output();
        assertEquals(2, count(html, "<svg class=\"timeline\""), "a timeline per channel");
        for (String line : new String[] {"channel", "A", "B"}) {
            assertEquals(2, count(html, "class=\"band up\" data-line=\"" + line + "\""), "an up band for " + line + " in each timeline");
        }
        assertEquals(1, count(html, "class=\"band down\" data-line=\"B\""), "line B's outage");
        assertEquals(2, count(html, "class=\"gap-marker\""), "a marker per line gap");
        assertEquals(1, count(html, "class=\"gap-marker arbitrated\""), "a marker for the real loss");

        Path png = dir.resolve("shot.png");
        ExternalTool.Result shot = ExternalTool.run(chromium(chromium, dir.resolve("profile2"), "--screenshot=" + png,
                "--window-size=1100,1600", "--hide-scrollbars", url), null, 120);
        assertTrue(Files.exists(png), "screenshot written: " + shot.output());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(pixels(image, 0x3aa655) > 10_000, "green up bands are painted");
        assertTrue(pixels(image, 0xd93025) > 500, "the red outage band is painted");
        assertTrue(pixels(image, 0xf29900) > 20, "line gap markers are painted");
        assertTrue(pixels(image, 0xa50e0e) > 10, "the real-loss marker is painted");
    }

    static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Pixels within a small distance of an RGB colour (antialiasing aside). */
    static int pixels(BufferedImage image, int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int dr = ((p >> 16) & 0xFF) - r;
                int dg = ((p >> 8) & 0xFF) - g;
                int db = (p & 0xFF) - b;
                if (dr * dr + dg * dg + db * db < 300) {
                    n++;
                }
            }
        }
        return n;
    }
}
