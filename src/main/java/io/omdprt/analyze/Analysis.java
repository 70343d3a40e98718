package io.omdprt.analyze;

import io.omdprt.event.MonitorEvent;
import io.omdprt.model.ChannelSet;
import io.omdprt.report.ReportModel;
import java.util.List;

/**
 * What an analysis found.
 *
 * @param events     every tracker event, in capture time
 * @param channels   the trackers as they ended (settled), or null when the capture held no UDP datagram
 * @param capture    what was read, for the report
 * @param firstNanos timestamp of the first datagram, or {@link CaptureAnalyzer#NO_TIME}
 * @param lastNanos  latest datagram timestamp, or {@link CaptureAnalyzer#NO_TIME}
 * @param bytesRead  bytes of the files read
 */
public record Analysis(List<MonitorEvent> events, ChannelSet channels, ReportModel.Capture capture, long firstNanos,
                       long lastNanos, long bytesRead) {
    public boolean complete() {
        return capture.complete();
    }

    public boolean hasDatagrams() {
        return firstNanos != CaptureAnalyzer.NO_TIME;
    }
}
