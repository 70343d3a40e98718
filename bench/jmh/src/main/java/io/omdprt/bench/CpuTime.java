package io.omdprt.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The benchmarks' methods timed by this thread's CPU time instead of the wall clock: on a shared
 * machine a thread that waits for a core is not charged, so two builds compare within about a
 * nanosecond where JMH's wall-clock figures of the same runs move by tens of percent. Not a
 * replacement for JMH (no forks, no blackhole): one JVM per measurement, run alternately.
 *
 * <p>Usage: {@code java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp benchmarks.jar
 * io.omdprt.bench.CpuTime METHOD [maxMessages]} ({@code scale [channels]}, 200 by default); prints the minimum and median of 15 rounds of
 * 2,000,000 calls after 15 rounds of warm-up, in ns per operation (per datagram for trackTwoLines).
 */
public final class CpuTime {
    private static final int ROUNDS = 15;
    private static final long CALLS = 2_000_000;

    private CpuTime() {
    }

    public static void main(String[] args) {
        String method = args[0];
        Runnable op = operation(method, args.length > 1 ? Integer.parseInt(args[1]) : -1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int perCall = method.equals("trackTwoLines") ? 2 : 1;
        double[] ns = new double[ROUNDS];
        for (int round = -ROUNDS; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            repeat(op);
            if (round >= 0) {
                ns[round] = (threads.getCurrentThreadCpuTime() - start) / (double) (CALLS * perCall);
            }
        }
        Arrays.sort(ns);
        System.out.printf("%s %s: min %.2f median %.2f cpu ns/op%n", method, args.length > 1 ? args[1] : "", ns[0], ns[ROUNDS / 2]);
    }

    /** The loop in a method of its own, compiled whole (main's loop would only be compiled on stack replacement). */
    private static void repeat(Runnable op) {
        for (long i = 0; i < CALLS; i++) {
            op.run();
        }
    }

    /** @param size maxMessages (4 by default), or the channel count for {@code scale} (200 by default); -1 for the default */
    private static Runnable operation(String method, int size) {
        int maxMessages = size < 0 ? 4 : size;
        switch (method) {
            case "decodeOnly": return track(maxMessages)::decodeOnly;
            case "walkOnly": return track(maxMessages)::walkOnly;
            case "trackOneLine": return track(maxMessages)::trackOneLine;
            case "trackTwoLines": return track(maxMessages)::trackTwoLines;
            case "scale": {
                ScaleTrackBenchmark scale = new ScaleTrackBenchmark();
                scale.channels = size < 0 ? 200 : size;
                scale.setUp();
                return scale::datagram;
            }
            case "counters": return new HotPathPartsBenchmark()::counters;
            case "fixedHistogram": return new HotPathPartsBenchmark()::fixedHistogram;
            case "intervalHistogram": return new HotPathPartsBenchmark()::intervalHistogram;
            case "burstMeter": return new HotPathPartsBenchmark()::burstMeter;
            default: throw new IllegalArgumentException("no benchmark method " + method);
        }
    }

    private static DecodeTrackBenchmark track(int maxMessages) {
        DecodeTrackBenchmark track = new DecodeTrackBenchmark();
        track.maxMessages = maxMessages;
        track.setUp();
        return track;
    }
}
