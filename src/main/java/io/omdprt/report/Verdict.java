package io.omdprt.report;

/** A channel's verdict for a window. */
public enum Verdict {
    /** No real loss, no channel outage, no local drops. */
    PASS,
    /** Only single-line loss or single-line outages: covered by another line, but the upgrade hurt a line. */
    WARN,
    /** Real loss (arbitrated gap), a channel outage, or the monitor's own host dropped datagrams. */
    FAIL;

    public static Verdict worst(Verdict a, Verdict b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
