package io.omdprt.event;

import io.omdprt.event.EventSink;
import io.omdprt.event.MonitorEvent;
import io.omdprt.time.DisplayTime;
import io.omdprt.text.Counts;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every event to the log (asynchronously, see logback.xml), one line each. */
public final class EventLog implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger("omd.events");
    private final DisplayTime display;

    public EventLog(DisplayTime display) {
        this.display = display;
    }

    @Override
    public void accept(MonitorEvent e) {
        String where = e.feed() == null ? "" : e.feed() + "/" + e.channel() + (e.line() == null ? "" : " line " + e.line());
        switch (e.type()) {
            case LINE_GAP -> LOG.info("line gap {}: {}..{} ({})", where, e.fromSeq(), e.toSeq(), Counts.of(e.messages(), "message"));
            case ARBITRATED_GAP -> LOG.warn("DATA LOSS {}: messages {}..{} ({}) missing on every line since {}", where,
                    e.fromSeq(), e.toSeq(), Counts.of(e.messages(), "message"), display.time(e.since()));
            case LINE_DOWN -> LOG.warn("line down {}: nothing since {}", where, display.time(e.since()));
            case LINE_RECEIVING -> LOG.debug("first datagram {}", where);
            case LINE_UP -> LOG.info("line up {} after {}", where, seconds(e.seconds()));
            case CHANNEL_DOWN -> LOG.warn("CHANNEL DOWN {}: no line has delivered since {}", where, display.time(e.since()));
            case CHANNEL_UP -> LOG.info("channel up {} after {}", where, seconds(e.seconds()));
            case SEQUENCE_RESET -> LOG.info("sequence reset {} to {}", where, e.value());
            case DR_STATUS -> LOG.warn("DR status {}: {} -> {} ({})", where, e.previous(), e.value(),
                    e.value() == 1 ? "site failover in progress" : e.value() == 2 ? "site failover completed" : "unknown status");
            case SOCKET_DROPS -> LOG.warn("LOCAL DROPS {}: the kernel dropped {} on this host's socket", where,
                    Counts.of(e.value() - (e.previous() == null ? 0 : e.previous()), "datagram"));
            case STRAY_PACKET -> LOG.warn("stray datagram {}: SeqNum {} is not one the channel could have reached; not counted as loss",
                    where, e.fromSeq());
            case SEQUENCE_JUMP -> LOG.warn("sequence jump {}: from {} to {} without a Sequence Reset", where, e.fromSeq(), e.toSeq());
            case SEQUENCE_RESTART -> LOG.warn("sequence restart {}: from {} back to {} without a Sequence Reset", where, e.fromSeq(),
                    e.toSeq());
            case INTERFACE_DOWN, MEMBERSHIP_MISSING, RP_FILTER_DROPS -> LOG.warn("LOCAL {}{}: {}", e.type().label(),
                    where.isEmpty() ? "" : " " + where, e.detail());
            case INTERFACE_UP, INTERFACE_CHANGED, LINE_REJOINED -> LOG.info("{}{}: {}", e.type().label(), where.isEmpty() ? "" : " " + where,
                    e.detail());
            case REFRESH_UNUSABLE, REFRESH_AHEAD, REFRESH_DECREASED, REFRESH_STALL -> LOG.warn("refresh {}: {}", where, e.detail());
            case REFRESH_RESUMED -> LOG.info("refresh {}: Refresh Complete again after {}", where, seconds(e.seconds()));
            case WINDOW_START -> LOG.info("PRT window {} started", e.window());
            case WINDOW_END -> LOG.info("PRT window {} ended", e.window());
            default -> LOG.info("{} {}", e.type().label(), e.detail() == null ? "" : e.detail());
        }
    }

    private static String seconds(Double s) {
        return s == null ? "?" : String.format(Locale.ROOT, "%.3fs", s);
    }
}
