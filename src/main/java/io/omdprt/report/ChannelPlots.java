package io.omdprt.report;

import io.omdprt.text.Counts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * A channel's plots over a window, per minute: the message rate, each line's 1 ms peak, and the A/B
 * skew and feed latency percentiles, with the window's gaps and outages marked on the same axis.
 * Several windows of the same channel (a comparison) are overlaid, each from its own start.
 */
final class ChannelPlots {
    /**
     * One window of the channel: its label in the legend (empty for a lone window), drawn dashed or
     * not (a dashed window's marks are dashed outlines too). The same figure has the same colour in every window.
     */
    record Source(String label, boolean dashed, ReportModel.Channel channel, Instant start) {
    }

    private ChannelPlots() {
    }

    static void render(StringBuilder h, String channelId, List<Source> sources, double spanSeconds, DoubleFunction<String> tickLabel) {
        List<Plots.Mark> marks = new ArrayList<>();
        List<Plots.Series> rate = new ArrayList<>();
        List<Plots.Series> burst = new ArrayList<>();
        List<Plots.Series> timing = new ArrayList<>();
        Map<String, String> rateColours = new LinkedHashMap<>();
        Map<String, String> burstColours = new LinkedHashMap<>();
        Map<String, String> timingColours = new LinkedHashMap<>();
        for (Source s : sources) {
            String suffix = s.label().isEmpty() ? "" : " (" + s.label() + ")";
            Plots.Instant0 start = new Plots.Instant0(s.start());
            List<ReportModel.Point> points = s.channel().timeline() == null ? List.of() : s.channel().timeline();
            rate.addAll(Plots.perKey(points, start, suffix, s.dashed(), rateColours, p -> Map.of("messages/s", p.messagesPerSecond())));
            burst.addAll(Plots.perKey(points, start, suffix, s.dashed(), burstColours, p -> {
                Map<String, Double> m = new LinkedHashMap<>();
                p.burstPackets().forEach((line, v) -> m.put("line " + line, v.doubleValue()));
                return m;
            }));
            timing.addAll(Plots.perKey(points, start, suffix, s.dashed(), timingColours, p -> {
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("skew p50", p.skew().p50Ms());
                m.put("skew p99", p.skew().p99Ms());
                m.put("skew p99.9", p.skew().p999Ms());
                p.latency().forEach((line, t) -> m.put("latency " + line + " p99", t.p99Ms()));
                return m;
            }));
            String window = s.dashed() ? " baseline" : "";
            for (ReportModel.Gap g : s.channel().gaps()) {
                marks.add(new Plots.Mark(start.secondsTo(g.time()), null, (g.line() == null ? "loss" : "gap") + window,
                        (g.line() == null ? "real loss " : "line " + g.line() + " gap ") + g.fromSeq() + "–" + g.toSeq() + suffix));
            }
            for (ReportModel.Outage o : s.channel().outageList()) {
                double from = Math.max(0, start.secondsTo(o.start()));
                double to = o.end() == null ? spanSeconds : start.secondsTo(o.end());
                marks.add(new Plots.Mark(from, to, (o.line() == null ? "outage channel-outage" : "outage") + window,
                        (o.line() == null ? "channel" : "line " + o.line()) + " down " + Counts.seconds(o.seconds()) + suffix));
            }
        }
        List<String> key = sources.size() < 2 ? List.of() : sources.stream().map(s -> (s.dashed() ? "- - " : "— ") + s.label()).toList();
        Plots.chart(h, "rate", channelId, "message rate", "messages/s", spanSeconds, rate, marks, key, tickLabel);
        Plots.chart(h, "burst", channelId, "1 ms peak", "packets", spanSeconds, burst, marks, key, tickLabel);
        Plots.chart(h, "percentiles", channelId, "A/B skew and feed latency", "ms", spanSeconds, timing, marks, key, tickLabel);
    }

    /** CSS of the marks. */
    static final String STYLE = ".mark.gap{stroke:#f29900;stroke-width:1.5}.mark.loss{stroke:#a50e0e;stroke-width:2}"
            + ".mark.outage{fill:#d93025;opacity:.18}.mark.channel-outage{opacity:.35}.mark.baseline{stroke-dasharray:4 3}"
            + ".mark.outage.baseline{fill:none;stroke:#d93025;stroke-width:1.5;opacity:.8}";

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1e3;
    }
}
