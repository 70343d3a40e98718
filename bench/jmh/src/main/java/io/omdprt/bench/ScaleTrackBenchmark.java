package io.omdprt.bench;

import io.omdprt.protocol.OmdPacket;
import io.omdprt.protocol.PacketEncoder;
import io.omdprt.protocol.Protocol;
import io.omdprt.track.ChannelInfo;
import io.omdprt.track.ChannelTracker;
import io.omdprt.track.LineInfo;
import io.omdprt.track.TrackerListener;
import io.omdprt.track.TrackerSettings;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tracker at bench/scale.sh's shape, without the kernel: {@code channels} two-line channels on one
 * thread, 40,000 datagrams a second in all (each channel's packet on line A, then on line B, channel
 * after channel), and every channel's liveness tick every 100 ms on the same thread, as the receive
 * loop runs it. Between two datagrams of one line every other line's state is touched, so this is the
 * per-line state's cost with the cache as cold as the channel count makes it, and the ticks' share per
 * datagram. Packets carry 1 to 4 messages (a quiet feed); line B's copy arrives 25 us after A's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class ScaleTrackBenchmark {
    private static final long SEND_TIME = 1_700_000_000_000_000_000L;
    private static final long DATAGRAM_NANOS = 25_000; // 40,000 a second
    private static final long TICK_NANOS = 100_000_000;
    private static final int[][] MIX = {{30, 32}, {31, 28}, {32, 20}, {50, 32}, {53, 60}};

    @Param({"200"})
    public int channels;

    private ChannelTracker[] trackers;
    private long[] seqs;
    private UnsafeBuffer buffer;
    private int[] lengths;
    private int[] counts;
    private int channel;
    private int line;
    private long now = SEND_TIME;
    /** Varies each packet's feed latency over 1.2 ms + 0–65 us, so latency and jitter fill a few buckets. */
    private int random = 42;
    private int tickedChannel;
    /** Datagrams between two channels' ticks, so each is ticked every 100 ms. */
    private long tickSpacingNanos;
    private long nextChannelTick;

    @Setup(Level.Trial)
    public void setUp() {
        trackers = new ChannelTracker[channels];
        seqs = new long[channels];
        lengths = new int[channels];
        counts = new int[channels];
        buffer = new UnsafeBuffer(new byte[channels * 512]);
        PacketEncoder encoder = new PacketEncoder();
        for (int c = 0; c < channels; c++) {
            trackers[c] = new ChannelTracker(new ChannelInfo("scale", Integer.toString(c), Protocol.OMD_C),
                    List.of(new LineInfo("A", "primary"), new LineInfo("B", "primary")), TrackerSettings.DEFAULTS,
                    TrackerListener.NONE, SEND_TIME);
            encoder.begin(buffer, c * 512, 1, SEND_TIME);
            int n = 1 + c % 4;
            for (int m = 0; m < n; m++) {
                int[] type = MIX[(c + m) % MIX.length];
                encoder.message(type[0], type[1]);
            }
            lengths[c] = encoder.finish();
            counts[c] = n;
            seqs[c] = 1;
        }
        tickSpacingNanos = TICK_NANOS / channels;
        nextChannelTick = now + tickSpacingNanos;
    }

    /** One datagram; a channel's tick when one is due (one every 100 ms / channels). */
    @Benchmark
    public void datagram() {
        int c = channel;
        int offset = c * 512;
        if (line == 0) {
            buffer.putInt(offset + OmdPacket.SEQ_NUM_OFFSET, (int) seqs[c], ByteOrder.LITTLE_ENDIAN);
            random = random * 1_103_515_245 + 12_345;
            buffer.putLong(offset + OmdPacket.SEND_TIME_OFFSET, now - 1_200_000 - (random >>> 16), ByteOrder.LITTLE_ENDIAN);
        }
        trackers[c].onDatagram(line, buffer, offset, lengths[c], now, now);
        now += DATAGRAM_NANOS;
        if (line == 0) {
            line = 1;
        } else {
            line = 0;
            seqs[c] += counts[c];
            channel = c + 1 == channels ? 0 : c + 1;
        }
        if (now >= nextChannelTick) {
            trackers[tickedChannel].onTick(now);
            tickedChannel = tickedChannel + 1 == channels ? 0 : tickedChannel + 1;
            nextChannelTick += tickSpacingNanos;
        }
    }
}
