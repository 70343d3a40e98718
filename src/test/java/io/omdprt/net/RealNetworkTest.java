package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omdprt.sim.GroundTruth;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.MonitorProcess;
import io.omdprt.testing.NetnsRig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor on real (virtual) interfaces: the simulator in one network namespace, the monitor
 * process in another, joined by veth pairs (see {@link NetnsRig}); faults are done to the network,
 * not scripted in the simulator, and every count is checked against the simulator's ground truth.
 * The assertions read the report and status as JSON, so {@code -Dlifecycle.classpath=OLD} runs the
 * same scenarios against an older build.
 */
class RealNetworkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** What one run left behind: the report of its window, the ground truth, the journal records and the monitor's log. */
    private record Run(JsonNode report, GroundTruth truth, List<JsonNode> journal, String log) {
        JsonNode channel() {
            return report.path("feeds").get(0).path("channels").get(0);
        }

        JsonNode line(String name) {
            for (JsonNode l : channel().path("lines")) {
                if (l.path("line").asText().equals(name)) {
                    return l;
                }
            }
            throw new AssertionError("no line " + name + " in " + channel());
        }

        long published() {
            return truth.getChannels().get(0).messagesPublished;
        }

        String reasons() {
            return channel().path("reasons").toString();
        }

        List<JsonNode> events(String type) {
            return journal.stream().filter(r -> type.equals(r.path("type").asText())).toList();
        }

        List<JsonNode> outages(String line) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode o : channel().path("outageList")) {
                if (line == null ? o.path("line").isNull() || o.path("line").isMissingNode() : line.equals(o.path("line").asText())) {
                    out.add(o);
                }
            }
            return out;
        }

        List<JsonNode> gaps(String line) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode g : channel().path("gaps")) {
                if (line == null ? g.path("line").isNull() || g.path("line").isMissingNode() : line.equals(g.path("line").asText())) {
                    out.add(g);
                }
            }
            return out;
        }
    }

    /** Something done to the network while the simulator runs. */
    private interface Faults {
        void during(NetnsRig rig, MonitorProcess monitor, int port) throws Exception;
    }

    /** Monitor, then simulator for {@code seconds}; the faults; the monitor stopped as the simulator ends (within stale-after). */
    private Run run(NetnsRig rig, String extraYaml, String lineYaml, int seconds, int rate, Faults faults) throws Exception {
        rig.writeConfigs(dir, extraYaml, lineYaml);
        String log;
        try (MonitorProcess m = rig.monitor(dir)) {
            int port = m.awaitServing(START);
            Process sim = rig.simulate(dir, Duration.ofSeconds(seconds), rate);
            try {
                // Opened before the simulator's first datagram (its JVM takes a second or two) and less than stale-after
                // before it: the window counts every published message, and no outage at its start.
                rig.openWindow(port, "rig");
                Eventually.await(Duration.ofSeconds(20), () -> Files.exists(dir.resolve("sim.log"))
                        && Files.readString(dir.resolve("sim.log")).contains("SENDING ON A REAL") ? null : "simulator not sending yet");
                faults.during(rig, m, port);
                assertTrue(sim.waitFor(seconds + 30L, TimeUnit.SECONDS), "simulator ended");
                assertEquals(0, sim.exitValue(), Files.readString(dir.resolve("sim.log")));
            } finally {
                sim.destroyForcibly();
            }
            m.stop();
            log = m.log();
        }
        JsonNode report;
        try (Stream<Path> files = Files.walk(dir.resolve("reports"))) {
            Path json = files.filter(p -> p.getFileName().toString().equals("report.json")).findFirst()
                    .orElseThrow(() -> new AssertionError("no report: " + log));
            report = JSON.readTree(json.toFile());
        }
        List<JsonNode> journal = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String l : Files.readAllLines(f)) {
                    journal.add(JSON.readTree(l));
                }
            }
        }
        return new Run(report, GroundTruth.read(dir.resolve("truth.json")), journal, log);
    }

    private static JsonNode status(NetnsRig rig, int port) throws Exception {
        return JSON.readTree(rig.http(port, "/api/status"));
    }

    private static JsonNode statusLine(JsonNode status, String line) {
        for (JsonNode l : status.path("feeds").get(0).path("channels").get(0).path("lines")) {
            if (l.path("name").asText().equals(line)) {
                return l;
            }
        }
        throw new AssertionError("no line " + line + " in " + status);
    }

    /** Waits until line L delivered a datagram in the last 100 ms; returns how long that took. */
    private static long receivingAgainWithin(NetnsRig rig, int port, String line, Duration limit) throws Exception {
        long from = System.nanoTime();
        Eventually.await(limit, Duration.ofMillis(50), () -> {
            JsonNode l = statusLine(status(rig, port), line);
            double age = l.path("lastPacketAgeSeconds").asDouble();
            return age >= 0 && age < 0.1 ? null : "line " + line + " last packet " + age + " s ago";
        });
        return (System.nanoTime() - from) / 1_000_000;
    }

    /** Every message published reached the channel on one line or the other: nothing lost for real. */
    private static void nothingLost(Run r) {
        assertEquals(0, r.channel().path("arbitratedGaps").asLong(), r.reasons());
        assertEquals(r.published(), r.channel().path("messages").asLong(), "every published message delivered: " + r.reasons());
    }

    /** Line L's own account adds up to the ground truth: what it delivered plus what it counted missing. */
    private static void lineAddsUp(Run r, String line) {
        JsonNode l = r.line(line);
        assertEquals(0, l.path("duplicates").asLong());
        long resets = r.truth().getLines().stream().filter(t -> t.line.equals(line)).mapToLong(t -> t.sequenceResets).sum();
        assertEquals(r.published() + resets, l.path("messages").asLong() + l.path("missingMessages").asLong(),
                "line " + line + " (its Sequence Reset counts as a message): " + l);
    }

    @Test
    void aCleanRunOnRealInterfacesPassesAndExportsTheInterfaces() throws Exception {
        try (NetnsRig rig = NetnsRig.create()) {
            String[] metrics = new String[1];
            Run r = run(rig, "", "", 5, 300, (g, m, port) -> {
                Eventually.await(Duration.ofSeconds(10), () -> statusLine(status(g, port), "A").path("packets").asLong() > 0 ? null
                        : "nothing received yet");
                metrics[0] = g.http(port, "/metrics");
            });
            assertEquals("PASS", r.report().path("verdict").asText(), r.report().toString());
            nothingLost(r);
            lineAddsUp(r, "A");
            lineAddsUp(r, "B");
            assertEquals(0, r.line("A").path("gaps").asLong());
            assertEquals(0, r.outages(null).size() + r.outages("A").size() + r.outages("B").size());
            for (String series : List.of("omd_interface_up{interface=\"vveA\"} 1.0", "omd_interface_up{interface=\"vveB\"} 1.0",
                    "omd_interface_changes_total{interface=\"vveA\"} 0.0",
                    "omd_line_membership{channel=\"1\",feed=\"f\",interface=\"vveA\",line=\"A\",site=\"primary\"} 1.0",
                    "omd_preflight_check{check=\"rp_filter\",interface=\"vveA\",result=\"OK\"} 1.0",
                    "omd_preflight_check{check=\"multicast\",interface=\"vveB\",result=\"OK\"} 1.0", "omd_rp_filter_drops_total 0.0")) {
                assertTrue(metrics[0].contains(series), series + " in\n" + metrics[0]);
            }
        }
    }

    @Test
    void aLinkDownShorterThanStaleAfterIsALocalGapCoveredByTheOtherLine() throws Exception {
        try (NetnsRig rig = NetnsRig.create()) {
            Run r = run(rig, "", "", 6, 300, (g, m, port) -> {
                Thread.sleep(1_500);
                g.linkDown("A");
                Thread.sleep(1_000); // shorter than stale-after (3 s)
                g.linkUp("A");
            });
            nothingLost(r);
            lineAddsUp(r, "A");
            assertEquals(0, r.outages("A").size(), "1 s is no outage with stale-after 3 s: " + r.channel());
            List<JsonNode> gaps = r.gaps("A");
            assertEquals(1, gaps.size(), r.channel().toString());
            assertTrue(gaps.get(0).path("local").asText().contains("interface vveA down"), gaps.toString());
            assertEquals("WARN", r.channel().path("verdict").asText());
            assertTrue(r.reasons().contains("covered by another line — local: interface vveA down"), r.reasons());
            assertEquals(1, r.events("interface_down").size());
            assertEquals(1, r.events("interface_up").size());
        }
    }

    @Test
    void aLinkDownLongerThanStaleAfterIsALocalLineOutage() throws Exception {
        try (NetnsRig rig = NetnsRig.create()) {
            long[] downMillis = new long[1];
            Run r = run(rig, "", "", 9, 300, (g, m, port) -> {
                Thread.sleep(1_500);
                long t = System.nanoTime();
                g.linkDown("A");
                Thread.sleep(4_500);
                g.linkUp("A");
                downMillis[0] = (System.nanoTime() - t) / 1_000_000;
            });
            nothingLost(r);
            lineAddsUp(r, "A");
            List<JsonNode> outages = r.outages("A");
            assertEquals(1, outages.size(), r.channel().toString());
            JsonNode o = outages.get(0);
            assertEquals(downMillis[0] / 1e3, o.path("seconds").asDouble(), 0.5, o.toString());
            assertEquals(o.path("seconds").asDouble(), o.path("localSeconds").asDouble(), 0.5, "the outage is local: " + o);
            assertTrue(o.path("local").asText().contains("interface vveA down"), o.toString());
            assertEquals("WARN", r.channel().path("verdict").asText(), "a local line outage stays WARN");
            assertTrue(r.reasons().matches(".*line A down once \\([0-9.]+ s\\) — local: interface vveA down \\([0-9.]+ s of it\\).*"),
                    r.reasons());
        }
    }

    @Test
    void aRecreatedInterfaceIsJoinedAgainWithinTwoSecondsAndTheGapIsLocal() throws Exception {
        try (NetnsRig rig = NetnsRig.create()) {
            long[] back = new long[1];
            Run r = run(rig, "", "", 7, 300, (g, m, port) -> {
                Thread.sleep(1_500);
                g.recreate("A", Duration.ofMillis(1_000));
                back[0] = receivingAgainWithin(g, port, "A", Duration.ofSeconds(2));
            });
            assertTrue(back[0] <= 2_000, "line A receives again " + back[0] + " ms after its interface is back");
            nothingLost(r);
            lineAddsUp(r, "A");
            assertEquals(1, r.events("interface_changed").size(), r.log());
            assertEquals(1, r.events("line_rejoined").stream().filter(e -> e.path("line").asText().equals("A")).count());
            assertEquals(0, r.outages("A").size(), "back within stale-after: a gap, no outage: " + r.channel());
            List<JsonNode> gaps = r.gaps("A");
            assertEquals(1, gaps.size(), r.channel().toString());
            assertTrue(gaps.get(0).path("local").asText().contains("vveA"), gaps.toString());
            assertTrue(r.reasons().contains("— local: interface vveA absent"), r.reasons());
        }
    }

    @Test
    void aLostMembershipIsFoundAndJoinedAgain() throws Exception {
        try (NetnsRig rig = NetnsRig.create()) {
            long[] back = new long[1];
            Run r = run(rig, "", "", 6, 300, (g, m, port) -> {
                Thread.sleep(1_500);
                g.loseMembership("A");
                back[0] = receivingAgainWithin(g, port, "A", Duration.ofSeconds(2));
            });
            assertTrue(back[0] <= 2_000, "line A receives again " + back[0] + " ms after losing its membership");
            nothingLost(r);
            lineAddsUp(r, "A");
            assertEquals(1, r.events("line_rejoined").stream().filter(e -> e.path("line").asText().equals("A")).count(), r.log());
            assertEquals(0, r.events("interface_changed").size(), "the ifindex stays: " + r.log());
            for (JsonNode gap : r.gaps("A")) {
                assertTrue(gap.path("local").isTextual(), "every gap of line A is local: " + gap);
            }
            assertTrue(r.reasons().contains("line A") && r.reasons().contains("— local:"), r.reasons());
        }
    }

    @Test
    void aRateLimitOnTheSendingSideIsUpstreamLossExactlyAsCounted() throws Exception {
        try (NetnsRig rig = NetnsRig.create()) {
            long[] tbf = new long[2];
            long[] stats = new long[2];
            Run r = run(rig, "", "", 5, 600, (g, m, port) -> {
                g.rateLimit("A", "300kbit", "3000");
                Thread.sleep(3_000);
                long[] s = g.rateLimitStats("A");
                stats[0] = s[0];
                stats[1] = s[1];
                g.removeRateLimit("A"); // the run's last messages get through: no trailing loss left unseen
            });
            tbf[0] = stats[0];
            tbf[1] = stats[1];
            assertTrue(tbf[1] > 0, "the token bucket dropped something: " + tbf[0] + " sent, " + tbf[1] + " dropped");
            // Exact against the ground truth (lineAddsUp): what line A delivered plus what it counted missing is what was
            // published. The bucket's own "Sent" is not compared: the bridge floods line B's group through it too.
            assertEquals(0, r.line("A").path("socketDrops").asLong());
            nothingLost(r);
            lineAddsUp(r, "A");
            assertTrue(r.line("A").path("gaps").asLong() > 0);
            for (JsonNode gap : r.gaps("A")) {
                assertTrue(gap.path("local").isMissingNode(), "upstream, not local: " + gap);
            }
            assertEquals("WARN", r.channel().path("verdict").asText());
            assertFalse(r.reasons().contains("local"), r.reasons());
        }
    }

    @Test
    void aReceiveBufferTooSmallForABurstDropsLocally() throws Exception {
        try (NetnsRig rig = NetnsRig.create()) {
            long[] dropped = new long[1];
            Run r = run(rig, "receiver: { receive-buffer: 64KiB }\n", "", 5, 2000, (g, m, port) -> {
                Thread.sleep(1_000);
                // The monitor paused: the kernel fills each socket's 64 KiB and drops the rest of the burst.
                new ProcessBuilder("kill", "-STOP", Long.toString(m.pid())).start().waitFor();
                try {
                    Eventually.await(Duration.ofMillis(1_500), Duration.ofMillis(20), () -> g.socketDrops(NetnsRig.PORT) > 100 ? null
                            : "drops so far: " + g.socketDrops(NetnsRig.PORT));
                } finally {
                    new ProcessBuilder("kill", "-CONT", Long.toString(m.pid())).start().waitFor();
                }
                Thread.sleep(1_000);
                dropped[0] = g.socketDrops(NetnsRig.PORT);
            });
            long reported = r.line("A").path("socketDrops").asLong() + r.line("B").path("socketDrops").asLong();
            assertEquals(dropped[0], reported, "the report has the kernel's own drop count");
            assertEquals(r.published(), r.channel().path("messages").asLong() + r.channel().path("arbitratedMissingMessages").asLong(),
                    "delivered + lost = published");
            assertTrue(r.channel().path("arbitratedGaps").asLong() > 0, r.reasons());
            for (JsonNode gap : r.gaps(null)) {
                assertTrue(gap.path("local").asText().contains("kernel dropped"), "the loss is this host's: " + gap);
            }
            assertEquals("FAIL", r.channel().path("verdict").asText(), "data was lost, ours or not");
            assertTrue(r.reasons().contains("lost on every line") && r.reasons().contains("— local: this host's kernel dropped"),
                    r.reasons());
            assertEquals(0, r.outages(null).size() + r.outages("A").size(), "paused less than stale-after: no outage");
        }
    }

    @Test
    void rpFilterStrictWithASourceTheRouteDoesNotReachIsFoundByPreflightAndAtRuntime() throws Exception {
        try (NetnsRig rig = NetnsRig.create(true)) {
            rig.rpFilterStrict();
            rig.writeConfigs(dir, "", ", source: " + rig.source());
            MonitorProcess.Result pre = MonitorProcess.runIn(rig.in(rig.ve), Duration.ofSeconds(60), "preflight", "--config",
                    dir.resolve("monitor.yaml").toString());
            assertEquals(1, pre.exit(), pre.output());
            assertTrue(pre.output().matches("(?s).*FAIL\\s+rp_filter\\s+vveA .*strict.*192\\.0\\.2\\.129 \\(no route\\).*"), pre.output());
            assertTrue(pre.output().contains("fix: sysctl -w net.ipv4.conf.all.rp_filter=2 net.ipv4.conf.vveA.rp_filter=2"),
                    pre.output());
            Run r = run(rig, "", ", source: " + rig.source(), 5, 300, (g, m, port) -> {
                Eventually.await(Duration.ofSeconds(10), () -> {
                    JsonNode l = statusLine(status(g, port), "A");
                    return l.path("packets").asLong() == 0 && "DOWN".equals(l.path("state").asText()) ? null : "line A: " + l;
                });
            });
            assertEquals(0, r.line("A").path("packets").asLong() + r.line("B").path("packets").asLong(), "the kernel dropped everything");
            assertFalse(r.events("rp_filter_drops").isEmpty(), r.log());
            assertEquals("FAIL", r.channel().path("verdict").asText(), "nothing was received");
            assertTrue(r.reasons().contains("— local: the reverse-path filter (rp_filter) dropped"), r.reasons());
            assertTrue(r.log().contains("preflight FAIL rp_filter vveA"), "the start logs it too: " + r.log());
        }
    }

    @Test
    void preflightReportsEveryCheckWithItsRemedy() throws Exception {
        try (NetnsRig rig = NetnsRig.create()) {
            rig.writeConfigs(dir, "receiver: { receive-buffer: 1MiB }\n", "");
            MonitorProcess.Result clean = MonitorProcess.runIn(rig.in(rig.ve), Duration.ofSeconds(60), "preflight", "--config",
                    dir.resolve("monitor.yaml").toString());
            assertEquals(0, clean.exit(), clean.output());
            for (String check : List.of("exists", "up", "ipv4", "multicast", "rp_filter", "igmp_version")) {
                for (String dev : List.of("vveA", "vveB")) {
                    assertTrue(clean.output().matches("(?s).*OK\\s+" + check + "\\s+" + dev + " .*"), check + " " + dev + ":\n" + clean.output());
                }
            }
            assertTrue(clean.output().matches("(?s).*OK\\s+rmem_max\\s+\\*.*"), clean.output());
            assertTrue(clean.output().matches("(?s).*OK\\s+igmp_max_memberships\\s+\\*.*"), clean.output());
            assertTrue(clean.output().matches("(?s).*(OK|WARN)\\s+clock\\s+\\*.*"), clean.output());

            rig.exec(rig.ve, "ip", "link", "set", "vveA", "multicast", "off");
            rig.sysctl(rig.ve, "net.ipv4.conf.vveA.force_igmp_version=2", "net.ipv4.igmp_max_memberships=0");
            rig.exec(rig.ve, "ip", "addr", "flush", "dev", "vveB");
            rig.linkDown("B");
            rig.writeConfigs(dir, "receiver: { receive-buffer: 1024MiB }\n", ", source: " + rig.source());
            Files.writeString(dir.resolve("monitor.yaml"), Files.readString(dir.resolve("monitor.yaml"))
                    .replace("interface: vveB", "interface: vveC"));
            MonitorProcess.Result broken = MonitorProcess.runIn(rig.in(rig.ve), Duration.ofSeconds(60), "preflight", "--config",
                    dir.resolve("monitor.yaml").toString());
            String out = broken.output();
            assertEquals(1, broken.exit(), out);
            for (String expected : List.of(
                    "FAIL  exists               vveC ", "fix: ip -br link",
                    "FAIL  multicast            vveA ", "fix: ip link set dev vveA multicast on",
                    "FAIL  igmp_version         vveA ", "fix: sysctl -w net.ipv4.conf.vveA.force_igmp_version=0",
                    "WARN  rmem_max             *", "fix: sysctl -w net.core.rmem_max=1073741824",
                    "FAIL  igmp_max_memberships *", "fix: sysctl -w net.ipv4.igmp_max_memberships=20")) {
                assertTrue(out.contains(expected), expected + " in:\n" + out);
            }
            Files.writeString(dir.resolve("monitor.yaml"), Files.readString(dir.resolve("monitor.yaml"))
                    .replace("interface: vveC", "interface: vveB"));
            MonitorProcess.Result down = MonitorProcess.runIn(rig.in(rig.ve), Duration.ofSeconds(60), "preflight", "--config",
                    dir.resolve("monitor.yaml").toString());
            for (String expected : List.of("FAIL  up                   vveB ", "fix: ip link set dev vveB up",
                    "FAIL  ipv4                 vveB ", "fix: ip addr add ADDRESS/PREFIX dev vveB")) {
                assertTrue(down.output().contains(expected), expected + " in:\n" + down.output());
            }
            assertNotEquals(0, down.exit());
        }
    }
}
