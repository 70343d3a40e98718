package io.omdprt.net;

import io.omdprt.event.EventSink;
import io.omdprt.event.Host;
import io.omdprt.event.Where;
import io.omdprt.time.MonitorClock;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every receiving interface and every line's membership, on its own thread (never the
 * receive loops): every 200 ms it reads {@code /sys/class/net/IF/} (present, ifindex, up, carrier),
 * {@code /proc/net/igmp} (is each line's group joined on its interface) and the reverse-path filter's
 * drop counter. It journals {@code interface_down/up/changed}, {@code membership_missing} and
 * {@code rp_filter_drops}; when an interface comes back with a new ifindex, or a line's membership is
 * missing, it rejoins the line on its event loop ({@code line_rejoined}), retried every 300 ms until
 * the kernel takes it. What it knows now is read by the metrics and the status page, from any thread.
 */
public final class InterfaceWatcher implements io.omdprt.model.LocalCauses, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InterfaceWatcher.class);
    public static final long POLL_MILLIS = 200;
    static final long RETRY_NANOS = 300_000_000L;

    /** Where the kernel's views are read (tests point them at files). */
    public record Sources(Path sysClassNet, Path igmp, Path netstat) {
        public static final Sources LINUX = new Sources(LinkState.SYS_CLASS_NET, ProcNetIgmp.DEFAULT, KernelNetstat.DEFAULT);
    }

    /** One watched interface; its fields are read by scrapes. */
    public static final class Watched {
        private final String name;
        private final List<Line> lines = new ArrayList<>();
        private volatile LinkState state;
        private volatile long downSinceNanos;
        private int lastIndex;
        private final AtomicLong changes = new AtomicLong();

        Watched(String name, LinkState initial) {
            this.name = name;
            // Taken as up until the first poll: one down at start is journalled like any other.
            this.state = new LinkState(name, true, initial.ifindex(), LinkState.IFF_UP | initial.flags(), "up", true);
            this.lastIndex = initial.ifindex();
        }

        public String name() {
            return name;
        }

        public boolean up() {
            return state.up();
        }

        public LinkState state() {
            return state;
        }

        public long changes() {
            return changes.get();
        }

        public List<Line> lines() {
            return Collections.unmodifiableList(lines);
        }
    }

    /** One line's membership as last checked. */
    public static final class Line {
        private final LineSocket socket;
        private final Watched on;
        private final long group;
        private volatile boolean member = true;
        private volatile long missingSinceNanos;
        private final AtomicLong rejoins = new AtomicLong();
        private boolean needsRejoin;
        private volatile boolean pending;
        private long nextAttemptNanos;
        private String why;

        Line(LineSocket socket, Watched on) {
            this.socket = socket;
            this.on = on;
            this.group = ProcNetIgmp.word(socket.line().group());
        }

        public LineSocket socket() {
            return socket;
        }

        public boolean member() {
            return member;
        }

        public long rejoins() {
            return rejoins.get();
        }

        public String interfaceName() {
            return on.name;
        }
    }

    private final Receiver receiver;
    private final EventSink events;
    private final MonitorClock clock;
    private final Sources sources;
    private final ProcText text = new ProcText(); // read by the timer thread
    private final Map<String, Watched> interfaces = new LinkedHashMap<>();
    private final Map<LineKey, Line> byKey = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "omd-interfaces");
        t.setDaemon(true);
        return t;
    });
    private volatile long rpFilterDrops = -1;
    private boolean enabled;

    public InterfaceWatcher(Receiver receiver, EventSink events, MonitorClock clock, Sources sources) {
        this.receiver = receiver;
        this.events = events;
        this.clock = clock;
        this.sources = sources;
        for (LineSocket s : receiver.sockets()) {
            String name = receiver.interfaceName(s);
            Watched w = interfaces.computeIfAbsent(name, n -> new Watched(n, LinkState.read(sources.sysClassNet(), n)));
            Line line = new Line(s, w);
            w.lines.add(line);
            byKey.put(new LineKey(s.channel().feedName(), s.channel().label(), s.line().name()), line);
        }
    }

    /** Starts polling; off Linux (no /sys/class/net) it does nothing and says so. */
    public InterfaceWatcher start() {
        enabled = LinkState.available(sources.sysClassNet());
        if (!enabled) {
            LOG.info("no {} here: receiving interfaces and memberships are not watched", sources.sysClassNet());
            return this;
        }
        rpFilterDrops = KernelNetstat.reversePathFilterDrops(sources.netstat());
        timer.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    public boolean enabled() {
        return enabled;
    }

    public List<Watched> interfaces() {
        return Collections.unmodifiableList(new ArrayList<>(interfaces.values()));
    }

    /** The line's membership state, or null when it is not watched. */
    public Line line(String feed, String channel, String line) {
        return byKey.get(new LineKey(feed, channel, line));
    }

    /** IPReversePathFilter of this host (network namespace), or -1 when unknown. */
    public long rpFilterDrops() {
        return rpFilterDrops;
    }

    /**
     * What on this host keeps a line from receiving now, in words ("interface eth1 down", "membership
     * of 239.1.1.1 missing on eth1"), or null when nothing local is known.
     */
    @Override
    public String cause(String feed, String channel, String line) {
        Line l = line(feed, channel, line);
        if (l == null || !enabled) {
            return null;
        }
        LinkState s = l.on.state;
        if (!s.up()) {
            return "interface " + l.on.name + " " + s.why();
        }
        return l.member ? null : "membership of " + l.socket.line().group().getHostAddress() + " missing on " + l.on.name;
    }

    /** Since when {@link #cause} holds (epoch nanoseconds), or 0. */
    @Override
    public long sinceNanos(String feed, String channel, String line) {
        Line l = line(feed, channel, line);
        if (l == null || !enabled) {
            return 0;
        }
        return !l.on.state.up() ? l.on.downSinceNanos : l.member ? 0 : l.missingSinceNanos;
    }

    private Instant now() {
        return clock.now();
    }

    void poll() {
        try {
            for (Watched w : interfaces.values()) {
                pollInterface(w);
            }
            Map<String, ProcNetIgmp.Device> igmp = ProcNetIgmp.read(sources.igmp(), text);
            for (Watched w : interfaces.values()) {
                for (Line l : w.lines) {
                    checkMembership(l, igmp);
                }
            }
            long rp = KernelNetstat.reversePathFilterDrops(sources.netstat(), text);
            long before = rpFilterDrops;
            rpFilterDrops = rp;
            if (before >= 0 && rp > before) {
                events.accept(new Host.RpFilterDrops(now(), rp, before));
            }
        } catch (RuntimeException e) {
            LOG.error("interface check failed (monitoring continues): {}", e.toString());
        }
    }

    private void pollInterface(Watched w) {
        LinkState before = w.state;
        LinkState now = LinkState.read(sources.sysClassNet(), w.name, text);
        if (now.present() && w.lastIndex > 0 && now.ifindex() != w.lastIndex) {
            w.changes.incrementAndGet();
            events.accept(new Host.InterfaceChanged(now(), w.name, now.ifindex(), w.lastIndex));
            for (Line l : w.lines) {
                l.needsRejoin = true;
                l.why = "interface " + w.name + " created again";
                l.missingSinceNanos = clock.epochNanos();
            }
        }
        if (now.present()) {
            w.lastIndex = now.ifindex();
        }
        if (before.up() && !now.up()) {
            w.downSinceNanos = clock.epochNanos();
            w.changes.incrementAndGet();
            events.accept(new Host.InterfaceDown(now(), w.name, now.present() ? OptionalLong.of(now.ifindex()) : OptionalLong.empty(),
                    "interface " + w.name + " " + now.why()));
        } else if (!before.up() && now.up()) {
            w.changes.incrementAndGet();
            events.accept(new Host.InterfaceUp(now(), w.name, now.ifindex()));
        }
        w.state = now;
    }

    private void checkMembership(Line l, Map<String, ProcNetIgmp.Device> igmp) {
        LinkState link = l.on.state;
        if (!link.present()) {
            return; // interface_down says it; its memberships went with it
        }
        ProcNetIgmp.Device dev = igmp.get(l.on.name);
        boolean member = dev != null && dev.joined(l.group);
        if (!member && !l.needsRejoin) {
            // Lost without the interface changing (a rebuild that kept the ifindex, a move between namespaces).
            l.needsRejoin = true;
            l.why = "membership missing";
            l.missingSinceNanos = clock.epochNanos();
            events.accept(new Host.MembershipMissing(now(), where(l), l.on.name,
                    "group " + l.socket.line().group().getHostAddress() + " is not joined on " + l.on.name));
        }
        l.member = member;
        long t = clock.monotonicNanos();
        if (l.needsRejoin && !l.pending && t >= l.nextAttemptNanos) {
            NetworkInterface ni;
            try {
                ni = NetworkInterface.getByName(l.on.name);
            } catch (SocketException e) {
                ni = null;
            }
            if (ni == null) {
                return;
            }
            l.pending = true;
            l.nextAttemptNanos = t + RETRY_NANOS;
            String why = l.why;
            receiver.rejoin(l.socket, ni).whenComplete((ok, err) -> timer.execute(() -> rejoined(l, why, err)));
        }
    }

    private void rejoined(Line l, String why, Throwable err) {
        l.pending = false;
        if (err != null) {
            LOG.warn("{}: cannot join again on {} yet ({}); retrying", l.socket.describe(), l.on.name, err.toString());
            return;
        }
        l.needsRejoin = false;
        l.member = true;
        l.rejoins.incrementAndGet();
        events.accept(new Host.LineRejoined(now(), where(l), l.on.name, "joined " + l.socket.line().group().getHostAddress() + " again on "
                + l.on.name + " (" + why + ")"));
    }

    private static Where.Line where(Line l) {
        return new Where.Line(l.socket.channel().feedName(), l.socket.channel().label(), l.socket.line().name(), l.socket.line().site());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
