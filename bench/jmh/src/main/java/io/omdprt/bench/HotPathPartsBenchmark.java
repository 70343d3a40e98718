package io.omdprt.bench;

import io.omdprt.track.BurstMeter;
import io.omdprt.track.Counters;
import io.omdprt.track.Histogram;
import io.omdprt.track.IntervalHistogram;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the pieces of {@link DecodeTrackBenchmark}'s per-packet path cost alone, each called as the
 * tracker calls it once a datagram: where the time of decode+track goes. {@link #baseline} is the
 * loop and the clock step every other one pays too. Latency values cycle through 1.2-1.7 ms (the
 * decode+track benchmark's is a constant 1.2 ms), so the HdrHistogram touches a few counts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class HotPathPartsBenchmark {
    private final Counters counters = new Counters(24);
    private final Histogram histogram = new Histogram();
    private final IntervalHistogram interval = new IntervalHistogram();
    private final BurstMeter burst = new BurstMeter(BurstMeter.DEFAULT_RESOLUTION_NANOS);
    private long now = 1_700_000_000_000_000_000L;
    private long latency;

    private long next() {
        now += 1_000;
        latency = 1_200_000 + (now & 0x7_ffffL);
        return latency;
    }

    @Benchmark
    public long baseline() {
        return next();
    }

    /** Two counters a datagram (packets, bytes), as the line does. */
    @Benchmark
    public void counters() {
        long v = next();
        counters.increment(0);
        counters.add(1, v & 0xff);
    }

    /** The fixed-bucket histogram /metrics exports. */
    @Benchmark
    public void fixedHistogram() {
        histogram.record(next());
    }

    /** The HdrHistogram of the journal's percentiles. */
    @Benchmark
    public void intervalHistogram() {
        interval.record(next());
    }

    /** Microbursts: a datagram every microsecond, so the 1 ms window holds about a thousand. */
    @Benchmark
    public void burstMeter() {
        next();
        burst.arrived(now, 300);
    }
}
