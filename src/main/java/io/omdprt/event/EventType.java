package io.omdprt.event;

/** Every kind of event the monitor records. The label is how the journal spells it. */
public enum EventType {
    LINE_GAP("line_gap"),
    ARBITRATED_GAP("arbitrated_gap"),
    LINE_DOWN("line_down"),
    LINE_UP("line_up"),
    CHANNEL_DOWN("channel_down"),
    CHANNEL_UP("channel_up"),
    SEQUENCE_RESET("sequence_reset"),
    DR_STATUS("dr_status"),
    SOCKET_DROPS("socket_drops"),
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

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static EventType fromLabel(String label) {
        for (EventType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown event type: " + label);
    }
}
