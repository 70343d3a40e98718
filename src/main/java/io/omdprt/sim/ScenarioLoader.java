package io.omdprt.sim;

import io.omdprt.config.ChannelConfig;
import io.omdprt.config.ChannelKind;
import io.omdprt.config.ConfigException;
import io.omdprt.config.ConfigLoader;
import io.omdprt.config.Durations;
import io.omdprt.config.FeedConfig;
import io.omdprt.config.LineConfig;
import io.omdprt.config.MonitorConfig;
import io.omdprt.config.Section;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a fault script and checks it against the config it will run with: every feed, channel and
 * line must exist, and every fault must be observable as scripted (an outage longer than stale-after,
 * a skew shorter than the arbitration wait, faults on one channel not overlapping), so that the
 * ground truth the simulator writes is exactly what a correct monitor reports.
 */
public final class ScenarioLoader {
    /** Time left after a fault before the next one on the same channel, and before the end of the run. */
    static final Duration SETTLE = Duration.ofSeconds(1);

    private ScenarioLoader() {
    }

    public static Scenario load(Path file, MonitorConfig config, double timeScale) throws ConfigException {
        return read(ConfigLoader.readYaml(file), file.toString(), config, timeScale);
    }

    public static Scenario parse(String file, String yaml, MonitorConfig config, double timeScale) throws ConfigException {
        return read(ConfigLoader.parseYaml(file, yaml), file, config, timeScale);
    }

    private static Scenario read(Section top, String file, MonitorConfig config, double timeScale) throws ConfigException {
        String name = top.string("name");
        String description = top.string("description", "");
        Duration duration = top.duration("duration", Duration.ofSeconds(5), Duration.ofHours(12), null);
        if (duration == null) {
            throw top.error("duration", "missing; expected how long the run lasts, such as 90s or 5m");
        }
        int rate = top.integer("rate", 0, 1_000_000, 200);
        Map<String, Integer> rates = new LinkedHashMap<>();
        Section rateSection = top.optionalSection("rates");
        if (rateSection != null) {
            for (FeedConfig f : config.feeds()) {
                for (ChannelConfig c : f.channels()) {
                    String key = f.name() + "/" + c.label();
                    if (rateSection.has(key)) {
                        rates.put(key, rateSection.integer(key, 0, 1_000_000));
                    }
                }
            }
            rateSection.finish();
        }
        List<Fault> faults = new ArrayList<>();
        List<Section> sections = top.list("faults", false);
        for (Section s : sections) {
            faults.add(fault(s, config).scaled(timeScale));
        }
        top.finish();
        Duration scaledDuration = Duration.ofNanos(Math.round(duration.toNanos() * timeScale));
        Scenario scenario = new Scenario(name, description, scaledDuration, rate, rates, faults);
        validate(scenario, config, file, timeScale);
        return scenario;
    }

    /** Checks that every fault of a scenario is observable as scripted with this config. */
    public static void validate(Scenario scenario, MonitorConfig config, String source, double timeScale) throws ConfigException {
        List<Fault> faults = scenario.faults();
        for (int i = 0; i < faults.size(); i++) {
            check(source, "faults[" + i + "]", faults.get(i), i, faults, scenario, config, timeScale);
        }
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            boolean needsTraffic = f.type() == FaultType.DROP || f.type() == FaultType.DUPLICATE || f.type() == FaultType.REORDER
                    || f.type() == FaultType.REFRESH_GAP;
            if (needsTraffic && (scenario.rateOf(f.feed(), f.channel()) == 0 || "dr".equals(f.channel()))) {
                throw new ConfigException(source, "faults[" + i + "].channel", "expected a channel with traffic for a "
                        + f.type().configName() + " fault; " + f.feed() + "/" + f.channel() + " publishes no messages");
            }
        }
    }

    private static Fault fault(Section s, MonitorConfig config) throws ConfigException {
        Duration at = s.duration("at", Duration.ZERO, Duration.ofHours(12), null);
        if (at == null) {
            throw s.error("at", "missing; expected when the fault starts, such as 30s");
        }
        String typeName = s.string("type");
        FaultType type = FaultType.fromConfigName(typeName);
        if (type == null) {
            List<String> names = new ArrayList<>();
            for (FaultType t : FaultType.values()) {
                names.add(t.configName());
            }
            throw s.error("type", "expected one of " + String.join(", ", names) + "; got '" + typeName + "'");
        }
        String feed = s.string("feed");
        FeedConfig feedConfig = config.feeds().stream().filter(f -> f.name().equals(feed)).findFirst().orElse(null);
        if (feedConfig == null) {
            throw s.error("feed", "expected a feed of the config (" + String.join(", ",
                    config.feeds().stream().map(FeedConfig::name).toList()) + "); got '" + feed + "'");
        }
        String channel;
        if (type == FaultType.DR_SIGNAL) {
            if (feedConfig.channels().stream().noneMatch(c -> c.kind() == ChannelKind.DR)) {
                throw s.error("feed", "expected a feed with a dr-signal channel for a dr-signal fault; " + feed + " has none");
            }
            channel = "dr";
        } else {
            channel = s.string("channel");
            if (feedConfig.channels().stream().noneMatch(c -> c.label().equals(channel))) {
                throw s.error("channel", "expected a channel of feed " + feed + " ("
                        + String.join(", ", feedConfig.channels().stream().map(ChannelConfig::label).toList()) + "); got '" + channel + "'");
            }
        }
        if (type.refreshOnly()) {
            ChannelConfig c = feedConfig.channels().stream().filter(ch -> ch.label().equals(channel)).findFirst().orElseThrow();
            if (c.kind() != ChannelKind.REFRESH || c.realtimeId() == ChannelConfig.NO_ID) {
                throw s.error("channel", "expected a refresh channel with realtime: set for a " + typeName + " fault; " + feed + "/"
                        + channel + " is a " + c.kind().configName() + " channel" + (c.kind() == ChannelKind.REFRESH ? " without realtime:" : ""));
            }
        }
        String line = null;
        boolean lineAllowed = type == FaultType.DROP || type == FaultType.LINE_DOWN || type == FaultType.DUPLICATE
                || type == FaultType.REORDER || type == FaultType.DELAY || type == FaultType.BURST;
        boolean lineRequired = lineAllowed && type != FaultType.DROP;
        if (lineAllowed && (lineRequired || s.has("line"))) {
            line = s.string("line");
            ChannelConfig c = feedConfig.channels().stream().filter(ch -> ch.label().equals(channel)).findFirst().orElseThrow();
            String wanted = line;
            if (c.lines().stream().noneMatch(l -> l.name().equals(wanted))) {
                throw s.error("line", "expected a line of " + feed + "/" + channel + " ("
                        + String.join(", ", c.lines().stream().map(LineConfig::name).toList()) + "); got '" + line + "'");
            }
        }
        int count = 0;
        Duration duration = null;
        Duration delay = null;
        int status = 0;
        switch (type) {
            case DROP -> count = s.integer("messages", 1, 100_000);
            case DUPLICATE -> count = s.integer("packets", 1, 100_000);
            case REORDER -> count = 2 * s.integer("pairs", 1, 50_000);
            case LINE_DOWN, CHANNEL_SILENT -> duration = required(s, "for", Duration.ofMillis(100), Duration.ofHours(1));
            case DELAY -> {
                duration = required(s, "for", Duration.ofMillis(100), Duration.ofHours(1));
                delay = required(s, "by", Duration.ofMillis(1), Duration.ofSeconds(10));
            }
            case DR_SIGNAL -> status = s.integer("status", 1, 2);
            case BURST -> {
                count = s.integer("packets", 2, BURST_MAX_PACKETS);
                duration = required(s, "within", Duration.ofNanos(1_000), Duration.ofMillis(1)); // within one simulator tick: send times stay in order
            }
            case REFRESH_STALL -> duration = required(s, "for", Duration.ofMillis(100), Duration.ofHours(1));
            case REFRESH_GAP -> count = s.integer("messages", 1, 100_000);
            case REFRESH_AHEAD -> count = s.integer("completes", 1, 100);
            default -> { }
        }
        s.finish();
        return new Fault(at, type, feed, channel, line, count, duration, delay, status);
    }

    private static Duration required(Section s, String key, Duration min, Duration max) throws ConfigException {
        Duration d = s.duration(key, min, max, null);
        if (d == null) {
            throw s.error(key, "missing; expected a duration such as 8s");
        }
        return d;
    }

    /** Most packets of one burst fault: the monitor's burst window holds as many. */
    static final int BURST_MAX_PACKETS = io.omdprt.track.BurstMeter.WINDOW_CAPACITY;

    /** How long a fault occupies its channel (a refresh fault: until the Refresh Complete after it, too). */
    static Duration footprint(Fault f) {
        Duration cycle = Duration.ofNanos(ChannelPublisher.REFRESH_CYCLE_NANOS);
        return switch (f.type()) {
            case REFRESH_STALL -> f.duration().plus(cycle).plus(SETTLE);
            case REFRESH_GAP -> cycle.multipliedBy(2).plus(SETTLE);
            case REFRESH_AHEAD -> cycle.multipliedBy(f.count() + 1L).plus(SETTLE);
            default -> f.duration() == null ? SETTLE : f.duration().plus(SETTLE);
        };
    }

    /**
     * A stall must last longer than the monitor's {@link io.omdprt.track.RefreshCheck#STALL_FACTOR} cycles (plus 1 s) and
     * start once it has its typical interval; a snapshot gap must fit before the next Refresh Complete (half a cycle's messages).
     */
    private static void checkRefresh(String file, String path, Fault f, Scenario scenario, String scaled) throws ConfigException {
        Duration cycle = Duration.ofNanos(ChannelPublisher.REFRESH_CYCLE_NANOS);
        if (f.type() == FaultType.REFRESH_STALL) {
            Duration least = cycle.multipliedBy(io.omdprt.track.RefreshCheck.STALL_FACTOR).plus(Duration.ofSeconds(1));
            if (f.duration().compareTo(least) < 0) {
                throw new ConfigException(file, path + ".for", "expected at least " + Durations.format(least) + " ("
                        + io.omdprt.track.RefreshCheck.STALL_FACTOR + " refresh cycles of " + Durations.format(cycle)
                        + " and 1s) so the stall is seen; got " + Durations.format(f.duration()) + scaled);
            }
            Duration earliest = cycle.multipliedBy(io.omdprt.track.RefreshCheck.MIN_INTERVALS + 1L).plus(Duration.ofSeconds(1));
            if (f.at().compareTo(earliest) < 0) {
                throw new ConfigException(file, path + ".at", "expected at " + Durations.format(earliest) + " or later, once the"
                        + " monitor knows the refresh cycle (" + (io.omdprt.track.RefreshCheck.MIN_INTERVALS + 1) + " Refresh Completes); got "
                        + Durations.format(f.at()) + scaled);
            }
        }
        if (f.type() == FaultType.REFRESH_GAP) {
            int perSecond = Math.max(1, scenario.rateOf(f.feed(), f.channel()) / 10);
            if (f.count() > perSecond) {
                throw new ConfigException(file, path + ".messages", "expected at most " + perSecond + " (what the refresh channel"
                        + " publishes in 1 s, half a snapshot) so the gap stays inside one snapshot; got " + f.count());
            }
        }
    }

    private static void check(String file, String path, Fault f, int index, List<Fault> all, Scenario scenario,
                              MonitorConfig config, double timeScale) throws ConfigException {
        Duration runLength = scenario.duration();
        String scaled = timeScale == 1.0 ? "" : " (times scaled by " + timeScale + ")";
        if (f.at().plus(footprint(f)).compareTo(runLength) > 0) {
            throw new ConfigException(file, path + ".at", "expected the fault and 1s to settle to end before the run does ("
                    + Durations.format(runLength) + ")" + scaled);
        }
        if (f.type().refreshOnly()) {
            checkRefresh(file, path, f, scenario, scaled);
        }
        Duration stale = config.liveness().staleAfter();
        if ((f.type() == FaultType.LINE_DOWN || f.type() == FaultType.CHANNEL_SILENT)
                && f.duration().compareTo(stale.plus(Duration.ofSeconds(1))) < 0) {
            throw new ConfigException(file, path + ".for", "expected at least stale-after + 1s ("
                    + Durations.format(stale.plus(Duration.ofSeconds(1))) + ") so the outage is seen; got "
                    + Durations.format(f.duration()) + scaled);
        }
        if (f.type() == FaultType.DELAY && f.delay().compareTo(config.arbitrationWait()) >= 0) {
            throw new ConfigException(file, path + ".by", "expected less than the arbitration wait ("
                    + Durations.format(config.arbitrationWait()) + "): a longer delay turns the other line's gaps into"
                    + " real loss; got " + Durations.format(f.delay()));
        }
        for (int j = 0; j < index; j++) {
            Fault other = all.get(j);
            if (!other.feed().equals(f.feed()) || !other.channel().equals(f.channel())) {
                continue;
            }
            Duration otherEnd = other.at().plus(footprint(other));
            Duration end = f.at().plus(footprint(f));
            if (f.at().compareTo(otherEnd) < 0 && other.at().compareTo(end) < 0) {
                throw new ConfigException(file, path + ".at", "expected faults on " + f.feed() + "/" + f.channel()
                        + " not to overlap (with 1s to settle); this one overlaps faults[" + j + "]" + scaled);
            }
        }
    }
}
