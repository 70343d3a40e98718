package io.omdprt.analyze;

import io.omdprt.config.MonitorConfig;
import io.omdprt.event.EventRecorder;
import io.omdprt.event.ChannelCounts;
import io.omdprt.model.SocketStats;
import io.omdprt.model.CounterSnapshots;
import io.omdprt.event.TrackerEvents;
import io.omdprt.event.Where;
import io.omdprt.model.ChannelSet;
import io.omdprt.model.MonitoredChannel;
import io.omdprt.pcap.LinkType;
import io.omdprt.pcap.PcapFormatException;
import io.omdprt.pcap.PcapReader;
import io.omdprt.pcap.SkipReason;
import io.omdprt.pcap.UdpDatagram;
import io.omdprt.report.ReportModel;
import io.omdprt.time.MonitorClock;
import io.omdprt.track.ChannelTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs capture files through the live monitor's trackers, with the capture's timestamps as the clock:
 * the trackers start at the first datagram, get a liveness tick each time capture time passes the
 * next check interval (as the receiver's timer does live), and are settled at the last datagram.
 *
 * <p>Several files are one capture, analysed in the order given: they are taken to be consecutive
 * (as tcpdump's -C or -G rotation writes them), so the trackers carry on from one file to the next.
 * A corrupt or truncated file ends the analysis; what was read before it is kept. Single-threaded;
 * allocation-free per datagram.
 */
public final class CaptureAnalyzer {
    public static final long NO_TIME = Long.MIN_VALUE;
    /** Unknown destinations listed in the report. */
    public static final int TOP_UNKNOWN = 20;
    private static final int PROGRESS_EVERY = 1 << 14;
    private static final long SNAPSHOT_NANOS = CounterSnapshots.INTERVAL.toNanos();

    private final MonitorConfig config;
    private final Progress progress;
    private final MonitorClock clock;
    private final EventRecorder events = new EventRecorder();
    private final UnknownDestinations unknown = new UnknownDestinations();
    private final long[] skipped = new long[SkipReason.values().length];
    private final List<ReportModel.CaptureFile> files = new ArrayList<>();
    private final UdpDatagram datagram = new UdpDatagram();

    private ChannelSet channels;
    private ChannelTracker[] trackers;
    private LineMap lines;
    private LivenessTicks ticks;
    private long firstNanos = NO_TIME;
    private long nextSnapshot = Long.MAX_VALUE;
    private long lastNanos = NO_TIME;
    private long fileFirst;
    private long fileLast;
    private long packetsRead;
    private long analysed;
    private long bytesRead;
    private String error;

    /** @param clock times the progress lines (the capture's own timestamps are the time of everything analysed) */
    public CaptureAnalyzer(MonitorConfig config, Progress progress, MonitorClock clock) {
        this.config = config;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Reads one more file of the capture.
     *
     * @return false when reading ended in an error (see {@link ReportModel.Capture#error()}): analyse no further file
     */
    public boolean analyze(Path file) {
        if (error != null) {
            throw new IllegalStateException("the analysis already ended in an error: " + error);
        }
        PcapReader reader;
        try {
            reader = PcapReader.open(file);
        } catch (IOException e) {
            fail(file, e);
            files.add(new ReportModel.CaptureFile(file.toString(), "unreadable", "", size(file), 0, null, null));
            return false;
        }
        fileFirst = NO_TIME;
        fileLast = NO_TIME;
        long unknownBefore = unknown.datagrams();
        progress.start(file.getFileName().toString(), reader.fileSize(), clock.monotonicNanos());
        try (reader) {
            read(reader);
        } catch (IOException e) {
            fail(file, e);
        }
        progress.done(reader.bytesRead(), reader.records(), clock.monotonicNanos());
        account(file, reader, unknownBefore);
        return error == null;
    }

    private void fail(Path file, IOException e) {
        error = e instanceof PcapFormatException ? e.getMessage()
                : file + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private void read(PcapReader reader) throws IOException {
        UdpDatagram d = datagram;
        if (!reader.next(d)) {
            return;
        }
        if (trackers == null) {
            start(d.timestampNanos());
        }
        fileFirst = d.timestampNanos();
        long n = 0;
        do {
            long t = d.timestampNanos();
            if (t >= ticks.next()) {
                ticks.advanceTo(t, trackers);
            }
            if (t >= nextSnapshot) {
                snapshot(nextSnapshot, nextSnapshot);
                nextSnapshot += (t - nextSnapshot) / SNAPSHOT_NANOS * SNAPSHOT_NANOS + SNAPSHOT_NANOS;
            }
            if (t > fileLast) {
                fileLast = t;
            }
            int slot = lines.find(d.destinationAddress(), d.destinationPort());
            if (slot != LineMap.UNKNOWN) {
                trackers[LineMap.channelOf(slot)].onDatagram(LineMap.lineOf(slot), d.buffer(), d.payloadOffset(),
                        d.payloadLength(), t, t);
            } else {
                unknown.count(d.destinationAddress(), d.destinationPort());
            }
            if ((++n & PROGRESS_EVERY - 1) == 0) {
                progress.update(reader.bytesRead(), reader.records(), clock.monotonicNanos());
            }
        } while (reader.next(d));
    }

    private void start(long nowNanos) {
        channels = ChannelSet.create(config, new TrackerEvents(events), nowNanos);
        trackers = channels.channels().stream().map(MonitoredChannel::tracker).toArray(ChannelTracker[]::new);
        lines = new LineMap(channels);
        ticks = new LivenessTicks(nowNanos, config.liveness().checkInterval().toNanos(),
                config.liveness().staleAfter().toNanos(), config.arbitrationWait().toNanos());
        firstNanos = nowNanos;
        nextSnapshot = nowNanos + SNAPSHOT_NANOS;
    }

    /**
     * Counters snapshots as the live monitor journals them inside a window (every 30 s of capture
     * time, and at the end), so a capture's report has the same per-interval peaks, percentiles and
     * plots as a window's.
     *
     * @param burstsUntil seconds that ended before this count in the snapshot's peaks (Long.MAX_VALUE: all)
     */
    private void snapshot(long atNanos, long burstsUntil) {
        Instant at = Instant.ofEpochSecond(0, atNanos);
        for (MonitoredChannel c : channels.channels()) {
            c.tracker().publishBursts();
            events.accept(new ChannelCounts(at, new Where.Channel(c.feedName(), c.label()), CounterSnapshots.of(c, SocketStats.NONE, atNanos,
                    burstsUntil), CounterSnapshots.histograms(c)));
        }
    }

    private void account(Path file, PcapReader reader, long unknownBefore) {
        packetsRead += reader.records();
        analysed += reader.datagrams() - (unknown.datagrams() - unknownBefore);
        bytesRead += reader.bytesRead();
        lastNanos = Math.max(lastNanos, fileLast);
        for (SkipReason r : SkipReason.REASONS) {
            skipped[r.ordinal()] += reader.skipped(r);
        }
        files.add(new ReportModel.CaptureFile(file.toString(), reader.format().description(),
                reader.linkType() < 0 ? "" : LinkType.describe(reader.linkType()), reader.fileSize(), reader.records(),
                time(fileFirst), time(fileLast)));
    }

    /** End of the capture: whatever is still missing now is lost. */
    public Analysis finish() {
        if (trackers != null) {
            for (ChannelTracker t : trackers) {
                t.settle(lastNanos);
            }
            snapshot(lastNanos, Long.MAX_VALUE);
        }
        Map<String, Long> skippedByReason = new LinkedHashMap<>();
        for (SkipReason r : SkipReason.REASONS) {
            skippedByReason.put(r.label(), skipped[r.ordinal()]);
        }
        ReportModel.Capture capture = new ReportModel.Capture(List.copyOf(files), packetsRead, analysed, skippedByReason,
                unknown.datagrams(), unknown.destinations(), unknown.top(TOP_UNKNOWN), time(firstNanos), time(lastNanos),
                error == null, error);
        return new Analysis(events.events(), channels, capture, firstNanos, lastNanos, bytesRead);
    }

    private static String time(long nanos) {
        return nanos == NO_TIME ? null : Instant.ofEpochSecond(0, nanos).toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
