package io.omdprt.report;

import io.omdprt.event.Lifecycle;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.WindowEvent;
import io.omdprt.journal.JournalReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Window reports from a journal folder: reads the window's events (with a look-back), finds what was
 * monitored from the monitor_start records, and builds the report. Used live at a window's end and
 * by the {@code report} command.
 */
public final class JournalReports {
    private static final String LINES = "lines=";
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss", Locale.ROOT);

    private JournalReports() {
    }

    /**
     * @param inventory the monitored lines, or null to take them from the journal's monitor_start records
     */
    public static ReportModel build(Path journalDir, ReportBuilder.WindowSpec window, List<ReportBuilder.LineRef> inventory,
                                    Instant now) throws IOException {
        Instant until = now.isBefore(window.end()) ? now : window.end();
        JournalReader.Result read = JournalReader.read(journalDir, window.start().minus(ReportBuilder.LOOKBACK),
                until.plus(WindowCounts.BOUNDARY_SLACK));
        List<ReportBuilder.LineRef> lines = inventory != null ? inventory : inventoryOf(read.events());
        return ReportBuilder.build(window, lines, read.events(), now, read.skippedLines());
    }

    /** The folder of a window instance's report: its name and its start in the display zone, so a reused name keeps both. */
    public static Path folder(Path reportDir, String window, Instant start, java.time.ZoneId zone) {
        return reportDir.resolve(window + "_" + FOLDER_TIME.format(start.atZone(zone)));
    }

    /** The monitor_start detail: who started, its settings the report needs, and every line it monitors. */
    public static String startDetail(String instance, String site, String version, String configFile, Duration staleAfter,
                                     String displayZone, List<ReportBuilder.LineRef> lines) {
        StringBuilder b = new StringBuilder("instance=").append(instance).append(";site=").append(site).append(";version=")
                .append(version).append(";config=").append(configFile).append(";stale-after=").append(staleAfter)
                .append(";display-zone=").append(displayZone).append(';').append(LINES);
        for (int i = 0; i < lines.size(); i++) {
            ReportBuilder.LineRef l = lines.get(i);
            b.append(i == 0 ? "" : ",").append(l.feed()).append('/').append(l.channel()).append('/').append(l.line()).append('/')
                    .append(l.site()).append('/').append(l.iface() == null ? "" : l.iface()).append('/')
                    .append(l.endpoint() == null ? "" : l.endpoint());
        }
        return b.toString();
    }

    /** A {@code key=value} field of a monitor_start detail, or null. */
    static String field(String detail, String key) {
        for (String part : detail.split(";")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return key.equals("instance") ? detail : null;
    }

    private static String emptyIsNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Every line named by the monitor_start records, in order, without repeats. */
    public static List<ReportBuilder.LineRef> inventoryOf(List<MonitorEvent> events) {
        List<ReportBuilder.LineRef> out = new ArrayList<>();
        for (MonitorEvent e : events) {
            if (!(e instanceof Lifecycle.Start s)) {
                continue;
            }
            int at = s.settings().indexOf(LINES);
            if (at < 0) {
                continue;
            }
            for (String item : s.settings().substring(at + LINES.length()).split(",")) {
                // feed/channel/line/site[/interface/endpoint]: older journals have the first four only
                String[] p = item.split("/", -1);
                if (p.length == 4 || p.length == 6) {
                    ReportBuilder.LineRef ref = new ReportBuilder.LineRef(p[0], p[1], p[2], p[3], p.length == 6 ? emptyIsNull(p[4]) : null,
                            p.length == 6 ? emptyIsNull(p[5]) : null);
                    if (!out.contains(ref)) {
                        out.add(ref);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every window instance in the journal (a name and a start), in start order. An instance without
     * a scheduled end ends at its window_end record, else at the stop or last record of the monitor
     * run that opened it; its stale-after and display zone come from that run's monitor_start.
     */
    public static List<ReportBuilder.WindowSpec> windowsOf(List<MonitorEvent> events) {
        Map<String, WindowEvent.Start> starts = new LinkedHashMap<>();
        Map<String, Instant> ends = new LinkedHashMap<>();
        Map<String, Lifecycle.Start> startedBy = new LinkedHashMap<>();
        Lifecycle.Start run = null;
        for (MonitorEvent e : events) {
            if (e instanceof Lifecycle.Start s) {
                run = s;
            } else if (e instanceof WindowEvent.Start w) {
                String key = w.window() + "@" + w.start();
                starts.putIfAbsent(key, w);
                startedBy.putIfAbsent(key, run);
            } else if (e instanceof WindowEvent.End w) {
                ends.putIfAbsent(w.window() + "@" + w.start(), w.end());
            }
        }
        List<MonitorRuns.Run> runs = MonitorRuns.of(events);
        List<ReportBuilder.WindowSpec> out = new ArrayList<>();
        for (Map.Entry<String, WindowEvent.Start> s : starts.entrySet()) {
            WindowEvent.Start w = s.getValue();
            Instant end = w.end().orElse(ends.get(s.getKey()));
            if (end == null) {
                end = lastRecordFrom(runs, w.start());
            }
            Lifecycle.Start by = startedBy.get(s.getKey());
            String settings = by == null ? "" : by.settings();
            String stale = field(settings, "stale-after");
            String zone = field(settings, "display-zone");
            out.add(new ReportBuilder.WindowSpec(w.window(), w.start(), end.isAfter(w.start()) ? end : w.start().plusMillis(1),
                    w.description().orElse(""), zone == null ? "Asia/Hong_Kong" : zone,
                    stale == null ? Duration.ofSeconds(5) : Duration.parse(stale)));
        }
        out.sort(java.util.Comparator.comparing(ReportBuilder.WindowSpec::start));
        return out;
    }

    /** The last record of the monitor's runs from an instant on, until the first clean stop. */
    private static Instant lastRecordFrom(List<MonitorRuns.Run> runs, Instant from) {
        Instant last = from;
        for (MonitorRuns.Run r : runs) {
            if (r.lastRecord().isBefore(from)) {
                continue;
            }
            last = r.lastRecord();
            if (r.stopped()) {
                break;
            }
        }
        return last;
    }
}
