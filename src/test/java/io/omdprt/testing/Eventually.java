package io.omdprt.testing;

import java.time.Duration;

/**
 * Waits for a condition about the system under test, polling, up to a generous deadline. Not a
 * sleep-and-hope: it returns as soon as the condition holds and fails with the last observation.
 */
public final class Eventually {
    public interface Check {
        /** @return null when satisfied, otherwise what was seen */
        String check() throws Exception;
    }

    private Eventually() {
    }

    public static void await(Duration timeout, Check check) throws Exception {
        await(timeout, Duration.ofMillis(20), check);
    }

    /** As {@link #await(Duration, Check)}, checking every {@code poll} (for checks that cost more than a scrape). */
    public static void await(Duration timeout, Duration poll, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last;
        while (true) {
            last = check.check();
            if (last == null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + last);
            }
            Thread.sleep(poll.toMillis());
        }
    }
}
