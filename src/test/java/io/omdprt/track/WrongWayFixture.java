package io.omdprt.track;

/** For ArchitectureTest only: a tracker class that imports the composition root, which the package rules must report. */
public final class WrongWayFixture {
    private WrongWayFixture() {
    }

    public static Class<?> reachUp() {
        return io.omdprt.monitor.Monitor.class;
    }
}
