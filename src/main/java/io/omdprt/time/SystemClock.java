package io.omdprt.time;

import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.SystemEpochNanoClock;

/**
 * The host's clock. The wall time is the system clock itself, to the nanosecond where the OS gives it
 * (HKEX stamps SendTime so): the feed latency is arrival minus SendTime. Agrona's OffsetEpochNanoClock
 * was measured up to 0.9 ms behind it from a poor start-up sample.
 */
final class SystemClock implements MonitorClock {
    static final SystemClock INSTANCE = new SystemClock();

    private final SystemEpochNanoClock wall = new SystemEpochNanoClock();

    private SystemClock() {
    }

    @Override
    public long epochNanos() {
        return wall.nanoTime();
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }

    @Override
    public void sleep(long nanos) {
        LockSupport.parkNanos(nanos);
    }
}
