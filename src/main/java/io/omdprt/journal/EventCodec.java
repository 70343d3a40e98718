package io.omdprt.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.omdprt.event.ChannelCounts;
import io.omdprt.event.DrStatus;
import io.omdprt.event.EventType;
import io.omdprt.event.Gap;
import io.omdprt.event.Host;
import io.omdprt.event.Lifecycle;
import io.omdprt.event.Located;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.Outage;
import io.omdprt.event.Refresh;
import io.omdprt.event.Rts;
import io.omdprt.event.SeqRange;
import io.omdprt.event.Sequence;
import io.omdprt.event.Where;
import io.omdprt.event.WindowEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Events as journal lines and back. Every event is one JSON object in one flat shape: the same
 * field names for every type, in the same order, and only those its type has (nulls left out); the
 * format the journal had before the events were records, unchanged. What a record computes from its
 * fields (an outage's seconds, a stray datagram's last sequence number, the words of some details)
 * is written, and not read back.
 */
public final class EventCodec {
    private EventCodec() {
    }

    /**
     * The journal's line: every field any event has. What each means depends on the type:
     * fromSeq/toSeq a range of sequence numbers (of a jump or restart: the next expected and the
     * new one); since the start of what the event ends or reports (an outage, a gap's hole, a
     * window); value/previous a number now and before (a status, a counter, a LastSeqNum).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Line(Instant time, String type, String feed, String channel, String line, String site, Long fromSeq, Long toSeq,
                        Instant since, Double seconds, Long value, Long previous, String window, Instant until, String detail,
                        Map<String, Long> counts, @JsonProperty("interface") String iface, Map<String, String> hist) {
    }

    /** The event as one JSON line (without the newline). */
    public static byte[] encode(MonitorEvent event) throws JsonProcessingException {
        return Journal.JSON.writeValueAsBytes(toLine(event));
    }

    /**
     * The event of a JSON line, or null when the line is no event (it has no time or no type).
     *
     * @throws JsonProcessingException  when it is not such a JSON object
     * @throws IllegalArgumentException when its type is unknown or it lacks a field its type has
     */
    public static MonitorEvent decode(String json) throws JsonProcessingException {
        Line l = Journal.JSON.readValue(json, Line.class);
        return l.time() == null || l.type() == null ? null : toEvent(l);
    }

    private static Line toLine(MonitorEvent event) {
        Fields f = new Fields(event);
        if (event instanceof Located located) {
            f.where(located.where());
        }
        if (event instanceof Gap.OnLine g) {
            f.range(g.missing());
        } else if (event instanceof Gap.Arbitrated g) {
            f.range(g.missing());
            f.since = g.openedAt();
        } else if (event instanceof Outage.Down d) {
            f.since = d.lastArrival();
        } else if (event instanceof Outage.Up u) {
            f.since = u.outageStart();
            f.seconds = u.seconds();
        } else if (event instanceof Sequence.Reset r) {
            f.value = r.newSeqNo();
        } else if (event instanceof Sequence.Stray s) {
            f.range(s.carried());
            f.value = s.msgCount();
        } else if (event instanceof Sequence.Jump j) {
            f.range(new SeqRange(j.expected(), j.newSeq()));
            f.since = j.firstSeen();
        } else if (event instanceof Sequence.Restart r) {
            f.range(new SeqRange(r.expected(), r.newSeq()));
            f.since = r.firstSeen();
        } else if (event instanceof DrStatus d) {
            f.value = d.status();
            f.previous = d.previous();
        } else if (event instanceof Host.SocketDrops d) {
            f.value = d.dropped();
            f.previous = d.before();
        } else if (event instanceof Host.RpFilterDrops d) {
            f.value = d.dropped();
            f.previous = d.before();
            f.detail = d.detail();
        } else if (event instanceof Host.InterfaceDown d) {
            f.value = boxed(d.ifindex());
            f.iface(d.iface(), d.detail());
        } else if (event instanceof Host.InterfaceUp u) {
            f.value = u.ifindex();
            f.iface(u.iface(), u.detail());
        } else if (event instanceof Host.InterfaceChanged c) {
            f.value = c.ifindex();
            f.previous = c.previousIfindex();
            f.iface(c.iface(), c.detail());
        } else if (event instanceof Host.OfMembership m) {
            f.iface(m.iface(), m.detail());
        } else if (event instanceof Refresh.Unusable u) {
            f.range(u.lost());
            f.value = u.snapshots();
            f.detail = u.detail();
        } else if (event instanceof Refresh.Ahead a) {
            f.value = a.lastSeqNum();
            f.previous = a.realtimeHighWater();
            f.detail = a.detail();
        } else if (event instanceof Refresh.Decreased d) {
            f.value = d.lastSeqNum();
            f.previous = d.previousLastSeqNum();
            f.detail = d.detail();
        } else if (event instanceof Refresh.Stall s) {
            f.since = s.lastComplete();
            f.value = s.typicalIntervalMillis();
            f.detail = s.detail();
        } else if (event instanceof Refresh.Resumed r) {
            f.since = r.lastComplete();
            f.seconds = r.seconds();
        } else if (event instanceof Rts.Logon l) {
            f.feed = l.feed();
            f.seconds = l.latencySeconds();
            f.value = boxed(l.sessionStatus());
            f.detail = l.detail();
        } else if (event instanceof Rts.Request r) {
            f.range(r.requested());
            f.seconds = r.completeSeconds();
            f.value = boxed(r.retransStatus());
            f.detail = r.detail();
            f.counts = r.counts();
        } else if (event instanceof Rts.NotTried n) {
            n.range().ifPresent(f::range);
            f.detail = n.detail();
        } else if (event instanceof ChannelCounts c) {
            f.counts = c.counts();
            f.hist = c.hist().isEmpty() ? null : c.hist();
        } else if (event instanceof WindowEvent.Start s) {
            f.window(s.window(), s.start(), s.end().orElse(null));
            f.detail = s.description().orElse(null);
        } else if (event instanceof WindowEvent.End e) {
            f.window(e.window(), e.start(), e.end());
        } else if (event instanceof Lifecycle.Start s) {
            f.detail = s.settings();
        }
        return f.line();
    }

    private static MonitorEvent toEvent(Line l) {
        EventType type = EventType.fromLabel(l.type());
        Instant t = l.time();
        return switch (type) {
            case LINE_GAP -> new Gap.OnLine(t, lineAt(l), range(l));
            case ARBITRATED_GAP -> new Gap.Arbitrated(t, channelAt(l), range(l), need(l.since(), "since", l));
            case LINE_DOWN -> new Outage.Down(t, lineAt(l), need(l.since(), "since", l));
            case CHANNEL_DOWN -> new Outage.Down(t, channelAt(l), need(l.since(), "since", l));
            case LINE_UP -> new Outage.Up(t, lineAt(l), need(l.since(), "since", l));
            case CHANNEL_UP -> new Outage.Up(t, channelAt(l), need(l.since(), "since", l));
            case LINE_RECEIVING -> new Outage.Receiving(t, lineAt(l));
            case SEQUENCE_RESET -> new Sequence.Reset(t, lineAt(l), need(l.value(), "value", l));
            case STRAY_PACKET -> new Sequence.Stray(t, lineAt(l), need(l.fromSeq(), "fromSeq", l), need(l.value(), "value", l));
            case SEQUENCE_JUMP -> new Sequence.Jump(t, channelAt(l), need(l.fromSeq(), "fromSeq", l), need(l.toSeq(), "toSeq", l),
                    need(l.since(), "since", l));
            case SEQUENCE_RESTART -> new Sequence.Restart(t, channelAt(l), need(l.fromSeq(), "fromSeq", l), need(l.toSeq(), "toSeq", l),
                    need(l.since(), "since", l));
            case DR_STATUS -> new DrStatus(t, channelAt(l), need(l.value(), "value", l), need(l.previous(), "previous", l));
            case SOCKET_DROPS -> new Host.SocketDrops(t, lineAt(l), need(l.value(), "value", l), need(l.previous(), "previous", l));
            case RP_FILTER_DROPS -> new Host.RpFilterDrops(t, need(l.value(), "value", l), need(l.previous(), "previous", l));
            case INTERFACE_DOWN -> new Host.InterfaceDown(t, need(l.iface(), "interface", l), optional(l.value()),
                    need(l.detail(), "detail", l));
            case INTERFACE_UP -> new Host.InterfaceUp(t, need(l.iface(), "interface", l), need(l.value(), "value", l));
            case INTERFACE_CHANGED -> new Host.InterfaceChanged(t, need(l.iface(), "interface", l), need(l.value(), "value", l),
                    need(l.previous(), "previous", l));
            case MEMBERSHIP_MISSING -> new Host.MembershipMissing(t, lineAt(l), need(l.iface(), "interface", l),
                    need(l.detail(), "detail", l));
            case LINE_REJOINED -> new Host.LineRejoined(t, lineAt(l), need(l.iface(), "interface", l), need(l.detail(), "detail", l));
            case REFRESH_UNUSABLE -> new Refresh.Unusable(t, channelAt(l), range(l), need(l.value(), "value", l));
            case REFRESH_AHEAD -> new Refresh.Ahead(t, channelAt(l), need(l.value(), "value", l), need(l.previous(), "previous", l));
            case REFRESH_DECREASED -> new Refresh.Decreased(t, channelAt(l), need(l.value(), "value", l), need(l.previous(), "previous", l));
            case REFRESH_STALL -> new Refresh.Stall(t, channelAt(l), need(l.since(), "since", l), need(l.value(), "value", l),
                    need(l.detail(), "detail", l));
            case REFRESH_RESUMED -> new Refresh.Resumed(t, channelAt(l), need(l.since(), "since", l));
            case RTS_LOGON -> new Rts.Logon(t, need(l.feed(), "feed", l), optional(l.value()), need(l.seconds(), "seconds", l),
                    need(l.detail(), "detail", l));
            case RTS_REQUEST -> new Rts.Request(t, channelAt(l), range(l), need(l.seconds(), "seconds", l), optional(l.value()),
                    need(l.detail(), "detail", l), need(l.counts(), "counts", l));
            case RTS_NOT_TRIED -> new Rts.NotTried(t, channelAt(l), l.fromSeq() == null && l.toSeq() == null ? Optional.empty()
                    : Optional.of(range(l)), need(l.detail(), "detail", l));
            case COUNTERS -> new ChannelCounts(t, channelAt(l), need(l.counts(), "counts", l), l.hist() == null ? Map.of() : l.hist());
            case WINDOW_START -> new WindowEvent.Start(t, need(l.window(), "window", l), need(l.since(), "since", l),
                    Optional.ofNullable(l.until()), Optional.ofNullable(l.detail()));
            case WINDOW_END -> new WindowEvent.End(t, need(l.window(), "window", l), need(l.since(), "since", l),
                    need(l.until(), "until", l));
            // none is written without its settings; one that is reads as empty settings
            case MONITOR_START -> new Lifecycle.Start(t, l.detail() == null ? "" : l.detail());
            case MONITOR_ALIVE -> new Lifecycle.Alive(t);
            case MONITOR_STOP -> new Lifecycle.Stop(t);
        };
    }

    private static Where.Line lineAt(Line l) {
        return new Where.Line(need(l.feed(), "feed", l), need(l.channel(), "channel", l), need(l.line(), "line", l),
                need(l.site(), "site", l));
    }

    private static Where.Channel channelAt(Line l) {
        return new Where.Channel(need(l.feed(), "feed", l), need(l.channel(), "channel", l));
    }

    private static SeqRange range(Line l) {
        return new SeqRange(need(l.fromSeq(), "fromSeq", l), need(l.toSeq(), "toSeq", l));
    }

    private static <T> T need(T value, String field, Line l) {
        if (value == null) {
            throw new IllegalArgumentException(l.type() + " without " + field);
        }
        return value;
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    /** The fields of a line being written. */
    private static final class Fields {
        private final Instant time;
        private final String type;
        private String feed;
        private String channel;
        private String line;
        private String site;
        private Long fromSeq;
        private Long toSeq;
        private Instant since;
        private Double seconds;
        private Long value;
        private Long previous;
        private String window;
        private Instant until;
        private String detail;
        private Map<String, Long> counts;
        private String iface;
        private Map<String, String> hist;

        Fields(MonitorEvent e) {
            this.time = e.time();
            this.type = e.type().label();
        }

        void where(Where w) {
            feed = w.feed();
            channel = w.channel();
            if (w instanceof Where.Line l) {
                line = l.line();
                site = l.site();
            }
        }

        void range(SeqRange r) {
            fromSeq = r.first();
            toSeq = r.last();
        }

        void iface(String name, String text) {
            iface = name;
            detail = text;
        }

        void window(String name, Instant start, Instant end) {
            window = name;
            since = start;
            until = end;
        }

        Line line() {
            return new Line(time, type, feed, channel, line, site, fromSeq, toSeq, since, seconds, value, previous, window, until, detail,
                    sorted(counts), iface, sorted(hist));
        }

        private static <V> Map<String, V> sorted(Map<String, V> m) {
            return m == null ? null : Collections.unmodifiableMap(new TreeMap<>(m));
        }
    }
}
