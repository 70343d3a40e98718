package io.omdprt.pcap;

/**
 * A pcapng interface's timestamp resolution (option if_tsresol): ticks of 10^-n seconds when the
 * high bit is clear, of 2^-n seconds when it is set. Converts ticks to nanoseconds.
 */
final class TimestampUnit {
    static final TimestampUnit MICROS = of(6);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int MULTIPLY = 0;
    private static final int DIVIDE = 1;
    private static final int BINARY = 2;

    private final int mode;
    private final long factor;
    private final int shift;

    private TimestampUnit(int mode, long factor, int shift) {
        this.mode = mode;
        this.factor = factor;
        this.shift = shift;
    }

    /** @return null when the resolution is too fine to convert (beyond 10^-27 s or 2^-63 s) */
    static TimestampUnit of(int tsresol) {
        int n = tsresol & 0x7F;
        if ((tsresol & 0x80) != 0) {
            return n <= 63 ? new TimestampUnit(BINARY, 0, n) : null;
        }
        if (n <= 9) {
            return new TimestampUnit(MULTIPLY, pow10(9 - n), 0);
        }
        return n <= 27 ? new TimestampUnit(DIVIDE, pow10(n - 9), 0) : null;
    }

    /** @param ticks an unsigned 64-bit count of this unit since the epoch */
    long toNanos(long ticks) {
        return switch (mode) {
            case MULTIPLY -> ticks * factor;
            case DIVIDE -> Long.divideUnsigned(ticks, factor);
            default -> binaryToNanos(ticks);
        };
    }

    private long binaryToNanos(long ticks) {
        if (shift == 0) {
            return ticks * NANOS_PER_SECOND;
        }
        long seconds = ticks >>> shift;
        // The fraction as a 64-bit fixed-point number in [0, 1), times 10^9, keeping the high word.
        long fraction = ticks << (64 - shift);
        long fractionNanos = Math.multiplyHigh(fraction, NANOS_PER_SECOND) + (fraction < 0 ? NANOS_PER_SECOND : 0);
        return seconds * NANOS_PER_SECOND + fractionNanos;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
