package io.omdprt.event;

/** Every type of event the monitor records (see {@link MonitorEvent} for the record of each). The label is how the journal spells it. */
public enum EventType {
    LINE_GAP("line_gap"),
    ARBITRATED_GAP("arbitrated_gap"),
    LINE_DOWN("line_down"),
    LINE_UP("line_up"),
    /** The first datagram a line delivered since the monitor started (ends an outage carried over a restart). */
    LINE_RECEIVING("line_receiving"),
    CHANNEL_DOWN("channel_down"),
    CHANNEL_UP("channel_up"),
    SEQUENCE_RESET("sequence_reset"),
    DR_STATUS("dr_status"),
    SOCKET_DROPS("socket_drops"),
    /** The kernel's reverse-path filter dropped datagrams on this host (IPReversePathFilter of /proc/net/netstat rose). */
    RP_FILTER_DROPS("rp_filter_drops"),
    /** A receiving interface went away, down or lost its carrier (local: nothing can arrive on it). */
    INTERFACE_DOWN("interface_down"),
    /** A receiving interface is present, up and with carrier again. */
    INTERFACE_UP("interface_up"),
    /** A receiving interface was created again: a new ifindex (its memberships were lost with the old one). */
    INTERFACE_CHANGED("interface_changed"),
    /** A line's group is not joined on its interface (/proc/net/igmp): nothing can arrive (local). */
    MEMBERSHIP_MISSING("membership_missing"),
    /** A line joined its group again on its interface (after a change, or a membership found missing). */
    LINE_REJOINED("line_rejoined"),
    /** A datagram whose SeqNum the channel could not have reached: not counted as loss. */
    STRAY_PACKET("stray_packet"),
    /** The sequence jumped far ahead without a Sequence Reset, and the lines continued from there. */
    SEQUENCE_JUMP("sequence_jump"),
    /** The sequence started again lower without a Sequence Reset (publisher restart, failover). */
    SEQUENCE_RESTART("sequence_restart"),
    /** A refresh channel lost messages inside a snapshot, making snapshots unusable (until the next one). */
    REFRESH_UNUSABLE("refresh_unusable"),
    /** A Refresh Complete's LastSeqNum stayed above the real-time channel's high-water mark. */
    REFRESH_AHEAD("refresh_ahead"),
    /** A Refresh Complete's LastSeqNum fell below the previous one without a Sequence Reset. */
    REFRESH_DECREASED("refresh_decreased"),
    /** No Refresh Complete for RefreshCheck.STALL_FACTOR typical intervals. */
    REFRESH_STALL("refresh_stall"),
    /** A Refresh Complete after a stall: seconds since the one before. */
    REFRESH_RESUMED("refresh_resumed"),
    /** A logon to a Retransmission Server: its SessionStatus (none when it did not answer) and latency. */
    RTS_LOGON("rts_logon"),
    /** A retransmission request and what came of it (recover-check or probe). */
    RTS_REQUEST("rts_request"),
    /** An arbitrated gap that recover-check did not ask RTS for, or a probe not made, and why. */
    RTS_NOT_TRIED("rts_not_tried"),
    /** The trackers' counters at a moment (window start and end, stop, every 30 s inside a window). */
    COUNTERS("counters"),
    WINDOW_START("window_start"),
    WINDOW_END("window_end"),
    MONITOR_START("monitor_start"),
    /** Written every few seconds: after a crash, the last one bounds when the monitor stopped. */
    MONITOR_ALIVE("monitor_alive"),
    MONITOR_STOP("monitor_stop");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static EventType fromLabel(String label) {
        for (EventType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown event type: " + label);
    }
}
