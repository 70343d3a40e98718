package io.omdprt.event;

import java.time.Instant;

/**
 * One event, as journalled (one JSON line each, see journal/EventCodec) and as reports read it: a
 * record per kind with only the fields that kind has, none null. Those about a channel or one of
 * its lines are {@link Located}.
 */
public sealed interface MonitorEvent permits Gap, Outage, Sequence, DrStatus, Host, Refresh, Rts, ChannelCounts, WindowEvent, Lifecycle {
    /** When it happened (for an outage end: the first arrival after it). */
    Instant time();

    EventType type();
}
