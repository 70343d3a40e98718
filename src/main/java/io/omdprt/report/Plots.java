package io.omdprt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Line charts in inline SVG (no script, nothing fetched), on a time axis in seconds from a start:
 * one polyline per series, and marks (gaps as ticks, outages as shaded spans) on the same axis.
 * Used by the window report (one window) and the comparison (two windows overlaid, each from its own start).
 */
final class Plots {
    static final int WIDTH = 960;
    static final int HEIGHT = 170;
    private static final int LEFT = 70;
    private static final int RIGHT = 10;
    private static final int TOP = 18;
    private static final int BOTTOM = 24;
    private static final int LEGEND_LEFT = LEFT + 260;
    private static final int LEGEND_ROW = 13;
    private static final String[] COLOURS = {"#1a73e8", "#e8710a", "#188038", "#a142f4", "#d01884", "#12b5cb"};

    private Plots() {
    }

    /**
     * @param name   the series (the data-series attribute and each point's tooltip)
     * @param figure what it shows, as the legend names it (the same figure of two windows shares a colour)
     * @param points (seconds from the start, value); a null value breaks the line
     */
    record Series(String name, String figure, String colour, boolean dashed, List<Double[]> points) {
    }

    /** @param toSeconds null for a point mark (a gap), else the end of a span (an outage) */
    record Mark(double atSeconds, Double toSeconds, String css, String title) {
    }

    static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    /**
     * @param spanSeconds the axis length
     * @param windowKeys  the legend's key to the dashed and solid lines when windows are overlaid (one entry a window), else empty
     * @param tickLabel   the label of a tick at so many seconds from the start
     */
    static void chart(StringBuilder h, String css, String channel, String title, String unit, double spanSeconds,
                      List<Series> series, List<Mark> marks, List<String> windowKeys, DoubleFunction<String> tickLabel) {
        double span = Math.max(1, spanSeconds);
        double max = 0;
        for (Series s : series) {
            for (Double[] p : s.points()) {
                if (p[1] != null) {
                    max = Math.max(max, p[1]);
                }
            }
        }
        double yMax = niceCeiling(max);
        StringBuilder legend = new StringBuilder();
        int rows = legend(legend, series, windowKeys);
        int top = TOP + LEGEND_ROW * (rows - 1);
        int height = HEIGHT + LEGEND_ROW * (rows - 1);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = height - top - BOTTOM;
        h.append("<svg class=\"plot ").append(css).append("\" data-channel=\"").append(HtmlReport.esc(channel)).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"><title>").append(HtmlReport.esc(title)).append("</title>\n");
        h.append("<rect class=\"plot-area\" x=\"").append(LEFT).append("\" y=\"").append(top).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(plotH).append("\" fill=\"#fafafa\" stroke=\"#ccc\"/>");
        h.append("<text x=\"").append(LEFT).append("\" y=\"12\">").append(HtmlReport.esc(title)).append(" (").append(HtmlReport.esc(unit))
                .append(")</text>").append(legend);
        for (int i = 0; i <= 2; i++) {
            double v = yMax * i / 2;
            double y = top + plotH - plotH * i / 2.0;
            h.append("<line class=\"tick\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\"/><text x=\"").append(LEFT - 4).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\">").append(HtmlReport.esc(number(v))).append("</text>");
        }
        for (Mark m : marks) {
            double x0 = LEFT + plotW * clamp(m.atSeconds() / span);
            if (m.toSeconds() == null) {
                h.append("<line class=\"mark ").append(m.css()).append("\" x1=\"").append(f(x0)).append("\" x2=\"").append(f(x0))
                        .append("\" y1=\"").append(top).append("\" y2=\"").append(top + plotH).append("\"><title>")
                        .append(HtmlReport.esc(m.title())).append("</title></line>");
            } else {
                double x1 = LEFT + plotW * clamp(m.toSeconds() / span);
                h.append("<rect class=\"mark ").append(m.css()).append("\" x=\"").append(f(x0)).append("\" y=\"").append(top)
                        .append("\" width=\"").append(f(Math.max(2, x1 - x0))).append("\" height=\"").append(plotH).append("\"><title>")
                        .append(HtmlReport.esc(m.title())).append("</title></rect>");
            }
        }
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (Double[] p : s.points()) {
                if (p[1] == null) {
                    pen = false;
                    continue;
                }
                double x = LEFT + plotW * clamp(p[0] / span);
                double y = top + plotH - (yMax <= 0 ? 0 : plotH * p[1] / yMax);
                path.append(pen ? " L" : (path.length() == 0 ? "M" : " M")).append(f(x)).append(' ').append(f(y));
                pen = true;
            }
            if (path.length() > 0) {
                // a single point is drawn as a dot (a path of one point would be invisible)
                h.append("<path class=\"series\" data-series=\"").append(HtmlReport.esc(s.name())).append("\" d=\"").append(path)
                        .append("\" fill=\"none\" stroke=\"").append(s.colour()).append("\" stroke-width=\"2\" stroke-linecap=\"round\"")
                        .append(s.dashed() ? " stroke-dasharray=\"6 4\"" : "").append("/>");
                for (Double[] p : s.points()) {
                    if (p[1] != null) {
                        h.append("<circle cx=\"").append(f(LEFT + plotW * clamp(p[0] / span))).append("\" cy=\"")
                                .append(f(top + plotH - (yMax <= 0 ? 0 : plotH * p[1] / yMax))).append("\" r=\"2.5\" fill=\"")
                                .append(s.colour()).append("\"><title>").append(HtmlReport.esc(s.name() + ": " + number(p[1])))
                                .append("</title></circle>");
                    }
                }
            }
        }
        long step = HtmlReport.tickStep(java.time.Duration.ofMillis((long) (span * 1000))) / 1000;
        for (long s = step; s < span; s += step) {
            double x = LEFT + plotW * s / span;
            h.append("<line class=\"tick\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(top)
                    .append("\" y2=\"").append(top + plotH).append("\"/><text x=\"").append(f(x)).append("\" y=\"").append(height - 8)
                    // a label near the right edge ends at its tick instead of running off the picture
                    .append("\" text-anchor=\"").append(s > span * 0.9 ? "end" : "middle").append("\">")
                    .append(HtmlReport.esc(tickLabel.apply(s))).append("</text>");
        }
        h.append("</svg>\n");
    }

    /**
     * The legend: each figure once in its colour, then the window key, on as many rows as it takes
     * (the first beside the title).
     *
     * @return the rows used
     */
    private static int legend(StringBuilder h, List<Series> series, List<String> windowKeys) {
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        series.forEach(s -> figures.putIfAbsent(s.figure(), s.colour()));
        List<String[]> entries = new ArrayList<>();
        figures.forEach((figure, colour) -> entries.add(new String[] {"— " + figure, colour, "legend"}));
        windowKeys.forEach(k -> entries.add(new String[] {k, "#555", "legend window-key"}));
        int x = LEGEND_LEFT;
        int row = 0;
        for (String[] e : entries) {
            int w = 10 + 7 * e[0].length();
            if (x + w > WIDTH - RIGHT && x > LEFT) {
                row++;
                x = LEFT;
            }
            h.append("<text class=\"").append(e[2]).append("\" x=\"").append(x).append("\" y=\"").append(12 + LEGEND_ROW * row)
                    .append("\" fill=\"").append(e[1]).append("\">").append(HtmlReport.esc(e[0])).append("</text>");
            x += w;
        }
        return row + 1;
    }

    /**
     * Series of a channel timeline: one per key of the values the function picks from each point.
     *
     * @param colours the colour of each key so far, added to for new keys (shared by the windows of one chart)
     */
    static List<Series> perKey(List<ReportModel.Point> timeline, Instant0 start, String suffix, boolean dashed, Map<String, String> colours,
                               java.util.function.Function<ReportModel.Point, Map<String, Double>> values) {
        Map<String, List<Double[]>> byKey = new java.util.LinkedHashMap<>();
        for (ReportModel.Point p : timeline) {
            double x = start.secondsTo(p.start()) + p.seconds();
            values.apply(p).forEach((k, v) -> byKey.computeIfAbsent(k, key -> new ArrayList<>()).add(new Double[] {x, v}));
        }
        List<Series> out = new ArrayList<>();
        for (Map.Entry<String, List<Double[]>> e : byKey.entrySet()) {
            String colour = colours.computeIfAbsent(e.getKey(), k -> colour(colours.size()));
            out.add(new Series(e.getKey() + suffix, e.getKey(), colour, dashed, e.getValue()));
        }
        return out;
    }

    /** Where a timeline's axis starts. */
    record Instant0(java.time.Instant at) {
        double secondsTo(String iso) {
            return java.time.Duration.between(at, java.time.Instant.parse(iso)).toMillis() / 1e3;
        }
    }

    /** 1, 2 or 5 times a power of ten at or above the value. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) v);
        }
        return String.format(java.util.Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }

    private static String f(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
