package io.omdprt.bench;

import io.omdprt.protocol.Malformed;
import io.omdprt.protocol.MessageTypes;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per packet of the hot path: validate the packet (every message's size and type), then
 * sequence, arbitrate and count it, on a channel with one line and with two (each packet arrives on
 * both, as on the real feed). {@link #decodeOnly} is the reference in the same run: the ratio
 * track/decode shows what tracking adds to decoding.
 *
 * <p>Packets carry 1 to {@code maxMessages} messages of 12–112 bytes (order book, trades, statistics,
 * index data), as many as fit one 1500-byte frame. Their SeqNum is rewritten before each use so the
 * sequence keeps increasing: one 4-byte store, included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class DecodeTrackBenchmark {
    private static final int PACKETS = 4_096;
    private static final long SEND_TIME = 1_700_000_000_000_000_000L;
    /** Receive wall clock for the latency histogram: a realistic 1.2 ms after SendTime. */
    private static final long WALL = SEND_TIME + 1_200_000;
    private static final int[][] MIX = {{30, 32}, {31, 28}, {32, 20}, {50, 32}, {53, 60}, {40, 12}, {60, 52}, {71, 112}};

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[PACKETS * 1_500]);
    private final int[] offsets = new int[PACKETS];
    private final int[] lengths = new int[PACKETS];
    private final int[] counts = new int[PACKETS];
    private final OmdPacket packet = new OmdPacket();

    private ChannelTracker oneLine;
    private ChannelTracker twoLines;
    /**
     * Messages per packet are uniform in 1..maxMessages: 4 is a quiet feed (~125 bytes on average), 12 a
     * busy one (~300 bytes), 30 packets of up to a full frame (~690 bytes, like bench/loopback.sh sends).
     */
    @Param({"4", "12", "30"})
    public int maxMessages;

    private int next;
    private long walked;
    private long seq;
    private long now;

    @Setup(Level.Trial)
    public void setUp() {
        Random r = new Random(42);
        PacketEncoder encoder = new PacketEncoder();
        int at = 0;
        for (int i = 0; i < PACKETS; i++) {
            encoder.begin(buffer, at, 1, SEND_TIME);
            int wanted = 1 + r.nextInt(maxMessages);
            int n = 0;
            while (n < wanted) {
                int[] type = MIX[r.nextInt(MIX.length)];
                if (!encoder.fits(type[1])) {
                    break;
                }
                encoder.message(type[0], type[1]);
                n++;
            }
            offsets[i] = at;
            lengths[i] = encoder.finish();
            counts[i] = n;
            at += lengths[i];
        }
        TrackerSettings settings = TrackerSettings.DEFAULTS;
        long start = 1_700_000_000_000_000_000L;
        oneLine = new ChannelTracker(new ChannelInfo("bench", "1", Protocol.OMD_C),
                List.of(new LineInfo("A", "primary")), settings, TrackerListener.NONE, start);
        twoLines = new ChannelTracker(new ChannelInfo("bench", "2", Protocol.OMD_C),
                List.of(new LineInfo("A", "primary"), new LineInfo("B", "primary")), settings, TrackerListener.NONE, start);
        seq = 1;
        now = start;
    }

    /** The next packet, its SeqNum set to continue the sequence. @return its index */
    private int nextPacket() {
        int i = next;
        next = (i + 1) & (PACKETS - 1);
        buffer.putInt(offsets[i] + OmdPacket.SEQ_NUM_OFFSET, (int) seq, ByteOrder.LITTLE_ENDIAN);
        seq += counts[i];
        now += 1_000;
        return i;
    }

    /** The reference: the decode the tracker does (validate with the type table), nothing else. */
    @Benchmark
    public int decodeOnly() {
        int i = nextPacket();
        packet.wrap(buffer, offsets[i], lengths[i]);
        if (packet.validate(MessageTypes.OMD_C) != Malformed.NONE) {
            return -1;
        }
        return packet.unknownTypes() + packet.sizeMismatches() + packet.controlFlags();
    }

    /**
     * The floor under any decoder that looks at every message: follow MsgSize from message to message
     * (each position is the previous one plus a 16-bit load), check nothing, count nothing.
     */
    @Benchmark
    public long walkOnly() {
        int i = nextPacket();
        byte[] array = buffer.byteArray();
        long at = buffer.addressOffset() + offsets[i];
        int count = UnsafeApi.getByte(array, at + OmdPacket.MSG_COUNT_OFFSET) & 0xFF;
        at += OmdPacket.HEADER_LENGTH;
        for (int k = 0; k < count; k++) {
            at += UnsafeApi.getChar(array, at);
        }
        walked = at; // kept, so the walk cannot be left out where the caller drops the result (CpuTime)
        return at;
    }

    @Benchmark
    public void trackOneLine() {
        int i = nextPacket();
        oneLine.onDatagram(0, buffer, offsets[i], lengths[i], now, WALL);
    }

    /** The same packet on line A then on line B, as arbitration sees it; reported per datagram (per packet and line). */
    @Benchmark
    @OperationsPerInvocation(2)
    public void trackTwoLines() {
        int i = nextPacket();
        twoLines.onDatagram(0, buffer, offsets[i], lengths[i], now, WALL);
        twoLines.onDatagram(1, buffer, offsets[i], lengths[i], now + 20_000, WALL + 20_000);
    }
}
