package io.omdprt.track;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event as a short line of text, for exact assertions. */
final class RecordingListener implements TrackerListener {
    final List<String> events = new ArrayList<>();

    private static long ms(long nanos) {
        return (nanos - Harness.T0) / Harness.MS;
    }

    List<String> ofKind(String kind) {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            if (e.startsWith(kind + " ")) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public void lineGap(LineTracker line, long fromSeq, long toSeq, long atNanos) {
        events.add("lineGap " + line.name() + " " + fromSeq + ".." + toSeq + " @" + ms(atNanos));
    }

    @Override
    public void arbitratedGap(ChannelTracker channel, long fromSeq, long toSeq, long openedAtNanos, long declaredAtNanos) {
        events.add("arbitratedGap " + fromSeq + ".." + toSeq + " opened@" + ms(openedAtNanos) + " declared@" + ms(declaredAtNanos));
    }

    @Override
    public void lineDown(LineTracker line, long lastArrivalNanos, long detectedAtNanos) {
        events.add("lineDown " + line.name() + " last@" + ms(lastArrivalNanos) + " detected@" + ms(detectedAtNanos));
    }

    @Override
    public void lineUp(LineTracker line, long outageStartNanos, long outageEndNanos) {
        events.add("lineUp " + line.name() + " " + ms(outageStartNanos) + ".." + ms(outageEndNanos));
    }

    @Override
    public void channelDown(ChannelTracker channel, long lastArrivalNanos, long detectedAtNanos) {
        events.add("channelDown last@" + ms(lastArrivalNanos) + " detected@" + ms(detectedAtNanos));
    }

    @Override
    public void channelUp(ChannelTracker channel, long outageStartNanos, long outageEndNanos) {
        events.add("channelUp " + ms(outageStartNanos) + ".." + ms(outageEndNanos));
    }

    @Override
    public void sequenceReset(LineTracker line, long newSeqNo, long atNanos) {
        events.add("sequenceReset " + line.name() + " " + newSeqNo + " @" + ms(atNanos));
    }

    @Override
    public void strayPacket(LineTracker line, long seqNum, int msgCount, long arrivedAtNanos) {
        events.add("stray " + line.name() + " " + seqNum + "x" + msgCount + " @" + ms(arrivedAtNanos));
    }

    @Override
    public void sequenceJump(ChannelTracker channel, long expectedSeq, long newSeq, long firstSeenNanos, long confirmedAtNanos) {
        unannounced("sequenceJump", expectedSeq, newSeq, firstSeenNanos, confirmedAtNanos);
    }

    @Override
    public void sequenceRestart(ChannelTracker channel, long expectedSeq, long newSeq, long firstSeenNanos, long confirmedAtNanos) {
        unannounced("sequenceRestart", expectedSeq, newSeq, firstSeenNanos, confirmedAtNanos);
    }

    private void unannounced(String kind, long expectedSeq, long newSeq, long firstSeenNanos, long confirmedAtNanos) {
        events.add(kind + " " + expectedSeq + "->" + newSeq + " seen@" + ms(firstSeenNanos) + " confirmed@" + ms(confirmedAtNanos));
    }

    @Override
    public void drStatusChanged(LineTracker line, long previousStatus, long newStatus, long atNanos) {
        events.add("drStatus " + previousStatus + "->" + newStatus + " via " + line.name() + " @" + ms(atNanos));
    }

    @Override
    public void refreshUnusable(ChannelTracker refresh, long fromSeq, long toSeq, long snapshots, long atNanos) {
        events.add("refreshUnusable " + fromSeq + ".." + toSeq + " snapshots=" + snapshots + " @" + ms(atNanos));
    }

    @Override
    public void refreshLastSeqAhead(ChannelTracker refresh, long lastSeqNum, long realtimeHighWater, long atNanos) {
        events.add("refreshAhead " + lastSeqNum + ">" + realtimeHighWater + " @" + ms(atNanos));
    }

    @Override
    public void refreshLastSeqDecreased(ChannelTracker refresh, long previousLastSeqNum, long lastSeqNum, long atNanos) {
        events.add("refreshDecreased " + previousLastSeqNum + "->" + lastSeqNum + " @" + ms(atNanos));
    }

    @Override
    public void refreshStalled(ChannelTracker refresh, long lastCompleteNanos, long typicalIntervalNanos, long atNanos) {
        events.add("refreshStalled last@" + ms(lastCompleteNanos) + " typical=" + typicalIntervalNanos / 1_000_000 + "ms @" + ms(atNanos));
    }

    @Override
    public void refreshResumed(ChannelTracker refresh, long lastCompleteNanos, long atNanos) {
        events.add("refreshResumed last@" + ms(lastCompleteNanos) + " @" + ms(atNanos));
    }
}
