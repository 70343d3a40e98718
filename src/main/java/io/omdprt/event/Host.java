package io.omdprt.event;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What this host did to the receiving (local, not upstream): its receiving interfaces, a line's
 * group membership, and the kernel dropping datagrams.
 */
public sealed interface Host extends MonitorEvent {
    /** A receiving interface's own event (no channel). */
    sealed interface OfInterface extends Host {
        /** The interface by name. */
        String iface();

        /** In words, as the log and the journal say it. */
        String detail();
    }

    /** A line's membership event on its interface. */
    sealed interface OfMembership extends Host, Located {
        @Override
        Where.Line where();

        String iface();

        String detail();
    }

    /** The interface went away, down or lost its carrier: nothing can arrive on it. */
    record InterfaceDown(Instant time, String iface, OptionalLong ifindex, String detail) implements OfInterface {
        public InterfaceDown {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(ifindex, "ifindex");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public EventType type() {
            return EventType.INTERFACE_DOWN;
        }
    }

    /** The interface is present, up and with carrier again. */
    record InterfaceUp(Instant time, String iface, long ifindex) implements OfInterface {
        public InterfaceUp {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(iface, "iface");
        }

        @Override
        public EventType type() {
            return EventType.INTERFACE_UP;
        }

        @Override
        public String detail() {
            return "interface " + iface + " up";
        }
    }

    /** The interface was created again: a new ifindex (its memberships were lost with the old one). */
    record InterfaceChanged(Instant time, String iface, long ifindex, long previousIfindex) implements OfInterface {
        public InterfaceChanged {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(iface, "iface");
        }

        @Override
        public EventType type() {
            return EventType.INTERFACE_CHANGED;
        }

        @Override
        public String detail() {
            return "interface " + iface + " created again (ifindex " + previousIfindex + " -> " + ifindex + "): its lines are joined again";
        }
    }

    /** A line's group is not joined on its interface (/proc/net/igmp): nothing can arrive. */
    record MembershipMissing(Instant time, Where.Line where, String iface, String detail) implements OfMembership {
        public MembershipMissing {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public EventType type() {
            return EventType.MEMBERSHIP_MISSING;
        }
    }

    /** A line joined its group again on its interface (after a change, or a membership found missing). */
    record LineRejoined(Instant time, Where.Line where, String iface, String detail) implements OfMembership {
        public LineRejoined {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public EventType type() {
            return EventType.LINE_REJOINED;
        }
    }

    /** The kernel's drop counter of a line's socket rose from before to dropped. */
    record SocketDrops(Instant time, Where.Line where, long dropped, long before) implements Host, Located {
        public SocketDrops {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
        }

        @Override
        public EventType type() {
            return EventType.SOCKET_DROPS;
        }

        /** Datagrams dropped since the counter was read before. */
        public long rise() {
            return dropped - before;
        }
    }

    /** The reverse-path filter's drop counter (IPReversePathFilter of /proc/net/netstat) rose from before to dropped. */
    record RpFilterDrops(Instant time, long dropped, long before) implements Host {
        public RpFilterDrops {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public EventType type() {
            return EventType.RP_FILTER_DROPS;
        }

        public long rise() {
            return dropped - before;
        }

        public String detail() {
            return "the reverse-path filter (rp_filter) dropped datagrams on this host";
        }
    }
}
