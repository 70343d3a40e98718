package io.omdprt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The recovery-service keys: {@code rts:} per feed (off by default) and {@code realtime:} on refresh channels. */
class RecoveryConfigTest {
    private static String feed(String rts, String refreshExtra) {
        return String.join("\n",
                "feeds:",
                "  - name: f",
                "    protocol: omd-c",
                "    interface: 127.0.0.1",
                "    channels:",
                "      - id: 11",
                "        lines: [ { name: A, group: 239.1.1.1, port: 50001 } ]",
                "      - id: 12",
                "        lines: [ { name: A, group: 239.1.1.3, port: 50001 } ]",
                "      - id: 1011",
                "        kind: refresh",
                refreshExtra,
                "        lines: [ { name: A, group: 239.1.1.2, port: 50001 } ]",
                rts,
                "");
    }

    private static MonitorConfig parse(String yaml) throws ConfigException {
        return new ConfigLoader().parse("test.yaml", yaml);
    }

    @Test
    void rtsIsOffByDefaultAndAFullSectionReadsEveryKey() throws Exception {
        MonitorConfig off = parse(feed("", ""));
        assertNull(off.feeds().get(0).rts());
        assertEquals(ChannelConfig.NO_ID, off.feeds().get(0).channel(1011).realtimeId());

        MonitorConfig on = parse(feed(String.join("\n",
                "    rts:",
                "      primary: 10.1.2.3:51000",
                "      secondary: 10.1.2.4:51000",
                "      username: vendor01",
                "      daily-budget: 20",
                "      connect-timeout: 1s",
                "      logon-timeout: 3s",
                "      reply-timeout: 20s",
                "      modes: [probe, recover-check]",
                "      probe: { channel: 11, every: 10m, messages: 4 }"), "        realtime: 11"));
        RtsConfig r = on.feeds().get(0).rts();
        assertEquals(new InetSocketAddress("10.1.2.3", 51000), r.servers().get(0).address());
        assertEquals("secondary", r.servers().get(1).name());
        assertEquals("vendor01", r.username());
        assertEquals(20, r.dailyBudget());
        assertEquals(Duration.ofSeconds(1), r.connectTimeout());
        assertEquals(Duration.ofSeconds(3), r.logonTimeout());
        assertEquals(Duration.ofSeconds(20), r.replyTimeout());
        assertEquals(Set.of(RtsConfig.Mode.PROBE, RtsConfig.Mode.RECOVER_CHECK), r.modes());
        assertEquals(11, r.probeChannel());
        assertEquals(Duration.ofMinutes(10), r.probeEvery());
        assertEquals(4, r.probeMessages());
        assertEquals(11, on.feeds().get(0).channel(1011).realtimeId());
    }

    @Test
    void defaultsAreASmallBudgetAndTheSpecTimeouts() throws Exception {
        RtsConfig r = parse(feed("    rts: { primary: 10.1.2.3:51000, username: u }", "")).feeds().get(0).rts();
        assertEquals(50, r.dailyBudget());
        assertEquals(1, r.servers().size());
        assertEquals(Duration.ofSeconds(5), r.logonTimeout());
        assertEquals(Set.of(RtsConfig.Mode.RECOVER_CHECK), r.modes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rts: { primary: rts.hkex:51000, username: u }|feeds[0].rts.primary|expected an RTS server as IPv4-address:port",
        "rts: { primary: 10.1.2.3, username: u }|feeds[0].rts.primary|expected an RTS server as IPv4-address:port",
        "rts: { primary: 10.1.2.3:1, secondary: 10.1.2.3:1, username: u }|feeds[0].rts.secondary|expected another server than the primary",
        "rts: { primary: 10.1.2.3:1, username: thirteen-char }|feeds[0].rts.username|expected 1 to 12 printable ASCII characters",
        "rts: { primary: 10.1.2.3:1, username: u, daily-budget: 1001 }|feeds[0].rts.daily-budget|expected an integer 1..1000",
        "rts: { primary: 10.1.2.3:1, username: u, logon-timeout: 1h }|feeds[0].rts.logon-timeout|expected a duration",
        "rts: { primary: 10.1.2.3:1, username: u, modes: [fix] }|feeds[0].rts.modes|expected a list of probe, recover-check",
        "rts: { primary: 10.1.2.3:1, username: u, modes: [probe] }|feeds[0].rts.probe|missing; expected probe:",
        "rts: { primary: 10.1.2.3:1, username: u, modes: [probe], probe: { channel: 1011 } }|feeds[0].rts.probe.channel|RTS serves no refresh channel",
        "rts: { primary: 10.1.2.3:1, username: u, probe: { channel: 11 } }|feeds[0].rts.probe|expected only with probe among the modes",
        "rts: { primary: 10.1.2.3:1, username: u, logout: yes }|feeds[0].rts.logout|unknown key",
    })
    void everyRtsKeyIsValidated(String rts, String keyPath, String expectation) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(feed("    " + rts, "")));
        assertEquals(keyPath, e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().contains(expectation), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.yaml: " + keyPath + ": "), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "realtime: 99|feeds[0].channels[2].realtime|expected the ChannelID of a real-time channel of feed f, got 99 (no such channel)",
        "realtime: 1011|feeds[0].channels[2].realtime|(a refresh channel)",
        "realtime: x|feeds[0].channels[2].realtime|expected an integer 0..65535",
    })
    void theRefreshMappingNamesARealTimeChannel(String extra, String keyPath, String expectation) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(feed("", "        " + extra)));
        assertEquals(keyPath, e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().contains(expectation), e.getMessage());
    }

    @Test
    void realtimeOnlyOnARefreshChannel() {
        String yaml = feed("", "").replace("      - id: 12\n", "      - id: 12\n        realtime: 11\n");
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertEquals("feeds[0].channels[1].realtime", e.keyPath(), e.getMessage());
    }
}
