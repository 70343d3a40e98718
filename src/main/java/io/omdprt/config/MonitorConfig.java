package io.omdprt.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole configuration, validated.
 *
 * @param file     where it was read from, for messages
 * @param instance this monitor's name (exported in omd_monitor_info)
 * @param site     where this receiver sits (primary, dr)
 * @param reportDir where window reports are written (a folder per window instance)
 * @param displayZone the zone times shown to people are in (display-zone, default Asia/Hong_Kong)
 * @param recurringWindows windows on a weekly rhythm (recurring-windows: the trading sessions); the one-off windows win over them
 * @param alertMode when the feed alerts may fire (alerts.mode), exported for the rules' gate
 * @param reportRetentionDays how long window reports are kept (reports.retention-days)
 */
public record MonitorConfig(
        String file,
        String instance,
        String site,
        HttpConfig http,
        LivenessConfig liveness,
        Duration arbitrationWait,
        ReceiverConfig receiver,
        JournalConfig journal,
        Path reportDir,
        List<WindowConfig> windows,
        List<FeedConfig> feeds,
        java.time.ZoneId displayZone,
        TrackingConfig tracking,
        List<RecurringWindowConfig> recurringWindows,
        AlertMode alertMode,
        int reportRetentionDays) {
    public static final int DEFAULT_REPORT_RETENTION_DAYS = 30;

    public MonitorConfig {
        windows = List.copyOf(windows);
        feeds = List.copyOf(feeds);
        recurringWindows = List.copyOf(recurringWindows);
    }

    /** Default tracking, no recurring windows, PRT alert mode, reports kept 30 days. */
    public MonitorConfig(String file, String instance, String site, HttpConfig http, LivenessConfig liveness, Duration arbitrationWait,
                         ReceiverConfig receiver, JournalConfig journal, Path reportDir, List<WindowConfig> windows, List<FeedConfig> feeds,
                         java.time.ZoneId displayZone) {
        this(file, instance, site, http, liveness, arbitrationWait, receiver, journal, reportDir, windows, feeds, displayZone,
                TrackingConfig.DEFAULTS, List.of(), AlertMode.PRT, DEFAULT_REPORT_RETENTION_DAYS);
    }

    /** As above, times shown in Hong Kong time. */
    public MonitorConfig(String file, String instance, String site, HttpConfig http, LivenessConfig liveness, Duration arbitrationWait,
                         ReceiverConfig receiver, JournalConfig journal, Path reportDir, List<WindowConfig> windows, List<FeedConfig> feeds) {
        this(file, instance, site, http, liveness, arbitrationWait, receiver, journal, reportDir, windows, feeds, ConfigLoader.HONG_KONG);
    }

    public io.omdprt.time.DisplayTime display() {
        return new io.omdprt.time.DisplayTime(displayZone);
    }

    /** Every channel of every feed, in config order. */
    public List<ChannelConfig> allChannels() {
        List<ChannelConfig> all = new ArrayList<>();
        for (FeedConfig f : feeds) {
            all.addAll(f.channels());
        }
        return all;
    }

    public int lineCount() {
        int n = 0;
        for (ChannelConfig c : allChannels()) {
            n += c.lines().size();
        }
        return n;
    }

    public MonitorConfig withHttp(HttpConfig newHttp) {
        return new MonitorConfig(file, instance, site, newHttp, liveness, arbitrationWait, receiver, journal, reportDir, windows, feeds, displayZone,
                tracking, recurringWindows, alertMode, reportRetentionDays);
    }

    /** The same config writing its journal and reports elsewhere (tests, the demo). */
    public MonitorConfig withOutput(JournalConfig newJournal, Path newReportDir) {
        return new MonitorConfig(file, instance, site, http, liveness, arbitrationWait, receiver, newJournal, newReportDir, windows, feeds,
                displayZone, tracking, recurringWindows, alertMode, reportRetentionDays);
    }

    /** The same config with other feeds (fresh endpoints for tests and the demo). */
    public MonitorConfig withFeeds(List<FeedConfig> newFeeds) {
        return new MonitorConfig(file, instance, site, http, liveness, arbitrationWait, receiver, journal, reportDir, windows, newFeeds,
                displayZone, tracking, recurringWindows, alertMode, reportRetentionDays);
    }
}
