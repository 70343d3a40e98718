package io.omdprt.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A window (or a capture analysis) against a baseline: per channel and line, the figures side by
 * side with their change, and which moved beyond a threshold (a regression). Pure: two reports in,
 * the comparison out.
 */
public final class Comparison {
    /**
     * When a figure has regressed: it went up by more than {@code percent} % of the baseline AND by
     * more than {@code absolute} (in the figure's unit). A figure whose baseline is 0 regresses on the
     * absolute rule alone.
     */
    public record Threshold(double percent, double absolute) {
        public boolean exceeded(double baseline, double current) {
            double up = current - baseline;
            return up > absolute && (baseline <= 0 || up > baseline * percent / 100);
        }

        /** "50%,1" or "50%" (absolute 0) or "1" (any percentage). */
        public static Threshold parse(String text) {
            double percent = 0;
            double absolute = 0;
            for (String part : text.split(",")) {
                String p = part.trim();
                if (p.endsWith("%")) {
                    percent = Double.parseDouble(p.substring(0, p.length() - 1));
                } else {
                    absolute = Double.parseDouble(p.replace("ms", ""));
                }
            }
            return new Threshold(percent, absolute);
        }
    }

    /** The figures compared, with their unit and default threshold. Names are as the command line spells them. */
    public enum Figure {
        LOSS("loss", "messages", "real loss (messages missing on every line)", new Threshold(0, 0)),
        CHANNEL_OUTAGES("channel-outages", "outages", "channel outages", new Threshold(0, 0)),
        CHANNEL_DOWN("channel-down", "s", "channel down", new Threshold(0, 1)),
        SKEW_P50("skew-p50", "ms", "A/B skew p50", new Threshold(50, 1)),
        SKEW_P99("skew-p99", "ms", "A/B skew p99", new Threshold(50, 1)),
        SKEW_P999("skew-p99.9", "ms", "A/B skew p99.9", new Threshold(50, 1)),
        LINE_MISSING("line-missing", "messages", "line gaps (messages)", new Threshold(0, 0)),
        LINE_OUTAGES("line-outages", "outages", "line outages", new Threshold(0, 0)),
        LINE_DOWN("line-down", "s", "line down", new Threshold(0, 1)),
        RATE_MEAN("rate-mean", "packets/s", "mean rate", null),
        RATE_PEAK("rate-peak", "packets/s", "peak 1 s rate", null),
        BURST("burst", "packets", "1 ms peak", new Threshold(50, 10)),
        BURST_BYTES("burst-bytes", "bytes", "1 ms peak bytes", null),
        LATENCY_P50("latency-p50", "ms", "feed latency p50", new Threshold(50, 1)),
        LATENCY_P99("latency-p99", "ms", "feed latency p99", new Threshold(50, 1)),
        LATENCY_P999("latency-p99.9", "ms", "feed latency p99.9", new Threshold(50, 1)),
        JITTER_P99("jitter-p99", "ms", "jitter p99", new Threshold(50, 1));

        final String key;
        final String unit;
        final String label;
        /** null: shown, never flagged (rates follow the market, not the network) */
        final Threshold defaultThreshold;

        Figure(String key, String unit, String label, Threshold defaultThreshold) {
            this.key = key;
            this.unit = unit;
            this.label = label;
            this.defaultThreshold = defaultThreshold;
        }

        public String key() {
            return key;
        }

        public Threshold defaultThreshold() {
            return defaultThreshold;
        }

        public static Figure of(String key) {
            for (Figure f : values()) {
                if (f.key.equals(key)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** @param change current − baseline (null when either is unknown); @param percent that as % of the baseline */
    public record Value(String figure, String label, String unit, Double baseline, Double current, Double change, Double percent,
                        boolean regressed) {
    }

    public record LineComparison(String line, String baselineEndpoint, String currentEndpoint, List<Value> values) {
    }

    /** @param note why a side is missing (a channel only in one report), else null */
    public record ChannelComparison(String feed, String channel, String note, List<Value> values, List<LineComparison> lines,
                                    boolean regressed) {
    }

    /** @param regressions one sentence per regressed figure */
    public record Result(String baseline, String current, String baselineWindow, String currentWindow, Map<String, Threshold> thresholds,
                         boolean regressed, List<String> regressions, List<ChannelComparison> channels) {
    }

    private Comparison() {
    }

    /** The default thresholds, by figure key (figures never flagged are left out). */
    public static Map<String, Threshold> defaults() {
        Map<String, Threshold> m = new LinkedHashMap<>();
        for (Figure f : Figure.values()) {
            if (f.defaultThreshold != null) {
                m.put(f.key, f.defaultThreshold);
            }
        }
        return m;
    }

    public static Result compare(String baselineName, ReportModel baseline, String currentName, ReportModel current,
                                 Map<String, Threshold> thresholds) {
        List<ChannelComparison> channels = new ArrayList<>();
        List<String> regressions = new ArrayList<>();
        Map<String, ReportModel.Channel> base = channels(baseline);
        Map<String, ReportModel.Channel> cur = channels(current);
        List<String> keys = new ArrayList<>(base.keySet());
        cur.keySet().stream().filter(k -> !base.containsKey(k)).forEach(keys::add);
        for (String key : keys) {
            String feed = key.substring(0, key.indexOf('\u0000'));
            String channel = key.substring(key.indexOf('\u0000') + 1);
            ReportModel.Channel b = base.get(key);
            ReportModel.Channel c = cur.get(key);
            if (b == null || c == null) {
                channels.add(new ChannelComparison(feed, channel, b == null ? "only in the current report" : "only in the baseline",
                        List.of(), List.of(), false));
                continue;
            }
            List<Value> values = new ArrayList<>();
            value(values, Figure.LOSS, b, c, x -> (double) x.arbitratedMissingMessages(), thresholds);
            value(values, Figure.CHANNEL_OUTAGES, b, c, x -> (double) x.outages(), thresholds);
            value(values, Figure.CHANNEL_DOWN, b, c, ReportModel.Channel::outageSeconds, thresholds);
            value(values, Figure.SKEW_P50, b, c, x -> x.skew().p50Ms(), thresholds);
            value(values, Figure.SKEW_P99, b, c, x -> x.skew().p99Ms(), thresholds);
            value(values, Figure.SKEW_P999, b, c, x -> x.skew().p999Ms(), thresholds);
            List<LineComparison> lines = new ArrayList<>();
            for (ReportModel.Line bl : b.lines()) {
                ReportModel.Line cl = c.lines().stream().filter(l -> l.line().equals(bl.line())).findFirst().orElse(null);
                if (cl == null) {
                    continue;
                }
                List<Value> lv = new ArrayList<>();
                value(lv, Figure.LINE_MISSING, bl, cl, x -> (double) x.missingMessages(), thresholds);
                value(lv, Figure.LINE_OUTAGES, bl, cl, x -> (double) x.outages(), thresholds);
                value(lv, Figure.LINE_DOWN, bl, cl, ReportModel.Line::outageSeconds, thresholds);
                value(lv, Figure.RATE_MEAN, bl, cl, x -> x.traffic() == null ? null : x.traffic().meanPacketsPerSecond(), thresholds);
                value(lv, Figure.RATE_PEAK, bl, cl, x -> x.traffic() == null ? null : (double) x.traffic().peakPacketsPerSecond(), thresholds);
                value(lv, Figure.BURST, bl, cl, x -> x.traffic() == null ? null : (double) x.traffic().burstPackets(), thresholds);
                value(lv, Figure.BURST_BYTES, bl, cl, x -> x.traffic() == null ? null : (double) x.traffic().burstBytes(), thresholds);
                value(lv, Figure.LATENCY_P50, bl, cl, x -> x.latency().p50Ms(), thresholds);
                value(lv, Figure.LATENCY_P99, bl, cl, x -> x.latency().p99Ms(), thresholds);
                value(lv, Figure.LATENCY_P999, bl, cl, x -> x.latency().p999Ms(), thresholds);
                value(lv, Figure.JITTER_P99, bl, cl, x -> x.jitter() == null ? null : x.jitter().p99Ms(), thresholds);
                lines.add(new LineComparison(bl.line(), bl.endpoint(), cl.endpoint(), lv));
                for (Value v : lv) {
                    if (v.regressed()) {
                        regressions.add(sentence(feed + "/" + channel + " line " + bl.line(), v));
                    }
                }
            }
            for (Value v : values) {
                if (v.regressed()) {
                    regressions.add(sentence(feed + "/" + channel, v));
                }
            }
            boolean regressed = values.stream().anyMatch(Value::regressed)
                    || lines.stream().anyMatch(l -> l.values().stream().anyMatch(Value::regressed));
            channels.add(new ChannelComparison(feed, channel, null, values, lines, regressed));
        }
        return new Result(baselineName, currentName, baseline.window().name() + " " + baseline.window().start(),
                current.window().name() + " " + current.window().start(), thresholds, !regressions.isEmpty(), regressions, channels);
    }

    private static <T> void value(List<Value> out, Figure f, T baseline, T current, Function<T, Double> figure,
                                  Map<String, Threshold> thresholds) {
        Double b = figure.apply(baseline);
        Double c = figure.apply(current);
        Double change = b == null || c == null ? null : round(c - b);
        Double percent = change == null || b == 0 ? null : round(100 * change / b);
        Threshold t = thresholds.get(f.key);
        boolean regressed = t != null && b != null && c != null && t.exceeded(b, c);
        out.add(new Value(f.key, f.label, f.unit, b, c, change, percent, regressed));
    }

    private static String sentence(String where, Value v) {
        return String.format(Locale.ROOT, "%s: %s up from %s to %s %s%s", where, v.label(), Plots.number(v.baseline()),
                Plots.number(v.current()), v.unit(), v.percent() == null ? "" : String.format(Locale.ROOT, " (%+.0f %%)", v.percent()));
    }

    /** A report's channels by feed and channel (joined by a NUL), in report order. */
    static Map<String, ReportModel.Channel> channels(ReportModel r) {
        Map<String, ReportModel.Channel> m = new LinkedHashMap<>();
        for (ReportModel.Feed f : r.feeds()) {
            for (ReportModel.Channel c : f.channels()) {
                m.put(f.name() + '\u0000' + c.channel(), c);
            }
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
