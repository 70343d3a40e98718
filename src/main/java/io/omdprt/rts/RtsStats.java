package io.omdprt.rts;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** One feed's RTS figures, for the metrics (any thread reads them). */
public final class RtsStats {
    /** Request outcomes, as exported in the {@code status} label. */
    public static final String[] OUTCOMES = {"accepted", "unknown_channel", "not_available", "range_too_large", "daily_limit", "other",
            "no_response", "disconnected"};

    final AtomicLong sessionUp = new AtomicLong();
    final AtomicLong logons = new AtomicLong();
    final AtomicLong logonsRefused = new AtomicLong();
    final AtomicLong logonFailures = new AtomicLong();
    final AtomicLong lastLogonNanos = new AtomicLong();
    final AtomicLong heartbeatsEchoed = new AtomicLong();
    final AtomicLong mismatchedResponses = new AtomicLong();
    final AtomicLong recoveredMessages = new AtomicLong();
    final AtomicLong contentMismatches = new AtomicLong();
    final AtomicLong budgetLeft = new AtomicLong();
    final AtomicLongArray requests = new AtomicLongArray(OUTCOMES.length);

    static int outcomeIndex(String label) {
        for (int i = 0; i < OUTCOMES.length; i++) {
            if (OUTCOMES[i].equals(label)) {
                return i;
            }
        }
        throw new IllegalArgumentException(label);
    }

    public boolean sessionUp() {
        return sessionUp.get() == 1;
    }

    public long logons() {
        return logons.get();
    }

    public long logonsRefused() {
        return logonsRefused.get();
    }

    public long logonFailures() {
        return logonFailures.get();
    }

    /** Connect to Logon Response of the last accepted logon, ns (0 = none yet). */
    public long lastLogonNanos() {
        return lastLogonNanos.get();
    }

    public long heartbeatsEchoed() {
        return heartbeatsEchoed.get();
    }

    /** Responses whose MsgType was not 202 or whose ChannelID was not the one asked for (tolerated). */
    public long mismatchedResponses() {
        return mismatchedResponses.get();
    }

    public long recoveredMessages() {
        return recoveredMessages.get();
    }

    public long contentMismatches() {
        return contentMismatches.get();
    }

    public long budgetLeft() {
        return budgetLeft.get();
    }

    public long requests(String outcome) {
        return requests.get(outcomeIndex(outcome));
    }

    public long requestsTotal() {
        long n = 0;
        for (int i = 0; i < OUTCOMES.length; i++) {
            n += requests.get(i);
        }
        return n;
    }
}
