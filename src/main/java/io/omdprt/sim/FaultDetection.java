package io.omdprt.sim;

import io.omdprt.event.DrStatus;
import io.omdprt.event.EventType;
import io.omdprt.event.Gap;
import io.omdprt.event.Located;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Outage;
import io.omdprt.event.Refresh;
import io.omdprt.event.Sequence;
import io.omdprt.event.Where;
import io.omdprt.track.LineCounter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * For every injected fault, what the monitor detected: the event or counter that shows it, or that
 * nothing does. The demo's summary, and a check that the monitor misses nothing it is shown.
 */
public final class FaultDetection {
    /** One fault and its detection. */
    public record Result(GroundTruth.InjectedFault fault, boolean detected, String seen) {
    }

    private FaultDetection() {
    }

    public static List<Result> detect(GroundTruth truth, List<MonitorEvent> events, Observed observed) {
        List<Result> results = new ArrayList<>();
        for (GroundTruth.InjectedFault f : truth.faults) {
            results.add(detect(f, truth, events, observed));
        }
        return results;
    }

    private static Result detect(GroundTruth.InjectedFault f, GroundTruth truth, List<MonitorEvent> events, Observed observed) {
        Instant at = Instant.parse(f.at);
        List<MonitorEvent> after = events.stream()
                .filter(e -> !e.time().isBefore(at.minusMillis(5)) && e instanceof Located l
                        && Objects.equals(l.where().feed(), f.feed) && Objects.equals(l.where().channel(), f.channel))
                .toList();
        switch (f.type) {
            case "drop": {
                if (f.fromSeq == null) {
                    return new Result(f, false, "the drop never happened (no traffic after it)");
                }
                EventType type = f.line == null ? EventType.ARBITRATED_GAP : EventType.LINE_GAP;
                for (MonitorEvent e : after) {
                    if (e instanceof Gap g && g.type() == type && (f.line == null || f.line.equals(line(g)))
                            && Objects.equals(g.missing().first(), f.fromSeq) && Objects.equals(g.missing().last(), f.toSeq)) {
                        return new Result(f, true, (f.line == null ? "DATA LOSS (arbitrated gap) " : "line " + f.line + " gap ")
                                + g.missing() + " (" + g.missing().messages() + " messages)");
                    }
                }
                return new Result(f, false, "no " + type.label() + " " + f.fromSeq + ".." + f.toSeq);
            }
            case "line-down":
                return outage(f, after, EventType.LINE_DOWN, EventType.LINE_UP, "line " + f.line);
            case "channel-silent":
                return outage(f, after, EventType.CHANNEL_DOWN, EventType.CHANNEL_UP, "channel");
            case "duplicate": {
                long expected = truth.line(f.feed, f.channel, f.line).duplicateMessages;
                long seen = observed.line(f.feed, f.channel, f.line, LineCounter.DUPLICATE_MESSAGES);
                return new Result(f, seen >= expected && expected > 0, seen + " duplicate messages counted on line " + f.line);
            }
            case "reorder": {
                long expected = truth.line(f.feed, f.channel, f.line).lateMessages;
                long seen = observed.line(f.feed, f.channel, f.line, LineCounter.LATE_MESSAGES);
                return new Result(f, seen >= expected && expected > 0, seen + " late (out-of-order) messages on line " + f.line);
            }
            case "delay": {
                long samples = observed.skewSamplesAtLeast(f.feed, f.channel, 0.01);
                return new Result(f, samples > 0, samples + " A/B skew samples of 10 ms or more");
            }
            case "sequence-reset": {
                long lines = all(after, Sequence.Reset.class).stream().map(r -> r.where().line()).distinct().count();
                long expected = truth.getLines().stream().filter(l -> l.feed.equals(f.feed) && l.channel.equals(f.channel)).count();
                return new Result(f, lines == expected, "sequence reset seen on " + lines + " of " + expected + " lines");
            }
            case "dr-signal": {
                for (DrStatus d : all(after, DrStatus.class)) {
                    if (d.status() == dr(f)) {
                        return new Result(f, true, "DR status " + d.previous() + " -> " + d.status());
                    }
                }
                return new Result(f, false, "no DR status change to " + dr(f));
            }
            case "refresh-stall":
                return all(after, Refresh.Stall.class).stream().findFirst()
                        .map(s -> new Result(f, true, "refresh stall: " + s.detail()))
                        .orElse(new Result(f, false, "no " + EventType.REFRESH_STALL.label()));
            case "refresh-gap": {
                for (Refresh.Unusable u : all(after, Refresh.Unusable.class)) {
                    if (Objects.equals(u.lost().first(), f.fromSeq) && Objects.equals(u.lost().last(), f.toSeq)) {
                        return new Result(f, true, "unusable snapshot: " + u.lost() + " lost inside it");
                    }
                }
                return new Result(f, false, "no refresh_unusable " + f.fromSeq + ".." + f.toSeq);
            }
            case "refresh-ahead":
                return all(after, Refresh.Ahead.class).stream().findFirst()
                        .map(a -> new Result(f, true, "LastSeqNum ahead of the real-time channel: " + a.detail()))
                        .orElse(new Result(f, false, "no " + EventType.REFRESH_AHEAD.label()));
            default:
                return new Result(f, false, "unknown fault type " + f.type);
        }
    }

    private static <T> List<T> all(List<MonitorEvent> events, Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The line an event is about, or null for a channel's own. */
    private static String line(MonitorEvent e) {
        return e instanceof Located l && l.where() instanceof Where.Line w ? w.line() : null;
    }

    private static long dr(GroundTruth.InjectedFault f) {
        return f.status == null ? -1 : f.status;
    }

    private static Result outage(GroundTruth.InjectedFault f, List<MonitorEvent> after, EventType down, EventType up, String what) {
        boolean wentDown = false;
        for (MonitorEvent e : after) {
            if (f.line != null && !f.line.equals(line(e))) {
                continue;
            }
            if (e.type() == down) {
                wentDown = true;
            } else if (e instanceof Outage.Up u && u.type() == up && wentDown) {
                return new Result(f, true, what + " down, back after " + String.format(Locale.ROOT, "%.2fs", u.seconds()));
            }
        }
        return new Result(f, false, wentDown ? what + " went down but never came back" : "no " + down.label());
    }
}
