package io.omdprt.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulator injected and what a correct monitor must therefore report: per line and per
 * channel expected counts, and every fault with its exact sequence range or silence. Written as JSON.
 */
public final class GroundTruth {
    /** Expected counts of one line. */
    public static final class LineTruth {
        public String feed;
        public String channel;
        public String line;
        public long gaps;
        public long missingMessages;
        public long lateMessages;
        public long duplicateMessages;
        public long outOfOrderPackets;
        public long sequenceResets;
        /** The largest burst fault on the line, packets (the monitor's 1 ms peak is at least this when its span is within 1 ms). */
        public long burstPackets;
        /** Every outage, in seconds from last send before to first send after. */
        public List<Double> outageSeconds = new ArrayList<>();
    }

    /** Expected counts of one channel. */
    public static final class ChannelTruth {
        public String feed;
        public String channel;
        public long arbitratedGaps;
        public long arbitratedMissingMessages;
        public long sequenceResets;
        public long drStatus;
        public long drStatusChanges;
        public List<Double> outageSeconds = new ArrayList<>();
        public long messagesPublished;
        /** Refresh channels: Refresh Completes sent, snapshots with a gap inside, Refresh Completes above the real-time channel, LastSeqNum falls, stalls. */
        public long refreshCompletes;
        public long refreshUnusableSnapshots;
        public long refreshAhead;
        public long refreshLastSeqDecreases;
        public long refreshStalls;
    }

    /** One injected fault as it actually happened. */
    public static final class InjectedFault {
        public String at;
        public double atSeconds;
        public String type;
        public String feed;
        public String channel;
        public String line;
        public String description;
        public Long fromSeq;
        public Long toSeq;
        public Double silenceSeconds;
        public Integer status;
        public String effect;
    }

    public String scenario;
    public String started;
    public String ended;
    public final List<InjectedFault> faults = new ArrayList<>();
    private final Map<String, LineTruth> lines = new LinkedHashMap<>();
    private final Map<String, ChannelTruth> channels = new LinkedHashMap<>();

    public synchronized LineTruth line(String feed, String channel, String line) {
        return lines.computeIfAbsent(feed + "/" + channel + "/" + line, k -> {
            LineTruth t = new LineTruth();
            t.feed = feed;
            t.channel = channel;
            t.line = line;
            return t;
        });
    }

    public synchronized ChannelTruth channel(String feed, String channel) {
        return channels.computeIfAbsent(feed + "/" + channel, k -> {
            ChannelTruth t = new ChannelTruth();
            t.feed = feed;
            t.channel = channel;
            return t;
        });
    }

    public synchronized List<LineTruth> getLines() {
        return new ArrayList<>(lines.values());
    }

    public synchronized List<ChannelTruth> getChannels() {
        return new ArrayList<>(channels.values());
    }

    synchronized InjectedFault record(Fault f, Instant at, double atSeconds) {
        InjectedFault i = new InjectedFault();
        i.at = at.toString();
        i.atSeconds = Math.round(atSeconds * 1000) / 1000.0;
        i.type = f.type().configName();
        i.feed = f.feed();
        i.channel = f.channel();
        i.line = f.line();
        i.description = f.describe();
        i.status = f.type() == FaultType.DR_SIGNAL ? f.status() : null;
        faults.add(i);
        return i;
    }

    public synchronized void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    public static GroundTruth read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), GroundTruthFile.class).toGroundTruth();
    }

    /** The JSON form, for reading a ground-truth file back. */
    static final class GroundTruthFile {
        public String scenario;
        public String started;
        public String ended;
        public List<InjectedFault> faults = new ArrayList<>();
        public List<LineTruth> lines = new ArrayList<>();
        public List<ChannelTruth> channels = new ArrayList<>();

        GroundTruth toGroundTruth() {
            GroundTruth g = new GroundTruth();
            g.scenario = scenario;
            g.started = started;
            g.ended = ended;
            g.faults.addAll(faults);
            for (LineTruth l : lines) {
                g.lines.put(l.feed + "/" + l.channel + "/" + l.line, l);
            }
            for (ChannelTruth c : channels) {
                g.channels.put(c.feed + "/" + c.channel, c);
            }
            return g;
        }
    }
}
