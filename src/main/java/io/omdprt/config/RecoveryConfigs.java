package io.omdprt.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The recovery-service keys of a feed: {@code rts:} and the refresh channels' {@code realtime:}. */
final class RecoveryConfigs {
    private RecoveryConfigs() {
    }

    /** Each refresh channel's {@code realtime:} names a real-time channel of the same feed, each at most once. */
    static void checkRefreshMapping(String feed, List<ChannelConfig> channels, List<Section> sections) throws ConfigException {
        Map<Integer, Integer> mappedBy = new HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            ChannelConfig c = channels.get(i);
            if (c.realtimeId() == ChannelConfig.NO_ID) {
                continue;
            }
            Section s = sections.get(i);
            ChannelConfig target = null;
            for (ChannelConfig other : channels) {
                if (other.id() == c.realtimeId() && other.kind() != ChannelKind.DR) {
                    target = other;
                }
            }
            if (target == null || target.kind() != ChannelKind.REALTIME) {
                throw s.error("realtime", "expected the ChannelID of a real-time channel of feed " + feed + ", got " + c.realtimeId()
                        + (target == null ? " (no such channel)" : " (a " + target.kind().configName() + " channel)"));
            }
            Integer first = mappedBy.putIfAbsent(c.realtimeId(), c.id());
            if (first != null) {
                throw s.error("realtime", "expected each real-time channel refreshed by one refresh channel; " + c.realtimeId()
                        + " is already refreshed by " + first);
            }
        }
    }

    static RtsConfig rts(Section r, String feed, List<ChannelConfig> channels) throws ConfigException {
        List<RtsConfig.Server> servers = new ArrayList<>();
        servers.add(new RtsConfig.Server("primary", address(r, "primary")));
        if (r.has("secondary")) {
            InetSocketAddress secondary = address(r, "secondary");
            if (secondary.equals(servers.get(0).address())) {
                throw r.error("secondary", "expected another server than the primary, got the same " + r.string("secondary"));
            }
            servers.add(new RtsConfig.Server("secondary", secondary));
        }
        String user = r.string("username");
        if (user.length() > 12 || !user.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            throw r.error("username", "expected 1 to 12 printable ASCII characters (the Logon's Username field), got '" + user + "'");
        }
        int budget = r.integer("daily-budget", 1, 1_000, RtsConfig.DEFAULT_BUDGET);
        Duration connect = r.duration("connect-timeout", Duration.ofMillis(100), Duration.ofSeconds(30), RtsConfig.DEFAULT_CONNECT_TIMEOUT);
        Duration logon = r.duration("logon-timeout", Duration.ofMillis(100), Duration.ofSeconds(30), RtsConfig.DEFAULT_LOGON_TIMEOUT);
        Duration reply = r.duration("reply-timeout", Duration.ofMillis(100), Duration.ofMinutes(2), RtsConfig.DEFAULT_REPLY_TIMEOUT);
        Set<RtsConfig.Mode> modes = EnumSet.noneOf(RtsConfig.Mode.class);
        for (String m : r.strings("modes", "probe or recover-check")) {
            RtsConfig.Mode mode = null;
            for (RtsConfig.Mode candidate : RtsConfig.Mode.values()) {
                if (candidate.configName().equals(m)) {
                    mode = candidate;
                }
            }
            if (mode == null) {
                throw r.error("modes", "expected a list of probe, recover-check; got '" + m + "'");
            }
            modes.add(mode);
        }
        if (modes.isEmpty()) {
            modes.add(RtsConfig.Mode.RECOVER_CHECK);
        }
        int probeChannel = ChannelConfig.NO_ID;
        Duration every = RtsConfig.DEFAULT_PROBE_EVERY;
        int probeMessages = RtsConfig.DEFAULT_PROBE_MESSAGES;
        Section probe = r.optionalSection("probe");
        if (probe != null) {
            if (!modes.contains(RtsConfig.Mode.PROBE)) {
                throw r.error("probe", "expected only with probe among the modes");
            }
            probeChannel = probe.integer("channel", 0, 65_535);
            every = probe.duration("every", Duration.ofSeconds(1), Duration.ofHours(24), every);
            probeMessages = probe.integer("messages", 1, 100, probeMessages);
            ChannelConfig target = null;
            for (ChannelConfig c : channels) {
                if (c.id() == probeChannel && c.kind() == ChannelKind.REALTIME) {
                    target = c;
                }
            }
            if (target == null) {
                throw probe.error("channel", "expected the ChannelID of a real-time channel of feed " + feed
                        + " (RTS serves no refresh channel), got " + probeChannel);
            }
            probe.finish();
        } else if (modes.contains(RtsConfig.Mode.PROBE)) {
            throw r.error("probe", "missing; expected probe: { channel: <a real-time ChannelID>, every: 15m, messages: 3 } with mode probe");
        }
        r.finish();
        return new RtsConfig(servers, user, budget, connect, logon, reply, modes, probeChannel, every, probeMessages);
    }

    private static InetSocketAddress address(Section s, String key) throws ConfigException {
        String text = s.string(key);
        int colon = text.lastIndexOf(':');
        InetAddress ip = colon < 0 ? null : ConfigLoader.parseIpv4Literal(text.substring(0, colon));
        int port = -1;
        if (colon > 0 && text.substring(colon + 1).matches("\\d{1,5}")) {
            port = Integer.parseInt(text.substring(colon + 1));
        }
        if (ip == null || ip.isMulticastAddress() || ip.isAnyLocalAddress() || port < 1 || port > 65_535) {
            throw s.error(key, "expected an RTS server as IPv4-address:port such as 10.1.2.3:51000 (no host names), got '" + text + "'");
        }
        return new InetSocketAddress(ip, port);
    }
}
