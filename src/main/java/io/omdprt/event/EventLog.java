package io.omdprt.event;

import io.omdprt.text.Counts;
import io.omdprt.time.DisplayTime;
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
        String where = e instanceof Located l ? where(l.where()) : "";
        String label = e.type().label();
        if (e instanceof Gap.OnLine g) {
            LOG.info("line gap {}: {}..{} ({})", where, g.missing().first(), g.missing().last(),
                    Counts.of(g.missing().messages(), "message"));
        } else if (e instanceof Gap.Arbitrated g) {
            LOG.warn("DATA LOSS {}: messages {}..{} ({}) missing on every line since {}", where, g.missing().first(), g.missing().last(),
                    Counts.of(g.missing().messages(), "message"), display.time(g.openedAt()));
        } else if (e instanceof Outage.Down d && d.where() instanceof Where.Line) {
            LOG.warn("line down {}: nothing since {}", where, display.time(d.lastArrival()));
        } else if (e instanceof Outage.Down d) {
            LOG.warn("CHANNEL DOWN {}: no line has delivered since {}", where, display.time(d.lastArrival()));
        } else if (e instanceof Outage.Up u && u.where() instanceof Where.Line) {
            LOG.info("line up {} after {}", where, seconds(u.seconds()));
        } else if (e instanceof Outage.Up u) {
            LOG.info("channel up {} after {}", where, seconds(u.seconds()));
        } else if (e instanceof Outage.Receiving) {
            LOG.debug("first datagram {}", where);
        } else if (e instanceof Sequence.Reset r) {
            LOG.info("sequence reset {} to {}", where, r.newSeqNo());
        } else if (e instanceof DrStatus d) {
            LOG.warn("DR status {}: {} -> {} ({})", where, d.previous(), d.status(),
                    d.status() == 1 ? "site failover in progress" : d.status() == 2 ? "site failover completed" : "unknown status");
        } else if (e instanceof Host.SocketDrops d) {
            LOG.warn("LOCAL DROPS {}: the kernel dropped {} on this host's socket", where, Counts.of(d.rise(), "datagram"));
        } else if (e instanceof Sequence.Stray s) {
            LOG.warn("stray datagram {}: SeqNum {} is not one the channel could have reached; not counted as loss", where, s.seqNum());
        } else if (e instanceof Sequence.Jump j) {
            LOG.warn("sequence jump {}: from {} to {} without a Sequence Reset", where, j.expected(), j.newSeq());
        } else if (e instanceof Sequence.Restart r) {
            LOG.warn("sequence restart {}: from {} back to {} without a Sequence Reset", where, r.expected(), r.newSeq());
        } else if (e instanceof Host.InterfaceDown d) {
            LOG.warn("LOCAL {}: {}", label, d.detail());
        } else if (e instanceof Host.MembershipMissing m) {
            LOG.warn("LOCAL {} {}: {}", label, where, m.detail());
        } else if (e instanceof Host.RpFilterDrops d) {
            LOG.warn("LOCAL {}: {}", label, d.detail());
        } else if (e instanceof Host.OfInterface i) {
            LOG.info("{}: {}", label, i.detail());
        } else if (e instanceof Host.LineRejoined r) {
            LOG.info("{} {}: {}", label, where, r.detail());
        } else if (e instanceof Refresh.Unusable u) {
            LOG.warn("refresh {}: {}", where, u.detail());
        } else if (e instanceof Refresh.Ahead a) {
            LOG.warn("refresh {}: {}", where, a.detail());
        } else if (e instanceof Refresh.Decreased d) {
            LOG.warn("refresh {}: {}", where, d.detail());
        } else if (e instanceof Refresh.Stall s) {
            LOG.warn("refresh {}: {}", where, s.detail());
        } else if (e instanceof Refresh.Resumed r) {
            LOG.info("refresh {}: Refresh Complete again after {}", where, seconds(r.seconds()));
        } else if (e instanceof WindowEvent.Start w) {
            LOG.info("PRT window {} started", w.window());
        } else if (e instanceof WindowEvent.End w) {
            LOG.info("PRT window {} ended", w.window());
        } else {
            LOG.info("{} {}", label, detail(e));
        }
    }

    private static String where(Where w) {
        return w.feed() + "/" + w.channel() + (w instanceof Where.Line l ? " line " + l.line() : "");
    }

    /** The text of the events logged as they are: their label and this. */
    private static String detail(MonitorEvent e) {
        if (e instanceof Lifecycle.Start s) {
            return s.settings();
        } else if (e instanceof Rts.Logon l) {
            return l.detail();
        } else if (e instanceof Rts.Request r) {
            return r.detail();
        } else if (e instanceof Rts.NotTried n) {
            return n.detail();
        }
        return "";
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3fs", s);
    }
}
