package io.omdprt.pcap;

/** The two classic pcap variants {@link PcapWriter} writes: they differ in magic and timestamp unit. */
public enum TimestampPrecision {
    MICROS(0xA1B2C3D4, 1_000),
    NANOS(0xA1B23C4D, 1);

    private final int magic;
    private final int nanosPerUnit;

    TimestampPrecision(int magic, int nanosPerUnit) {
        this.magic = magic;
        this.nanosPerUnit = nanosPerUnit;
    }

    int magic() {
        return magic;
    }

    int nanosPerUnit() {
        return nanosPerUnit;
    }
}
