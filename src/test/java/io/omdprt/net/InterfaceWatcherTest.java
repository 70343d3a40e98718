package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.event.Host;
import io.omdprt.event.MonitorEvent;
import io.omdprt.testing.Eventually;
import io.omdprt.time.MonitorClock;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two loopback lines watched over files written by the test in the kernel's formats, polled by hand. */
class InterfaceWatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<MonitorEvent> events = new CopyOnWriteArrayList<>();

    private Path igmp(String device, InetAddress... groups) throws Exception {
        StringBuilder b = new StringBuilder("Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n")
            .append(String.format("1\t%-10s: %5d %7s%n", device, groups.length + 1, "V3"))
            .append("\t\t\t\t").append(ProcWord.of(InetAddress.getByName("224.0.0.1"))).append("     1 0:00000000\t\t0\n");
        for (InetAddress g : groups) {
            b.append("\t\t\t\t").append(ProcWord.of(g)).append("     1 0:00000000\t\t0\n");
        }
        return Files.writeString(dir.resolve("igmp"), b);
    }

    private Path netstat(long rpFilterDrops) throws Exception {
        return Files.writeString(dir.resolve("netstat"), "TcpExt: SyncookiesSent IPReversePathFilter DelayedACKs\nTcpExt: 0 " + rpFilterDrops
            + " 7\nIpExt: InNoRoutes\nIpExt: 0\n");
    }

    private Path sys(String name, String flags) throws Exception {
        Path d = Files.createDirectories(dir.resolve("sys").resolve(name));
        Files.writeString(d.resolve("ifindex"), "1\n");
        Files.writeString(d.resolve("flags"), flags + "\n");
        Files.writeString(d.resolve("operstate"), "unknown\n");
        Files.writeString(d.resolve("carrier"), "1\n");
        return dir.resolve("sys");
    }

    private <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aLineIsAMemberWhileItsGroupIsInTheFileAndIsJoinedAgainWhenItIsNot() throws Exception {
        TwoLineSetup setup = TwoLineSetup.of();
        MonitorClock clock = setup.clock();
        try (Receiver receiver = setup.start()) {
            LineSocket a = receiver.sockets().get(0);
            LineSocket b = receiver.sockets().get(1);
            String lo = receiver.interfaceName(a);
            String feed = a.channel().feedName();
            String channel = a.channel().label();
            Path igmp = igmp(lo, a.line().group(), b.line().group());
            try (InterfaceWatcher w = new InterfaceWatcher(receiver, events::add, clock, new InterfaceWatcher.Sources(sys(lo, "0x9"), igmp,
                    netstat(5)))) {
                w.poll();
                assertEquals(List.of(), events);
                assertTrue(w.line(feed, channel, "A").member() && w.line(feed, channel, "B").member());
                assertEquals(5, w.rpFilterDrops());

                igmp(lo, b.line().group());
                w.poll(); // A's rejoin, on the watcher's thread, may have set it a member again already
                assertTrue(w.line(feed, channel, "B").member());
                List<Host.MembershipMissing> missing = events(Host.MembershipMissing.class);
                assertEquals(1, missing.size(), events.toString());
                assertEquals("A", missing.get(0).where().line());
                assertEquals(lo, missing.get(0).iface());
                Eventually.await(WAIT, () -> events(Host.LineRejoined.class).isEmpty() ? "not joined again yet: " + events : null);
                assertEquals("A", events(Host.LineRejoined.class).get(0).where().line());

                igmp(lo, a.line().group(), b.line().group());
                netstat(9);
                w.poll();
                assertTrue(w.line(feed, channel, "A").member());
                assertEquals(1, events(Host.MembershipMissing.class).size());
                assertEquals(List.of(new Host.RpFilterDrops(events(Host.RpFilterDrops.class).get(0).time(), 9, 5)),
                        events(Host.RpFilterDrops.class));
                assertNull(w.line(feed, channel, "C"));
            }
        }
    }

    @Test
    void membershipsOfAnotherInterfaceDoNotCount() throws Exception {
        TwoLineSetup setup = TwoLineSetup.of();
        MonitorClock clock = setup.clock();
        try (Receiver receiver = setup.start()) {
            LineSocket a = receiver.sockets().get(0);
            LineSocket b = receiver.sockets().get(1);
            String lo = receiver.interfaceName(a);
            Path igmp = igmp("eth7", a.line().group(), b.line().group());
            try (InterfaceWatcher w = new InterfaceWatcher(receiver, events::add, clock, new InterfaceWatcher.Sources(sys(lo, "0x9"), igmp,
                    netstat(0)))) {
                w.poll();
                assertEquals(2, events(Host.MembershipMissing.class).size(), events.toString());
            }
        }
    }
}
