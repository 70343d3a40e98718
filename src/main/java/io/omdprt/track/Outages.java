package io.omdprt.track;

final class Outages {
    private Outages() {
    }

    /** Ended outages plus the one in progress (started at currentStart, 0 when none) up to now. */
    static long total(long endedNanos, long currentStartNanos, long nowNanos) {
        return currentStartNanos > 0 && nowNanos > currentStartNanos ? endedNanos + nowNanos - currentStartNanos : endedNanos;
    }
}
