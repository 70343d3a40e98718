package io.omdprt.sim;

import io.omdprt.model.ChannelSet;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.track.ChannelCounter;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.Histogram;
import io.omdprt.track.LineCounter;
import io.omdprt.track.LineTracker;

/** What a monitor reported, however it is read (trackers in process, or a /metrics scrape). */
public interface Observed {
    long line(String feed, String channel, String line, LineCounter counter);

    double lineOutageSeconds(String feed, String channel, String line);

    long channel(String feed, String channel, ChannelCounter counter);

    double channelOutageSeconds(String feed, String channel);

    /** A/B skew observations of at least this many seconds. */
    long skewSamplesAtLeast(String feed, String channel, double seconds);

    /** Reads the trackers directly. */
    static Observed of(ChannelSet channels, long nowNanos) {
        return new Observed() {
            private MonitoredChannel find(String feed, String channel) {
                for (MonitoredChannel c : channels.channels()) {
                    if (c.feedName().equals(feed) && c.label().equals(channel)) {
                        return c;
                    }
                }
                throw new IllegalArgumentException("no channel " + feed + "/" + channel);
            }

            private LineTracker findLine(String feed, String channel, String line) {
                for (LineTracker l : find(feed, channel).tracker().lines()) {
                    if (l.name().equals(line)) {
                        return l;
                    }
                }
                throw new IllegalArgumentException("no line " + feed + "/" + channel + " " + line);
            }

            @Override
            public long line(String feed, String channel, String line, LineCounter counter) {
                return findLine(feed, channel, line).get(counter);
            }

            @Override
            public double lineOutageSeconds(String feed, String channel, String line) {
                return findLine(feed, channel, line).outageNanos(nowNanos) / 1e9;
            }

            @Override
            public long channel(String feed, String channel, ChannelCounter counter) {
                return find(feed, channel).tracker().get(counter);
            }

            @Override
            public double channelOutageSeconds(String feed, String channel) {
                return find(feed, channel).tracker().outageNanos(nowNanos) / 1e9;
            }

            @Override
            public long skewSamplesAtLeast(String feed, String channel, double seconds) {
                ChannelTracker t = find(feed, channel).tracker();
                Histogram h = t.skew();
                long n = 0;
                for (int i = 0; i <= h.bucketCount(); i++) {
                    long lowerBound = i == 0 ? 0 : h.upperBoundNanos(i - 1);
                    if (lowerBound >= seconds * 1e9) {
                        n += h.countInBucket(i);
                    }
                }
                return n;
            }
        };
    }
}
