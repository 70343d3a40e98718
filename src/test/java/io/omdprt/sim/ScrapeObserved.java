package io.omdprt.sim;

import io.omdprt.metrics.MetricNames;
import io.omdprt.testing.Scrape;
import io.omdprt.track.ChannelCounter;
import io.omdprt.track.LineCounter;

/** {@link Observed} read from a /metrics scrape, as Prometheus would see it. */
final class ScrapeObserved implements Observed {
    private final Scrape scrape;

    ScrapeObserved(Scrape scrape) {
        this.scrape = scrape;
    }

    private double get(String name, String... labels) {
        double v = scrape.value(name, labels);
        if (Double.isNaN(v)) {
            throw new AssertionError("no series " + name + " " + String.join(",", labels));
        }
        return v;
    }

    @Override
    public long line(String feed, String channel, String line, LineCounter counter) {
        MetricNames.LineMetric m = MetricNames.LINE.stream().filter(x -> x.source() == counter).findFirst().orElseThrow();
        return (long) get(m.name() + (m.counter() ? "_total" : ""), "feed", feed, "channel", channel, "line", line);
    }

    @Override
    public double lineOutageSeconds(String feed, String channel, String line) {
        return get(MetricNames.LINE_OUTAGE_SECONDS + "_total", "feed", feed, "channel", channel, "line", line);
    }

    @Override
    public long channel(String feed, String channel, ChannelCounter counter) {
        MetricNames.ChannelMetric m = MetricNames.CHANNEL.stream().filter(x -> x.source() == counter).findFirst().orElseThrow();
        return (long) get(m.name() + (m.counter() ? "_total" : ""), "feed", feed, "channel", channel);
    }

    @Override
    public double channelOutageSeconds(String feed, String channel) {
        return get(MetricNames.CHANNEL_OUTAGE_SECONDS + "_total", "feed", feed, "channel", channel);
    }

    @Override
    public long skewSamplesAtLeast(String feed, String channel, double seconds) {
        double total = get(MetricNames.SKEW + "_count", "feed", feed, "channel", channel);
        double below = 0;
        for (Scrape.Sample s : scrape.find(MetricNames.SKEW + "_bucket", "feed", feed, "channel", channel)) {
            String bound = s.labels().get("le");
            double le = "+Inf".equals(bound) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
            if (le < seconds && s.value() > below) {
                below = s.value();
            }
        }
        return (long) (total - below);
    }
}
