package io.omdprt.monitor;

import io.omdprt.track.ChannelTracker;
import io.omdprt.track.LineTracker;
import io.omdprt.track.TrackerListener;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every tracker event to the log (asynchronously, see logback.xml), one line each. */
public final class EventLog implements TrackerListener {
    private static final Logger LOG = LoggerFactory.getLogger("omd.events");

    private static String at(long nanos) {
        return Instant.ofEpochSecond(0, nanos).toString();
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3fs", Duration.ofNanos(nanos).toNanos() / 1e9);
    }

    private static String where(LineTracker line) {
        return line.channel().info() + " line " + line.name();
    }

    @Override
    public void lineGap(LineTracker line, long fromSeq, long toSeq, long atNanos) {
        LOG.info("line gap {}: {}..{} ({} messages) at {}", where(line), fromSeq, toSeq, toSeq - fromSeq + 1, at(atNanos));
    }

    @Override
    public void arbitratedGap(ChannelTracker channel, long fromSeq, long toSeq, long openedAtNanos, long declaredAtNanos) {
        LOG.warn("DATA LOSS {}: messages {}..{} ({}) missing on every line since {}", channel.info(), fromSeq, toSeq,
                toSeq - fromSeq + 1, at(openedAtNanos));
    }

    @Override
    public void lineDown(LineTracker line, long lastArrivalNanos, long detectedAtNanos) {
        LOG.warn("line down {}: nothing since {}", where(line), at(lastArrivalNanos));
    }

    @Override
    public void lineUp(LineTracker line, long outageStartNanos, long outageEndNanos) {
        LOG.info("line up {} after {}", where(line), seconds(outageEndNanos - outageStartNanos));
    }

    @Override
    public void channelDown(ChannelTracker channel, long lastArrivalNanos, long detectedAtNanos) {
        LOG.warn("CHANNEL DOWN {}: no line has delivered since {}", channel.info(), at(lastArrivalNanos));
    }

    @Override
    public void channelUp(ChannelTracker channel, long outageStartNanos, long outageEndNanos) {
        LOG.info("channel up {} after {}", channel.info(), seconds(outageEndNanos - outageStartNanos));
    }

    @Override
    public void sequenceReset(LineTracker line, long newSeqNo, long atNanos) {
        LOG.info("sequence reset {} to {}", where(line), newSeqNo);
    }

    @Override
    public void drStatusChanged(LineTracker line, long previousStatus, long newStatus, long atNanos) {
        LOG.warn("DR status {}: {} -> {} ({})", line.channel().info(), previousStatus, newStatus,
                newStatus == 1 ? "site failover in progress" : newStatus == 2 ? "site failover completed" : "unknown status");
    }
}
