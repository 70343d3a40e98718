package io.omdprt.status;

/** At-a-glance state of a line or channel. */
public enum Health {
    /** Up, and nothing went wrong since start. */
    GREEN,
    /** Up now, but it gapped or went down at some point (covered by another line, or recovered). */
    AMBER,
    /** Down now, or real data loss (arbitrated gap) on the channel. */
    RED;

    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Health worst(Health a, Health b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
