package io.omdprt.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import io.omdprt.event.ChannelCounts;
import io.omdprt.event.DrStatus;
import io.omdprt.event.EventType;
import io.omdprt.event.Gap;
import io.omdprt.event.Host;
import io.omdprt.event.Lifecycle;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Outage;
import io.omdprt.event.Refresh;
import io.omdprt.event.Rts;
import io.omdprt.event.SeqRange;
import io.omdprt.event.Sequence;
import io.omdprt.event.TrackerEvents;
import io.omdprt.event.Where;
import io.omdprt.event.WindowEvent;
import io.omdprt.model.ChannelSet;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.report.JournalReports;
import io.omdprt.report.ReportBuilder;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.LineTracker;
import io.omdprt.track.TrackerListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The journal as the code before the sealed events wrote it (commit d2822bf, every event type, under
 * src/test/resources/journal-d2822bf) still reads, each line as the record it is, and writing those
 * records gives the same lines byte for byte. The tracker events of the fixture were made by
 * TrackerEvents from real trackers; the same callbacks still make the same lines.
 */
class EventCodecTest {
    private static final Path FIXTURE = Path.of("src/test/resources/journal-d2822bf");
    private static final Where.Channel SS1 = new Where.Channel("omdc-ss", "1");
    private static final Where.Channel REFRESH = new Where.Channel("omdc-ss", "1001");
    private static final Where.Channel DR = new Where.Channel("omdc-ss", "dr");
    private static final Where.Line A = new Where.Line("omdc-ss", "1", "A", "primary");
    private static final Where.Line B = new Where.Line("omdc-ss", "1", "B", "primary");
    private static final Where.Line DR_A = new Where.Line("omdc-sp", "11", "DR-A", "dr");

    private static Instant t(String time) {
        return Instant.parse("2026-12-05T" + time + "Z");
    }

    private static List<String> lines() throws Exception {
        return Files.readAllLines(FIXTURE.resolve("events-2026-12-05.jsonl"), StandardCharsets.UTF_8);
    }

    /** What each line of the fixture is, in its order. */
    private static List<MonitorEvent> expected(List<String> lines) throws Exception {
        MonitorConfig config = new ConfigLoader().load(Path.of("config/hkex-prt-example.yaml"));
        Map<String, Long> requestCounts = new LinkedHashMap<>();
        requestCounts.put("requested", 4L);
        requestCounts.put("received", 4L);
        requestCounts.put("intact", 4L);
        requestCounts.put("compared", 0L);
        requestCounts.put("mismatched", 0L);
        requestCounts.put("malformed", 0L);
        requestCounts.put("response_ms", 12L);
        Map<String, Long> noResponse = new LinkedHashMap<>(requestCounts);
        noResponse.replaceAll((k, v) -> 0L);
        noResponse.put("requested", 10L);
        return List.of(
                new Lifecycle.Start(t("01:00:00"), JournalReports.startDetail("vendor-hk-01", "primary", "1.4.0-test",
                        "config/hkex-prt-example.yaml", config.liveness().staleAfter(), "Asia/Hong_Kong", ReportBuilder.LineRef.allOf(config))),
                new Lifecycle.Alive(t("01:00:01.000123")),
                new WindowEvent.Start(t("01:01:00.012345678"), "prt1", t("01:01:00"), Optional.of(t("04:10:00")),
                        Optional.of("PRT 1: primary network, primary site")),
                new WindowEvent.Start(t("01:01:01"), "rehearsal", t("01:01:01"), Optional.empty(), Optional.of("")),
                counts(lines.get(4), SS1),
                counts(lines.get(5), DR),
                new Gap.OnLine(t("01:01:04.004158845"), A, new SeqRange(1001, 1050)),
                new Gap.OnLine(t("01:01:04.006158844"), DR_A, new SeqRange(7, 7)),
                new Gap.Arbitrated(t("01:01:04.264158845"), SS1, new SeqRange(2001, 2004), t("01:01:04.014158844")),
                new Outage.Down(t("01:01:09.304158844"), B, t("01:01:04.304158844")),
                new Outage.Up(t("01:01:16.649837745"), B, t("01:01:04.304158844")),
                new Outage.Receiving(t("01:01:17.004158844"), A),
                new Outage.Down(t("01:01:23.004158844"), SS1, t("01:01:18.004158844")),
                new Outage.Up(t("01:01:24.504158844"), SS1, t("01:01:18.004158844")),
                new Sequence.Reset(t("01:01:25.004158844"), A, 1),
                new Sequence.Stray(t("01:01:26.004158844"), B, 999_999, 3),
                new Sequence.Stray(t("01:01:26.104158844"), B, 888_888, 0),
                new Sequence.Jump(t("01:01:27.254158844"), SS1, 5000, 900_000, t("01:01:27.004158844")),
                new Sequence.Restart(t("01:01:28.254158844"), SS1, 900_100, 1, t("01:01:28.004158844")),
                new DrStatus(t("01:01:29.004158844"), DR, 1, 0),
                new DrStatus(t("01:01:29.504158844"), DR, 2, 1),
                new Refresh.Unusable(t("01:01:30.004158844"), REFRESH, new SeqRange(40, 41), 1),
                new Refresh.Ahead(t("01:01:31.004158844"), REFRESH, 510, 505),
                new Refresh.Decreased(t("01:01:32.004158844"), REFRESH, 470, 480),
                new Refresh.Stall(t("01:01:33.004158844"), REFRESH, t("01:01:24.004158844"), 1999,
                        "no Refresh Complete for 9.000 s (typical interval 2.000 s)"),
                new Refresh.Resumed(t("01:01:35.238726735"), REFRESH, t("01:01:24.004158844")),
                new Host.SocketDrops(t("01:01:36.004158844"), A, 17, 5),
                new Host.RpFilterDrops(t("01:01:37.004158844"), 12, 4),
                new Host.InterfaceChanged(t("01:01:38.004158844"), "eth1", 9, 4),
                new Host.InterfaceDown(t("01:01:39.004158844"), "eth1", OptionalLong.of(9), "interface eth1 no carrier"),
                new Host.InterfaceDown(t("01:01:39.504158844"), "eth2", OptionalLong.empty(), "interface eth2 absent"),
                new Host.InterfaceUp(t("01:01:40.004158844"), "eth1", 9),
                new Host.MembershipMissing(t("01:01:41.004158844"), B, "eth1", "group 239.100.2.1 is not joined on eth1"),
                new Host.LineRejoined(t("01:01:42.004158844"), B, "eth1", "joined 239.100.2.1 again on eth1 (membership missing)"),
                new Rts.Logon(t("01:01:43.004158844"), "omdc-ss", OptionalLong.of(0), 0.003456789, "rts-1 (127.0.0.1:18000): session active"),
                new Rts.Logon(t("01:01:43.104158844"), "omdc-ss", OptionalLong.empty(), 2.0, "rts-2 (127.0.0.1:18001): no response to the logon"),
                new Rts.Request(t("01:01:44.004158844"), SS1, new SeqRange(2001, 2004), 0.01525, OptionalLong.of(0),
                        "recover: RetransStatus 0 (request accepted); recovered 4 of 4 in 15 ms", requestCounts),
                new Rts.Request(t("01:01:44.504158844"), SS1, new SeqRange(100, 109), 0.0, OptionalLong.empty(), "probe: no response",
                        noResponse),
                new Rts.NotTried(t("01:01:45.004158844"), REFRESH, Optional.of(new SeqRange(40, 41)),
                        "recover: RTS serves real-time channels only"),
                new Rts.NotTried(t("01:01:46.004158844"), SS1, Optional.empty(), "probe: no message received on the channel yet"),
                new WindowEvent.End(t("01:01:47.004158844"), "rehearsal", t("01:01:01"), t("01:01:47.004158844")),
                new WindowEvent.End(t("04:10:00"), "prt1", t("01:01:00"), t("04:10:00")),
                new Lifecycle.Stop(t("04:10:00.005")));
    }

    /** A counters line's record: its counters and histograms as the JSON has them. */
    private static ChannelCounts counts(String line, Where.Channel where) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode node = json.readTree(line);
        Map<String, Long> counts = json.convertValue(node.get("counts"), new TypeReference<Map<String, Long>>() { });
        Map<String, String> hist = node.has("hist") ? json.convertValue(node.get("hist"), new TypeReference<Map<String, String>>() { })
                : Map.of();
        return new ChannelCounts(Instant.parse(node.get("time").asText()), where, counts, hist);
    }

    @Test
    void aJournalOfTheCodeBeforeReadsAsTheRecordsAndWritesBackByteForByte() throws Exception {
        List<String> lines = lines();
        List<MonitorEvent> expected = expected(lines);
        assertEquals(expected.size(), lines.size());
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (int i = 0; i < lines.size(); i++) {
            MonitorEvent e = EventCodec.decode(lines.get(i));
            assertEquals(expected.get(i), e, "line " + (i + 1));
            assertEquals(lines.get(i), new String(EventCodec.encode(e), StandardCharsets.UTF_8), "line " + (i + 1) + " written back");
            types.add(e.type());
        }
        assertEquals(EnumSet.allOf(EventType.class), types, "every type is in the fixture");
        assertEquals(5, ((ChannelCounts) expected.get(4)).hist().size(), "the first counters line has its histograms");
        assertEquals(Map.of(), ((ChannelCounts) expected.get(5)).hist(), "the second has none");

        JournalReader.Result read = JournalReader.readAll(FIXTURE);
        assertEquals(0, read.skippedLines());
        assertEquals(expected, read.events(), "the reader gives them in time order, as they were written");
    }

    @Test
    void trackerEventsMakeTheLinesTheyMadeBefore() throws Exception {
        Instant first = t("01:01:04.004158844");
        long n = first.getEpochSecond() * 1_000_000_000L + first.getNano();
        MonitorConfig config = new ConfigLoader().load(Path.of("config/hkex-prt-example.yaml"));
        ChannelSet set = ChannelSet.create(config, TrackerListener.NONE, n);
        ChannelTracker c = channel(set, "omdc-ss", "1");
        ChannelTracker r = channel(set, "omdc-ss", "1001");
        LineTracker a = c.lines().get(0);
        LineTracker b = c.lines().get(1);
        List<String> made = new ArrayList<>();
        TrackerEvents t = new TrackerEvents(e -> {
            try {
                made.add(new String(EventCodec.encode(e), StandardCharsets.UTF_8));
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
        });
        // the calls that made lines 7 to 26 of the fixture
        t.lineGap(a, 1001, 1050, n + 1);
        t.lineGap(channel(set, "omdc-sp", "11").lines().get(2), 7, 7, n + 2_000_000L);
        t.arbitratedGap(c, 2001, 2004, n + 10_000_000L, n + 260_000_001L);
        t.lineDown(b, n + 300_000_000L, n + 5_300_000_000L);
        t.lineUp(b, n + 300_000_000L, n + 12_645_678_901L);
        t.firstArrival(a, n + 13_000_000_000L);
        t.channelDown(c, n + 14_000_000_000L, n + 19_000_000_000L);
        t.channelUp(c, n + 14_000_000_000L, n + 20_500_000_000L);
        t.sequenceReset(a, 1, n + 21_000_000_000L);
        t.strayPacket(b, 999_999, 3, n + 22_000_000_000L);
        t.strayPacket(b, 888_888, 0, n + 22_100_000_000L);
        t.sequenceJump(c, 5000, 900_000, n + 23_000_000_000L, n + 23_250_000_000L);
        t.sequenceRestart(c, 900_100, 1, n + 24_000_000_000L, n + 24_250_000_000L);
        LineTracker drLine = channel(set, "omdc-ss", "dr").lines().get(0);
        t.drStatusChanged(drLine, 0, 1, n + 25_000_000_000L);
        t.drStatusChanged(drLine, 1, 2, n + 25_500_000_000L);
        t.refreshUnusable(r, 40, 41, 1, n + 26_000_000_000L);
        t.refreshLastSeqAhead(r, 510, 505, n + 27_000_000_000L);
        t.refreshLastSeqDecreased(r, 480, 470, n + 28_000_000_000L);
        t.refreshStalled(r, n + 20_000_000_000L, 1_999_600_000L, n + 29_000_000_000L);
        t.refreshResumed(r, n + 20_000_000_000L, n + 31_234_567_891L);
        assertEquals(lines().subList(6, 26), made);
    }

    @Test
    void aLineWithoutTimeOrTypeIsNoEventAndOneWithoutItsFieldsIsNotRead() throws Exception {
        assertNull(EventCodec.decode("{\"type\":\"monitor_alive\"}"));
        assertNull(EventCodec.decode("{\"time\":\"2026-12-05T01:00:00Z\"}"));
        assertThrows(IllegalArgumentException.class,
                () -> EventCodec.decode("{\"time\":\"2026-12-05T01:00:00Z\",\"type\":\"line_gap\",\"feed\":\"f\",\"channel\":\"1\"}"));
        assertThrows(IllegalArgumentException.class, () -> EventCodec.decode("{\"time\":\"2026-12-05T01:00:00Z\",\"type\":\"no_such\"}"));
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> EventCodec.decode("{\"time\":\"2026-12-05T01:00:00Z\",\"type\":\"monitor_alive\",\"unknown\":1}"));
    }

    private static ChannelTracker channel(ChannelSet set, String feed, String label) {
        for (MonitoredChannel m : set.channels()) {
            if (m.feedName().equals(feed) && m.label().equals(label)) {
                return m.tracker();
            }
        }
        throw new AssertionError(feed + "/" + label);
    }
}
