package io.omdprt.report;

import io.omdprt.event.EventType;
import io.omdprt.event.MonitorEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A channel's "recoverable from RTS" line, from its rts_request and rts_not_tried events in the window. */
final class RecoverySection {
    private RecoverySection() {
    }

    /** @return null when RTS did nothing for the channel in the window */
    static ReportModel.Recovery of(List<MonitorEvent> channelEvents, Instant start, Instant until, long lost) {
        List<ReportModel.RtsCheck> checks = new ArrayList<>();
        long recovered = 0;
        String lastFailure = null;
        String lastNotTried = null;
        for (MonitorEvent e : channelEvents) {
            if (e.time().isBefore(start) || !e.time().isBefore(until)
                    || e.type() != EventType.RTS_REQUEST && e.type() != EventType.RTS_NOT_TRIED) {
                continue;
            }
            String detail = e.detail() == null ? "" : e.detail();
            int colon = detail.indexOf(": ");
            String purpose = colon < 0 ? "recover" : detail.substring(0, colon);
            String text = colon < 0 ? detail : detail.substring(colon + 2);
            boolean asked = e.type() == EventType.RTS_REQUEST;
            checks.add(new ReportModel.RtsCheck(e.time().toString(), purpose, e.fromSeq(), e.toSeq(), e.value(), asked ? e.seconds() : null,
                    asked, text));
            if (!"recover".equals(purpose)) {
                continue;
            }
            if (asked) {
                long intact = e.counts() == null ? 0 : e.counts().getOrDefault("intact", 0L);
                recovered += intact;
                if (intact < e.messages()) {
                    lastFailure = text;
                }
            } else {
                lastNotTried = text;
            }
        }
        if (checks.isEmpty()) {
            return null;
        }
        String recoverable;
        String why;
        if (lost == 0) {
            recoverable = "not tried";
            why = "nothing was lost";
        } else if (recovered >= lost) {
            recoverable = "yes";
            why = "all " + lost + " lost messages were retransmitted intact";
        } else if (recovered > 0) {
            recoverable = "partly";
            why = recovered + " of " + lost + " lost messages were retransmitted intact; " + (lastFailure != null ? lastFailure : lastNotTried);
        } else if (lastFailure != null) {
            recoverable = "no";
            why = lastFailure;
        } else {
            recoverable = "not tried";
            why = lastNotTried == null ? "no request was made" : lastNotTried;
        }
        return new ReportModel.Recovery(recoverable, why, lost, recovered, checks);
    }
}
