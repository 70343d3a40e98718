package io.omdprt.report;

import io.omdprt.event.Host;
import io.omdprt.event.Lifecycle;
import io.omdprt.event.MonitorEvent;
import io.omdprt.text.Counts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When this host kept a line from receiving, rebuilt from the journal: its interface down or gone
 * ({@code interface_down} to {@code interface_up}), its membership missing ({@code membership_missing}
 * or {@code interface_changed} to {@code line_rejoined}), and the kernel dropping datagrams (a
 * {@code socket_drops} of the line or an {@code rp_filter_drops}, each covering the poll period
 * before it). An outage or gap that overlaps such a time is local, with the first cause named.
 */
final class LocalFaults {
    /** How far back a drop counter's rise reaches: the drops happened since the previous poll. */
    static final Duration DROP_SPAN = Duration.ofMillis(400);
    /** A gap is seen at the first datagram after it: a local fault up to this long before it explains it. */
    static final Duration GAP_REACH = Duration.ofSeconds(1);

    /** A time this host kept a line from receiving, and why. */
    record Span(Instant from, Instant to, String cause) {
    }

    private final Map<String, List<Span>> byLine = new LinkedHashMap<>();

    /**
     * @param events     the channel's events and the host's interface and rp_filter events, in time order
     * @param interfaces each line's receiving interface (a line missing here has only its own events)
     */
    LocalFaults(List<MonitorEvent> events, Map<String, String> interfaces, Instant until) {
        for (String line : interfaces.keySet()) {
            byLine.put(line, spans(events, line, interfaces.get(line), until));
        }
    }

    private static List<Span> spans(List<MonitorEvent> events, String line, String iface, Instant until) {
        List<Span> out = new ArrayList<>();
        Instant downSince = null;
        String downWhy = null;
        Instant missingSince = null;
        String missingWhy = null;
        for (MonitorEvent e : events) {
            boolean mine = e instanceof Host.OfInterface i && i.iface().equals(iface);
            boolean ofLine = e instanceof Host.OfMembership m && m.where().line().equals(line)
                    || e instanceof Host.SocketDrops d && d.where().line().equals(line);
            if (e instanceof Host.InterfaceDown d) {
                if (mine && downSince == null) {
                    downSince = e.time();
                    downWhy = d.detail();
                }
            } else if (e instanceof Host.InterfaceUp) {
                if (mine && downSince != null) {
                    out.add(new Span(downSince, e.time(), downWhy));
                    downSince = null;
                }
            } else if (e instanceof Host.InterfaceChanged) {
                if (mine && missingSince == null) {
                    missingSince = e.time();
                    missingWhy = "interface " + iface + " created again, not yet joined";
                }
            } else if (e instanceof Host.MembershipMissing m) {
                if (ofLine && missingSince == null) {
                    missingSince = e.time();
                    missingWhy = "membership missing on " + m.iface();
                }
            } else if (e instanceof Host.LineRejoined) {
                if (ofLine && missingSince != null) {
                    out.add(new Span(missingSince, e.time(), missingWhy));
                    missingSince = null;
                }
            } else if (e instanceof Host.SocketDrops d) {
                if (ofLine) {
                    out.add(new Span(e.time().minus(DROP_SPAN), e.time(), "this host's kernel dropped "
                            + Counts.of(d.rise(), "datagram") + " on the socket"));
                }
            } else if (e instanceof Host.RpFilterDrops d) {
                out.add(new Span(e.time().minus(DROP_SPAN), e.time(),
                        "the reverse-path filter (rp_filter) dropped " + Counts.of(d.rise(), "datagram")));
            } else if (e instanceof Lifecycle.Start) {
                // A new run watches afresh: what the old one had open ends at its last record (not known here: at the start).
                if (downSince != null) {
                    out.add(new Span(downSince, e.time(), downWhy));
                    downSince = null;
                }
                if (missingSince != null) {
                    out.add(new Span(missingSince, e.time(), missingWhy));
                    missingSince = null;
                }
            }
        }
        if (downSince != null && downSince.isBefore(until)) {
            out.add(new Span(downSince, until, downWhy));
        }
        if (missingSince != null && missingSince.isBefore(until)) {
            out.add(new Span(missingSince, until, missingWhy));
        }
        out.sort(Comparator.comparing(Span::from));
        return out;
    }

    /** The local seconds of a line inside [from, to] (overlapping causes counted once). */
    double seconds(String line, Instant from, Instant to) {
        return seconds(merged(byLine.getOrDefault(line, List.of())), from, to);
    }

    /** The causes of a line's local faults overlapping [from, to], joined, or null when none. */
    String cause(String line, Instant from, Instant to) {
        List<String> causes = new ArrayList<>();
        for (Span s : byLine.getOrDefault(line, List.of())) {
            if (s.from().isBefore(to) && s.to().isAfter(from) && !causes.contains(s.cause())) {
                causes.add(s.cause());
            }
        }
        return causes.isEmpty() ? null : String.join("; ", causes);
    }

    /** A line gap seen at {@code at}: the local cause just before it (or the drop count just after), or null. */
    String gapCause(String line, Instant at) {
        return cause(line, at.minus(GAP_REACH), at.plus(DROP_SPAN));
    }

    /** Seconds inside [from, to] during which every line had a local fault at once (a channel outage's local part). */
    double everyLineSeconds(Instant from, Instant to) {
        List<Span> common = null;
        for (List<Span> spans : byLine.values()) {
            List<Span> m = merged(spans);
            common = common == null ? m : intersect(common, m);
        }
        return common == null ? 0 : seconds(common, from, to);
    }

    /** The causes of every line's local faults inside [from, to], when every line had one; else null. */
    String everyLineCause(Instant from, Instant to) {
        List<String> causes = new ArrayList<>();
        for (String line : byLine.keySet()) {
            String c = cause(line, from, to);
            if (c == null) {
                return null;
            }
            if (!causes.contains(c)) {
                causes.add(c);
            }
        }
        return causes.isEmpty() ? null : String.join("; ", causes);
    }

    private static double seconds(List<Span> merged, Instant from, Instant to) {
        double sum = 0;
        for (Span s : merged) {
            Instant a = s.from().isAfter(from) ? s.from() : from;
            Instant b = s.to().isBefore(to) ? s.to() : to;
            if (a.isBefore(b)) {
                sum += Duration.between(a, b).toNanos() / 1e9;
            }
        }
        return ReportBuilder.round(sum);
    }

    private static List<Span> merged(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(Span::from));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !s.from().isAfter(last.to())) {
                out.set(out.size() - 1, new Span(last.from(), s.to().isAfter(last.to()) ? s.to() : last.to(), last.cause()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static List<Span> intersect(List<Span> a, List<Span> b) {
        List<Span> out = new ArrayList<>();
        for (Span x : a) {
            for (Span y : b) {
                Instant from = x.from().isAfter(y.from()) ? x.from() : y.from();
                Instant to = x.to().isBefore(y.to()) ? x.to() : y.to();
                if (from.isBefore(to)) {
                    out.add(new Span(from, to, x.cause()));
                }
            }
        }
        return out;
    }
}
