package io.omdprt.report;

import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Rts;
import io.omdprt.event.SeqRange;
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
            if (e.time().isBefore(start) || !e.time().isBefore(until)) {
                continue;
            }
            if (e instanceof Rts.Request r) {
                Said said = Said.of(r.detail());
                checks.add(new ReportModel.RtsCheck(e.time().toString(), said.purpose(), r.requested().first(), r.requested().last(),
                        r.retransStatus().isPresent() ? r.retransStatus().getAsLong() : null, r.completeSeconds(), true, said.text()));
                if (said.recover()) {
                    long intact = r.counts().getOrDefault("intact", 0L);
                    recovered += intact;
                    if (intact < r.requested().messages()) {
                        lastFailure = said.text();
                    }
                }
            } else if (e instanceof Rts.NotTried n) {
                Said said = Said.of(n.detail());
                SeqRange range = n.range().orElse(null);
                checks.add(new ReportModel.RtsCheck(e.time().toString(), said.purpose(), range == null ? null : range.first(),
                        range == null ? null : range.last(), null, null, false, said.text()));
                if (said.recover()) {
                    lastNotTried = said.text();
                }
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

    /** An RTS event's detail: "purpose: text" (recover or probe; recover when it names none). */
    private record Said(String purpose, String text) {
        static Said of(String detail) {
            int colon = detail.indexOf(": ");
            return colon < 0 ? new Said("recover", detail) : new Said(detail.substring(0, colon), detail.substring(colon + 2));
        }

        boolean recover() {
            return "recover".equals(purpose);
        }
    }
}
