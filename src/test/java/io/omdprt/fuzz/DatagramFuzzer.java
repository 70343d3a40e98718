package io.omdprt.fuzz;

import io.omdprt.protocol.PacketEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Makes datagrams for fuzzing: valid packets (data, heartbeats, control messages, sequence numbers
 * anywhere in the u32 range) and every kind of damage — truncation, a lying PktSize, a huge MsgCount,
 * zero or oversized MsgSize, pure noise, a valid header with a garbage body, bit flips.
 */
public final class DatagramFuzzer {
    private final SplittableRandom random;
    private final PacketEncoder encoder = new PacketEncoder(OmdMax.LENGTH);
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[OmdMax.LENGTH]);
    private long seq = 1;

    /** Bounds of generated datagrams. */
    static final class OmdMax {
        static final int LENGTH = 4096;
    }

    public DatagramFuzzer(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Writes the next datagram into {@code out}; @return its length */
    public int next(byte[] out) {
        int kind = random.nextInt(12);
        switch (kind) {
            case 0:
                return noise(out);
            case 1:
                return truncate(out, valid(out));
            case 2:
                return lyingPktSize(out, valid(out));
            case 3:
                return hugeMsgCount(out, valid(out));
            case 4:
                return msgSize(out, valid(out), random.nextBoolean() ? random.nextInt(4) : 0xFFFF - random.nextInt(100));
            case 5:
                return garbageBody(out);
            case 6:
                return bitFlips(out, valid(out));
            case 7:
                return heartbeat(out);
            default:
                return valid(out);
        }
    }

    private long nextSeq(int count) {
        int jump = random.nextInt(100);
        if (jump == 0) {
            seq = random.nextLong(0x1_0000_0000L - 300);
        } else if (jump < 5) {
            seq += random.nextInt(50);
        } else if (jump < 8) {
            seq = Math.max(1, seq - random.nextInt(50));
        }
        long s = seq;
        seq = Math.min(seq + count, 0xFFFF_FFFFL - 300);
        return s;
    }

    int valid(byte[] out) {
        int count = 1 + random.nextInt(20);
        encoder.begin(scratch, 0, nextSeq(count), random.nextLong());
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(30);
            int size = 4 + random.nextInt(120);
            if (!encoder.fits(Math.max(size, 8))) {
                break;
            }
            if (pick == 0) {
                encoder.sequenceReset(1);
            } else if (pick == 1) {
                encoder.drSignal(1 + random.nextInt(3));
            } else if (pick == 2) {
                encoder.refreshComplete(random.nextInt());
            } else {
                int at = encoder.message(random.nextInt(3) == 0 ? random.nextInt(1100) : 30 + random.nextInt(40), size);
                for (int b = 4; b + 8 <= size; b += 8) {
                    scratch.putLong(at + b, random.nextLong());
                }
            }
        }
        int length = encoder.finish();
        scratch.getBytes(0, out, 0, length);
        return length;
    }

    private int heartbeat(byte[] out) {
        int length = encoder.heartbeat(scratch, 0, nextSeq(0), random.nextLong());
        scratch.getBytes(0, out, 0, length);
        return length;
    }

    private int noise(byte[] out) {
        int length = random.nextInt(random.nextBoolean() ? 24 : out.length);
        for (int i = 0; i < length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return length;
    }

    private int truncate(byte[] out, int length) {
        return random.nextInt(length);
    }

    private int lyingPktSize(byte[] out, int length) {
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) (length + 1 + random.nextInt(60_000)));
        return length;
    }

    private int hugeMsgCount(byte[] out, int length) {
        out[2] = (byte) (200 + random.nextInt(56));
        return length;
    }

    private int msgSize(byte[] out, int length, int size) {
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putShort(16, (short) size);
        return length;
    }

    private int garbageBody(byte[] out) {
        int length = 16 + random.nextInt(1_500);
        for (int i = 16; i < length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) length);
        out[2] = (byte) (1 + random.nextInt(30));
        b.putInt(4, (int) nextSeq(1));
        return length;
    }

    private int bitFlips(byte[] out, int length) {
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(length);
            out[at] ^= (byte) (1 << random.nextInt(8));
        }
        return length;
    }
}
