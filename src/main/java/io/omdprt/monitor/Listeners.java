package io.omdprt.monitor;

import io.omdprt.track.ChannelTracker;
import io.omdprt.track.LineTracker;
import io.omdprt.track.TrackerListener;
import java.util.List;

/** Hands every event to several listeners, in order. */
public final class Listeners implements TrackerListener {
    private final TrackerListener[] all;

    public Listeners(List<TrackerListener> listeners) {
        this.all = listeners.toArray(new TrackerListener[0]);
    }

    @Override
    public void lineGap(LineTracker line, long fromSeq, long toSeq, long atNanos) {
        for (TrackerListener l : all) {
            l.lineGap(line, fromSeq, toSeq, atNanos);
        }
    }

    @Override
    public void arbitratedGap(ChannelTracker channel, long fromSeq, long toSeq, long openedAtNanos, long declaredAtNanos) {
        for (TrackerListener l : all) {
            l.arbitratedGap(channel, fromSeq, toSeq, openedAtNanos, declaredAtNanos);
        }
    }

    @Override
    public void lineDown(LineTracker line, long lastArrivalNanos, long detectedAtNanos) {
        for (TrackerListener l : all) {
            l.lineDown(line, lastArrivalNanos, detectedAtNanos);
        }
    }

    @Override
    public void lineUp(LineTracker line, long outageStartNanos, long outageEndNanos) {
        for (TrackerListener l : all) {
            l.lineUp(line, outageStartNanos, outageEndNanos);
        }
    }

    @Override
    public void channelDown(ChannelTracker channel, long lastArrivalNanos, long detectedAtNanos) {
        for (TrackerListener l : all) {
            l.channelDown(channel, lastArrivalNanos, detectedAtNanos);
        }
    }

    @Override
    public void channelUp(ChannelTracker channel, long outageStartNanos, long outageEndNanos) {
        for (TrackerListener l : all) {
            l.channelUp(channel, outageStartNanos, outageEndNanos);
        }
    }

    @Override
    public void sequenceReset(LineTracker line, long newSeqNo, long atNanos) {
        for (TrackerListener l : all) {
            l.sequenceReset(line, newSeqNo, atNanos);
        }
    }

    @Override
    public void drStatusChanged(LineTracker line, long previousStatus, long newStatus, long atNanos) {
        for (TrackerListener l : all) {
            l.drStatusChanged(line, previousStatus, newStatus, atNanos);
        }
    }
}
