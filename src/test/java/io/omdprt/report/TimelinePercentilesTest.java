package io.omdprt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omdprt.sim.FaultType;
import io.omdprt.sim.SimCaptures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-minute percentiles of a channel's timeline against a scripted delay: line B of omdc-sp/11
 * held back 30 ms from 65 s to 105 s of a 150 s capture (the simulator stamps SendTime when it sends,
 * so every other packet's latency is 0). Minute 2 (60–120 s) has B 40 s of 60 late: its B latency p50,
 * p99 and max and the A/B skew p99 are 30 ms (HdrHistogram: within 1 %), and B's jitter max is the two
 * 30 ms steps (within 10 %); the first and last minutes have none of it.
 */
class TimelinePercentilesTest {
    private static final double DELAY_MS = 30;

    @Test
    void latencySkewAndJitterPerMinuteFollowTheScriptedDelay(@TempDir Path dir) throws Exception {
        SimCaptures.Analysed run = SimCaptures.run(SimCaptures.demo(), dir.resolve("c.pcap"), 5, 150, 200, List.of(
                SimCaptures.fault(65, FaultType.DELAY, "omdc-sp", "11", "B", 0, Duration.ofSeconds(40))
                        .withDelay(Duration.ofMillis((long) DELAY_MS))));
        List<ReportModel.Point> minutes = SimCaptures.channel(run.report(), "omdc-sp", "11").timeline();
        assertEquals(3, minutes.size(), minutes.toString());

        ReportModel.Point late = minutes.get(1);
        within(DELAY_MS, late.latency().get("B").p50Ms(), 0.01, "minute 2: B latency p50");
        within(DELAY_MS, late.latency().get("B").p99Ms(), 0.01, "minute 2: B latency p99");
        within(DELAY_MS, late.latency().get("B").maxMs(), 0.01, "minute 2: B latency max");
        within(DELAY_MS, late.skew().p99Ms(), 0.01, "minute 2: A/B skew p99");
        within(0, late.latency().get("A").p99Ms(), 0, "minute 2: A latency p99");
        within(DELAY_MS, late.jitter().get("B").maxMs(), 0.1, "minute 2: B jitter max (the delay's start and end)");
        within(0, late.jitter().get("B").p99Ms(), 0, "minute 2: B jitter p99 (2 steps in 12,000 packets)");
        for (ReportModel.Point calm : List.of(minutes.get(0), minutes.get(2))) {
            within(0, calm.latency().get("B").maxMs(), 0, calm.start() + ": B latency max");
            within(0, calm.skew().maxMs(), 0, calm.start() + ": skew max");
            within(0, calm.jitter().get("B").maxMs(), 0, calm.start() + ": B jitter max");
            within(0, calm.jitter().get("A").maxMs(), 0, calm.start() + ": A jitter max");
        }
    }

    /** Within the precision (a fraction of the value), and a microsecond for the capture's timestamps. */
    private static void within(double expected, Double measured, double precision, String what) {
        assertEquals(expected, measured, expected * precision + 0.001, what);
    }
}
