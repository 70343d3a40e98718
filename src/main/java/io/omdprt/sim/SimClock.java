package io.omdprt.sim;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.SystemEpochNanoClock;

/**
 * The simulator's time. {@link #REAL} follows the host's clocks and sleeps between ticks; a
 * {@link #virtual} clock jumps from tick to tick, so a run takes only as long as encoding its packets
 * (for writing captures with {@code --no-send}).
 */
public interface SimClock {
    SimClock REAL = new SimClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        private final SystemEpochNanoClock wall = new SystemEpochNanoClock();

        @Override
        public long wallNanos() {
            return wall.nanoTime(); // to the nanosecond where the OS gives it, as HKEX stamps SendTime
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }

        @Override
        public void sleep(long nanos) {
            LockSupport.parkNanos(nanos);
        }
    };

    /** Monotonic time for scheduling, ns. */
    long nanoTime();

    /** Send time, ns since the epoch: the packets' SendTime and the capture timestamps. */
    long wallNanos();

    /** Now, for the ground truth's start and end. */
    Instant instant();

    /** Lets {@code nanos} pass. */
    void sleep(long nanos);

    /** Simulated time from {@code start}: nothing waits, every reading is exact to the nanosecond. */
    static SimClock virtual(Instant start) {
        return new SimClock() {
            private long now = start.getEpochSecond() * 1_000_000_000L + start.getNano();

            @Override
            public long nanoTime() {
                return now;
            }

            @Override
            public long wallNanos() {
                return now;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(0, now);
            }

            @Override
            public void sleep(long nanos) {
                now += nanos;
            }
        };
    }
}
