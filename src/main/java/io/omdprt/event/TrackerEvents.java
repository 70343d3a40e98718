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

    private static Where.Line where(LineTracker line) {
        return new Where.Line(line.channel().info().feed(), line.channel().info().channel(), line.name(), line.info().site());
    }

    private static Where.Channel where(ChannelTracker channel) {
        return new Where.Channel(channel.info().feed(), channel.info().channel());
    }

    @Override
    public void lineGap(LineTracker line, long fromSeq, long toSeq, long atNanos) {
        sink.accept(new Gap.OnLine(at(atNanos), where(line), new SeqRange(fromSeq, toSeq)));
    }

    @Override
    public void arbitratedGap(ChannelTracker channel, long fromSeq, long toSeq, long openedAtNanos, long declaredAtNanos) {
        sink.accept(new Gap.Arbitrated(at(declaredAtNanos), where(channel), new SeqRange(fromSeq, toSeq), at(openedAtNanos)));
    }

    @Override
    public void lineDown(LineTracker line, long lastArrivalNanos, long detectedAtNanos) {
        sink.accept(new Outage.Down(at(detectedAtNanos), where(line), at(lastArrivalNanos)));
    }

    @Override
    public void lineUp(LineTracker line, long outageStartNanos, long outageEndNanos) {
        sink.accept(new Outage.Up(at(outageEndNanos), where(line), at(outageStartNanos)));
    }

    @Override
    public void firstArrival(LineTracker line, long atNanos) {
        sink.accept(new Outage.Receiving(at(atNanos), where(line)));
    }

    @Override
    public void channelDown(ChannelTracker channel, long lastArrivalNanos, long detectedAtNanos) {
        sink.accept(new Outage.Down(at(detectedAtNanos), where(channel), at(lastArrivalNanos)));
    }

    @Override
    public void channelUp(ChannelTracker channel, long outageStartNanos, long outageEndNanos) {
        sink.accept(new Outage.Up(at(outageEndNanos), where(channel), at(outageStartNanos)));
    }

    @Override
    public void sequenceReset(LineTracker line, long newSeqNo, long atNanos) {
        sink.accept(new Sequence.Reset(at(atNanos), where(line), newSeqNo));
    }

    @Override
    public void strayPacket(LineTracker line, long seqNum, int msgCount, long arrivedAtNanos) {
        sink.accept(new Sequence.Stray(at(arrivedAtNanos), where(line), seqNum, msgCount));
    }

    @Override
    public void sequenceJump(ChannelTracker channel, long expectedSeq, long newSeq, long firstSeenNanos, long confirmedAtNanos) {
        sink.accept(new Sequence.Jump(at(confirmedAtNanos), where(channel), expectedSeq, newSeq, at(firstSeenNanos)));
    }

    @Override
    public void sequenceRestart(ChannelTracker channel, long expectedSeq, long newSeq, long firstSeenNanos, long confirmedAtNanos) {
        sink.accept(new Sequence.Restart(at(confirmedAtNanos), where(channel), expectedSeq, newSeq, at(firstSeenNanos)));
    }

    @Override
    public void drStatusChanged(LineTracker line, long previousStatus, long newStatus, long atNanos) {
        sink.accept(new DrStatus(at(atNanos), where(line.channel()), newStatus, previousStatus));
    }

    @Override
    public void refreshUnusable(ChannelTracker refresh, long fromSeq, long toSeq, long snapshots, long atNanos) {
        sink.accept(new Refresh.Unusable(at(atNanos), where(refresh), new SeqRange(fromSeq, toSeq), snapshots));
    }

    @Override
    public void refreshLastSeqAhead(ChannelTracker refresh, long lastSeqNum, long realtimeHighWater, long atNanos) {
        sink.accept(new Refresh.Ahead(at(atNanos), where(refresh), lastSeqNum, realtimeHighWater));
    }

    @Override
    public void refreshLastSeqDecreased(ChannelTracker refresh, long previousLastSeqNum, long lastSeqNum, long atNanos) {
        sink.accept(new Refresh.Decreased(at(atNanos), where(refresh), lastSeqNum, previousLastSeqNum));
    }

    @Override
    public void refreshStalled(ChannelTracker refresh, long lastCompleteNanos, long typicalIntervalNanos, long atNanos) {
        sink.accept(new Refresh.Stall(at(atNanos), where(refresh), at(lastCompleteNanos), typicalIntervalNanos / 1_000_000,
                String.format(java.util.Locale.ROOT, "no Refresh Complete for %.3f s (typical interval %.3f s)",
                        (atNanos - lastCompleteNanos) / 1e9, typicalIntervalNanos / 1e9)));
    }

    @Override
    public void refreshResumed(ChannelTracker refresh, long lastCompleteNanos, long atNanos) {
        sink.accept(new Refresh.Resumed(at(atNanos), where(refresh), at(lastCompleteNanos)));
    }
}
