package io.omdprt.analyze;

import static io.omdprt.pcap.Frames.address;
import static io.omdprt.pcap.Frames.ethernet;
import static io.omdprt.pcap.Frames.ipv4;
import static io.omdprt.pcap.Frames.ipv4Udp;
import static io.omdprt.pcap.Frames.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.event.ChannelCounts;
import io.omdprt.event.Gap;
import io.omdprt.event.Located;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Outage;
import io.omdprt.event.Sequence;
import io.omdprt.event.Where;
import io.omdprt.pcap.Captures;
import io.omdprt.pcap.Frames;
import io.omdprt.pcap.Ipv4;
import io.omdprt.pcap.LinkType;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.report.ReportModel;
import io.omdprt.report.ReportWriter;
import io.omdprt.testing.TestConfigs;
import io.omdprt.track.LineCounter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-built captures through the analyzer: what is skipped or unknown is counted and listed, and the
 * trackers run on capture time (started at the first datagram, ticked every check interval).
 * The config: channels 1 and 2 of feed f, lines A and B, stale after 1 s, ticks every 20 ms.
 */
class CaptureAnalyzerTest {
    private static final long T0 = 1_704_502_800_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final int SOURCE = address(10, 0, 0, 1);

    @TempDir
    Path dir;

    private final MonitorConfig config = TestConfigs.loopback("", 2, false);
    private final Captures.Classic capture = new Captures.Classic(ByteOrder.LITTLE_ENDIAN, true, LinkType.ETHERNET);
    private final PacketEncoder encoder = new PacketEncoder();
    private final UnsafeBuffer packet = new UnsafeBuffer(new byte[1500]);

    CaptureAnalyzerTest() throws Exception {
    }

    private LineConfig line(int channel, int line) {
        return config.feeds().get(0).channels().get(channel - 1).lines().get(line);
    }

    /** An OMD packet of {@code count} messages from {@code seq}. */
    private byte[] data(long seq, int count) {
        encoder.begin(packet, 0, seq, 0);
        for (int i = 0; i < count; i++) {
            encoder.message(40, 12);
        }
        byte[] b = new byte[encoder.finish()];
        packet.getBytes(0, b);
        return b;
    }

    private byte[] to(LineConfig line, byte[] payload) {
        return ethernet(ipv4Udp(SOURCE, Ipv4.toInt(line.group()), 40_000, line.port(), payload));
    }

    private void record(long nanos, byte[] frame) {
        capture.record(nanos / 1_000_000_000L, nanos % 1_000_000_000L, frame);
    }

    private Analysis analyze() throws Exception {
        return Analyses.analyze(config, Captures.write(dir, "c.pcap", capture.bytes()));
    }

    @Test
    void skippedFramesAndUnknownDestinationsAreCountedAndListedInEveryForm() throws Exception {
        LineConfig a = line(1, 0);
        int group = Ipv4.toInt(a.group());
        record(T0, to(a, data(1, 3)));
        record(T0 + MS, to(line(1, 1), data(1, 3)));
        record(T0 + 2 * MS, ethernet(ipv4(Frames.UDP, Frames.MORE_FRAGMENTS, SOURCE, group, udp(40_000, a.port(), data(4, 1)))));
        byte[] cut = to(a, data(4, 1));
        capture.record(T0 / 1_000_000_000L, 3 * MS, cut, cut.length - 10);
        record(T0 + 4 * MS, ethernet(ipv4(Frames.TCP, 0, SOURCE, group, new byte[20])));
        record(T0 + 5 * MS, ethernet(new byte[40], Frames.IPV6));
        for (int i = 0; i < 3; i++) {
            record(T0 + (6 + i) * MS, ethernet(ipv4Udp(SOURCE, address(239, 9, 9, 9), 1, 1_234, new byte[16])));
        }
        record(T0 + 9 * MS, ethernet(ipv4Udp(SOURCE, address(10, 0, 0, 5), 1, 53, new byte[16])));
        record(T0 + 10 * MS, to(line(2, 0), data(1, 2)));

        Analysis analysis = analyze();
        ReportModel.Capture c = analysis.capture();
        assertEquals(11, c.packetsRead());
        assertEquals(3, c.datagramsAnalysed());
        Map<String, Long> skipped = new LinkedHashMap<>();
        for (String reason : List.of("snaplen_cut", "ip_fragment", "not_ipv4", "not_udp", "malformed_link_header",
                "malformed_ipv4_header", "malformed_udp_header", "unsupported_link_type", "unsupported_pcapng_block")) {
            skipped.put(reason, reason.equals("snaplen_cut") || reason.equals("ip_fragment") || reason.equals("not_ipv4")
                    || reason.equals("not_udp") ? 1L : 0L);
        }
        assertEquals(skipped, c.skipped());
        assertEquals(4, c.unknownDatagrams());
        assertEquals(2, c.unknownDestinations());
        assertEquals(List.of(new ReportModel.Destination("239.9.9.9:1234", 3), new ReportModel.Destination("10.0.0.5:53", 1)),
                c.topUnknownDestinations());
        assertEquals(Instant.ofEpochSecond(0, T0).toString(), c.first());
        assertEquals(Instant.ofEpochSecond(0, T0 + 10 * MS).toString(), c.last());
        assertTrue(c.complete());
        assertEquals(1, analysis.channels().channels().get(0).tracker().line(0).get(LineCounter.PACKETS),
                "the fragment and the cut frame never reach the tracker");

        ReportModel report = AnalysisReport.build(config, null, List.of("c.pcap"), analysis, Instant.now());
        ReportWriter.Written written = ReportWriter.write(report, dir.resolve("report"));
        assertEquals(c, ReportWriter.readJson(written.json()).capture(), "the JSON has the capture section");
        String md = Files.readString(written.markdown());
        for (String row : List.of("| ip_fragment | 1 |", "| snaplen_cut | 1 |", "| not_ipv4 | 1 |", "| not_udp | 1 |",
                "| 239.9.9.9:1234 | 3 |", "| 10.0.0.5:53 | 1 |", "| packets read | 11 |", "| datagrams analysed | 3 |")) {
            assertTrue(md.contains(row), row + " in\n" + md);
        }
        String html = Files.readString(written.html());
        for (String cell : List.of("<td>ip_fragment</td><td>1</td>", "<td>239.9.9.9:1234</td><td>3</td>",
                "<td>10.0.0.5:53</td><td>1</td>", "<h2 id=\"capture\">Capture</h2>")) {
            assertTrue(html.contains(cell), cell);
        }
    }

    @Test
    void trackersRunOnCaptureTimeFromTheFirstDatagram() throws Exception {
        // Channel 1: one message every 100 ms on both lines, line B silent from 1.0 s to 3.0 s. Channel 2: nothing.
        for (int n = 0; n <= 40; n++) {
            long t = T0 + n * 100 * MS;
            record(t, to(line(1, 0), data(n + 1, 1)));
            if (n <= 10 || n >= 30) {
                record(t + MS, to(line(1, 1), data(n + 1, 1)));
            }
        }
        List<String> events = events(analyze());
        assertEquals(List.of(
                "line_down f/2 A at +1.000 since +0.000",
                "line_down f/2 B at +1.000 since +0.000",
                "channel_down f/2 at +1.000 since +0.000",
                "line_down f/1 B at +2.020 since +1.001",
                "line_up f/1 B at +3.001 since +1.001 for 2.000 s",
                "line_gap f/1 B at +3.001 12..30"), events,
                "down at the first 20 ms tick after 1 s of silence; the outage from the last datagram to the next");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void yearsOfSilenceAreNotTickedThroughOneByOne() throws Exception {
        long later = T0 + 10L * 365 * 24 * 3600 * 1_000 * MS;
        record(T0, to(line(1, 0), data(1, 1)));
        record(later, to(line(1, 0), data(2, 1)));
        List<String> events = events(analyze());
        assertEquals(List.of(
                "line_down f/1 A at +1.000 since +0.000",
                "line_down f/1 B at +1.000 since +0.000",
                "channel_down f/1 at +1.000 since +0.000",
                "line_down f/2 A at +1.000 since +0.000",
                "line_down f/2 B at +1.000 since +0.000",
                "channel_down f/2 at +1.000 since +0.000",
                "line_up f/1 A at +315360000.000 since +0.000 for 315360000.000 s",
                "channel_up f/1 at +315360000.000 since +0.000 for 315360000.000 s"), events);
    }

    /** Outage and gap events, times in seconds from T0. */
    private static List<String> events(Analysis analysis) {
        return analysis.events().stream().filter(e -> !(e instanceof Sequence.Reset || e instanceof ChannelCounts || e instanceof Outage.Receiving))
                .map(CaptureAnalyzerTest::describe).toList();
    }

    private static String describe(MonitorEvent e) {
        Where w = ((Located) e).where();
        String s = e.type().label() + " " + w.feed() + "/" + w.channel() + (w instanceof Where.Line l ? " " + l.line() : "") + " at "
                + seconds(e.time());
        if (e instanceof Gap g) {
            return s + " " + g.missing();
        } else if (e instanceof Outage.Down d) {
            return s + " since " + seconds(d.lastArrival());
        } else if (e instanceof Outage.Up u) {
            return s + " since " + seconds(u.outageStart()) + String.format(java.util.Locale.ROOT, " for %.3f s", u.seconds());
        } else if (e instanceof Sequence.Jump j) {
            return s + " since " + seconds(j.firstSeen());
        } else if (e instanceof Sequence.Restart r) {
            return s + " since " + seconds(r.firstSeen());
        }
        throw new AssertionError("not described: " + e);
    }

    private static String seconds(Instant t) {
        long nanos = (t.getEpochSecond() * 1_000_000_000L + t.getNano()) - T0;
        return String.format(java.util.Locale.ROOT, "+%.3f", nanos / 1e9);
    }
}
