package io.omdprt.report;

import io.omdprt.event.EventType;
import io.omdprt.event.MonitorEvent;
import io.omdprt.journal.JournalReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Window reports from a journal folder: reads the window's events (with a look-back), finds what was
 * monitored from the monitor_start records, and builds the report. Used live at a window's end and
 * by the {@code report} command.
 */
public final class JournalReports {
    private static final String LINES = "lines=";

    private JournalReports() {
    }

    /**
     * @param inventory the monitored lines, or null to take them from the journal's monitor_start records
     */
    public static ReportModel build(Path journalDir, ReportBuilder.WindowSpec window, List<ReportBuilder.LineRef> inventory,
                                    Instant now) throws IOException {
        Instant until = now.isBefore(window.end()) ? now : window.end();
        JournalReader.Result read = JournalReader.read(journalDir, window.start().minus(ReportBuilder.LOOKBACK), until);
        List<ReportBuilder.LineRef> lines = inventory != null ? inventory : inventoryOf(read.events());
        return ReportBuilder.build(window, lines, read.events(), now, read.skippedLines());
    }

    /** The monitor_start detail: who started, and every line it monitors. */
    public static String startDetail(String instance, String site, String version, String configFile,
                                     List<ReportBuilder.LineRef> lines) {
        StringBuilder b = new StringBuilder("instance=").append(instance).append(";site=").append(site).append(";version=")
                .append(version).append(";config=").append(configFile).append(';').append(LINES);
        for (int i = 0; i < lines.size(); i++) {
            ReportBuilder.LineRef l = lines.get(i);
            b.append(i == 0 ? "" : ",").append(l.feed()).append('/').append(l.channel()).append('/').append(l.line()).append('/')
                    .append(l.site());
        }
        return b.toString();
    }

    /** Every line named by the monitor_start records, in order, without repeats. */
    public static List<ReportBuilder.LineRef> inventoryOf(List<MonitorEvent> events) {
        List<ReportBuilder.LineRef> out = new ArrayList<>();
        for (MonitorEvent e : events) {
            if (e.type() != EventType.MONITOR_START || e.detail() == null) {
                continue;
            }
            int at = e.detail().indexOf(LINES);
            if (at < 0) {
                continue;
            }
            for (String item : e.detail().substring(at + LINES.length()).split(",")) {
                String[] p = item.split("/");
                if (p.length == 4) {
                    ReportBuilder.LineRef ref = new ReportBuilder.LineRef(p[0], p[1], p[2], p[3]);
                    if (!out.contains(ref)) {
                        out.add(ref);
                    }
                }
            }
        }
        return out;
    }

    /** The window named so in the journal (from its window_start records), or null. */
    public static ReportBuilder.WindowSpec windowOf(List<MonitorEvent> events, String name) {
        for (MonitorEvent e : events) {
            if (e.type() == EventType.WINDOW_START && name.equals(e.window()) && e.since() != null && e.until() != null) {
                return new ReportBuilder.WindowSpec(name, e.since(), e.until(), e.detail() == null ? "" : e.detail(), "UTC");
            }
        }
        return null;
    }
}
