package io.omdprt.event;

import io.omdprt.track.ChannelTracker;
import io.omdprt.track.LineTracker;
import io.omdprt.track.TrackerListener;
import java.time.Instant;

/** Turns tracker callbacks into {@link MonitorEvent}s for a sink. */
public final class TrackerEvents implements TrackerListener {
    private final EventSink sink;

    public TrackerEvents(EventSink sink) {
        this.sink = sink;
    }

    private static Instant at(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    private static MonitorEvent line(long nanos, EventType type, LineTracker line) {
        return MonitorEvent.of(at(nanos), type).at(line.channel().info().feed(), line.channel().info().channel(), line.name(),
                line.info().site());
    }

    private static MonitorEvent channel(long nanos, EventType type, ChannelTracker channel) {
        return MonitorEvent.of(at(nanos), type).at(channel.info().feed(), channel.info().channel(), null, null);
    }

    @Override
    public void lineGap(LineTracker line, long fromSeq, long toSeq, long atNanos) {
        sink.accept(line(atNanos, EventType.LINE_GAP, line).range(fromSeq, toSeq));
    }

    @Override
    public void arbitratedGap(ChannelTracker channel, long fromSeq, long toSeq, long openedAtNanos, long declaredAtNanos) {
        sink.accept(channel(declaredAtNanos, EventType.ARBITRATED_GAP, channel).range(fromSeq, toSeq).outage(at(openedAtNanos), null));
    }

    @Override
    public void lineDown(LineTracker line, long lastArrivalNanos, long detectedAtNanos) {
        sink.accept(line(detectedAtNanos, EventType.LINE_DOWN, line).outage(at(lastArrivalNanos), null));
    }

    @Override
    public void lineUp(LineTracker line, long outageStartNanos, long outageEndNanos) {
        sink.accept(line(outageEndNanos, EventType.LINE_UP, line).outage(at(outageStartNanos), (outageEndNanos - outageStartNanos) / 1e9));
    }

    @Override
    public void firstArrival(LineTracker line, long atNanos) {
        sink.accept(line(atNanos, EventType.LINE_RECEIVING, line));
    }

    @Override
    public void channelDown(ChannelTracker channel, long lastArrivalNanos, long detectedAtNanos) {
        sink.accept(channel(detectedAtNanos, EventType.CHANNEL_DOWN, channel).outage(at(lastArrivalNanos), null));
    }

    @Override
    public void channelUp(ChannelTracker channel, long outageStartNanos, long outageEndNanos) {
        sink.accept(channel(outageEndNanos, EventType.CHANNEL_UP, channel)
                .outage(at(outageStartNanos), (outageEndNanos - outageStartNanos) / 1e9));
    }

    @Override
    public void sequenceReset(LineTracker line, long newSeqNo, long atNanos) {
        sink.accept(line(atNanos, EventType.SEQUENCE_RESET, line).values(newSeqNo, null));
    }

    @Override
    public void strayPacket(LineTracker line, long seqNum, int msgCount, long arrivedAtNanos) {
        sink.accept(line(arrivedAtNanos, EventType.STRAY_PACKET, line).range(seqNum, seqNum + Math.max(msgCount, 1) - 1)
                .values((long) msgCount, null));
    }

    @Override
    public void sequenceJump(ChannelTracker channel, long expectedSeq, long newSeq, long firstSeenNanos, long confirmedAtNanos) {
        sink.accept(channel(confirmedAtNanos, EventType.SEQUENCE_JUMP, channel).range(expectedSeq, newSeq).outage(at(firstSeenNanos), null));
    }

    @Override
    public void sequenceRestart(ChannelTracker channel, long expectedSeq, long newSeq, long firstSeenNanos, long confirmedAtNanos) {
        sink.accept(channel(confirmedAtNanos, EventType.SEQUENCE_RESTART, channel).range(expectedSeq, newSeq)
                .outage(at(firstSeenNanos), null));
    }

    @Override
    public void drStatusChanged(LineTracker line, long previousStatus, long newStatus, long atNanos) {
        sink.accept(channel(atNanos, EventType.DR_STATUS, line.channel()).values(newStatus, previousStatus));
    }

    @Override
    public void refreshUnusable(ChannelTracker refresh, long fromSeq, long toSeq, long snapshots, long atNanos) {
        sink.accept(channel(atNanos, EventType.REFRESH_UNUSABLE, refresh).range(fromSeq, toSeq).values(snapshots, null)
                .detail("messages " + fromSeq + ".." + toSeq + " lost inside a snapshot: " + snapshots + " unusable until the next"));
    }

    @Override
    public void refreshLastSeqAhead(ChannelTracker refresh, long lastSeqNum, long realtimeHighWater, long atNanos) {
        sink.accept(channel(atNanos, EventType.REFRESH_AHEAD, refresh).values(lastSeqNum, realtimeHighWater)
                .detail("LastSeqNum " + lastSeqNum + " is above the real-time channel's high-water mark " + realtimeHighWater));
    }

    @Override
    public void refreshLastSeqDecreased(ChannelTracker refresh, long previousLastSeqNum, long lastSeqNum, long atNanos) {
        sink.accept(channel(atNanos, EventType.REFRESH_DECREASED, refresh).values(lastSeqNum, previousLastSeqNum)
                .detail("LastSeqNum fell from " + previousLastSeqNum + " to " + lastSeqNum + " without a Sequence Reset"));
    }

    @Override
    public void refreshStalled(ChannelTracker refresh, long lastCompleteNanos, long typicalIntervalNanos, long atNanos) {
        sink.accept(channel(atNanos, EventType.REFRESH_STALL, refresh).outage(at(lastCompleteNanos), null)
                .values(typicalIntervalNanos / 1_000_000, null)
                .detail(String.format(java.util.Locale.ROOT, "no Refresh Complete for %.3f s (typical interval %.3f s)",
                        (atNanos - lastCompleteNanos) / 1e9, typicalIntervalNanos / 1e9)));
    }

    @Override
    public void refreshResumed(ChannelTracker refresh, long lastCompleteNanos, long atNanos) {
        sink.accept(channel(atNanos, EventType.REFRESH_RESUMED, refresh).outage(at(lastCompleteNanos), (atNanos - lastCompleteNanos) / 1e9));
    }
}
