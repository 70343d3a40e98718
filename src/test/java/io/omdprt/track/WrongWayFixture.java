package io.omdprt.track;

/** For ArchitectureTest only: a tracker class that breaks the package rules, which must report it. */
public final class WrongWayFixture {
    private WrongWayFixture() {
    }

    /** Imports the composition root. */
    public static Class<?> reachUp() {
        return io.omdprt.monitor.Monitor.class;
    }

    /** Reads the host's clock instead of the injected one. */
    public static java.time.Instant ownClock() {
        return java.time.Instant.now();
    }
}
