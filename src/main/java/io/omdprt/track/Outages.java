package io.omdprt.track;

/**
 * Whether a line or a channel is up, and its outages: how many began, how long the ended ones
 * lasted, when the one in progress began. The tracker's thread changes it and keeps its counters
 * (a gauge for up and for the current outage's start, counters for outages and their time); any
 * thread reads those.
 */
final class Outages {
    private final Counters counters;
    private final int upSlot;
    private final int outagesSlot;
    private final int nanosSlot;
    private final int startSlot;
    private boolean up = true;
    private long start;

    private Outages(Counters counters, int upSlot, int outagesSlot, int nanosSlot, int startSlot) {
        this.counters = counters;
        this.upSlot = upSlot;
        this.outagesSlot = outagesSlot;
        this.nanosSlot = nanosSlot;
        this.startSlot = startSlot;
        counters.set(upSlot, 1);
    }

    static Outages ofLine(Counters counters) {
        return new Outages(counters, LineCounter.UP.ordinal(), LineCounter.OUTAGES.ordinal(),
                LineCounter.OUTAGE_NANOS.ordinal(), LineCounter.OUTAGE_START_NANOS.ordinal());
    }

    static Outages ofChannel(Counters counters) {
        return new Outages(counters, ChannelCounter.UP.ordinal(), ChannelCounter.OUTAGES.ordinal(),
                ChannelCounter.OUTAGE_NANOS.ordinal(), ChannelCounter.OUTAGE_START_NANOS.ordinal());
    }

    /** Tracker thread. */
    boolean up() {
        return up;
    }

    /** Tracker thread, while up: an outage began at {@code lastArrival}, the last datagram before the silence. */
    void begin(long lastArrival) {
        up = false;
        start = lastArrival;
        counters.set(upSlot, 0);
        counters.increment(outagesSlot);
        counters.set(startSlot, lastArrival);
    }

    /** Tracker thread, while down: the outage ended at {@code now}. @return when it began */
    long end(long now) {
        up = true;
        counters.set(upSlot, 1);
        counters.add(nanosSlot, Math.max(0, now - start)); // a clock stepped back: a counter never falls
        counters.set(startSlot, 0);
        return start;
    }

    /** Any thread. */
    boolean isUp() {
        return counters.get(upSlot) == 1;
    }

    /** Any thread: ended outages plus the one in progress (if any) up to {@code nowNanos}. */
    long totalNanos(long nowNanos) {
        long ended = counters.get(nanosSlot);
        long currentStart = counters.get(startSlot);
        return currentStart > 0 && nowNanos > currentStart ? ended + nowNanos - currentStart : ended;
    }
}
