package io.omdprt.track;

/**
 * How far beyond a channel's highest sequence number a packet may start and still be believed: a
 * fixed bound, plus what the channel could have sent since its last accepted packet at its recent
 * rate — so silence on every line of a busy channel followed by a big jump is ordinary loss, while
 * a stray billions ahead is not. Single-threaded; the per-packet call is one field write.
 */
final class Plausibility {
    private static final long SAMPLE_NANOS = 1_000_000_000L;

    private final long bound;
    private long lastAcceptedNanos;
    /** Highest recent rate: an active second sets it when faster, halves it when slower; idle seconds keep it. */
    private double messagesPerNano;
    private boolean sampling;
    private long sampleStartNanos;
    private long sampleStartMessages;

    Plausibility(long bound) {
        this.bound = bound;
    }

    /** A packet that fits the channel's sequence arrived. */
    void accepted(long now) {
        lastAcceptedNanos = now;
    }

    long lastAcceptedNanos() {
        return lastAcceptedNanos;
    }

    /** @param ahead how far a packet starts beyond the channel's next expected number */
    boolean beyond(long ahead, long now) {
        if (ahead <= bound) {
            return false;
        }
        long quiet = Math.max(0, now - lastAcceptedNanos);
        return ahead - bound > messagesPerNano * quiet;
    }

    /** Called every tick with the channel's distinct messages so far. */
    void sample(long messages, long now) {
        if (!sampling) {
            sampling = true;
            sampleStartNanos = now;
            sampleStartMessages = messages;
            return;
        }
        long elapsed = now - sampleStartNanos;
        if (elapsed < SAMPLE_NANOS && elapsed >= 0) {
            return;
        }
        long sent = messages - sampleStartMessages;
        if (sent > 0 && elapsed > 0) {
            messagesPerNano = Math.max((double) sent / elapsed, messagesPerNano / 2);
        }
        sampleStartNanos = now;
        sampleStartMessages = messages;
    }
}
