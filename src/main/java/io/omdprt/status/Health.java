package io.omdprt.status;

import io.omdprt.verdict.Verdict;

/** The colour of a verdict on the status page. */
public enum Health {
    /** PASS so far. */
    GREEN,
    /** WARN so far: covered or local trouble (see the reasons). */
    AMBER,
    /** FAIL so far: real loss, or the channel is or was down. */
    RED;

    public static Health of(Verdict v) {
        return switch (v) {
            case PASS -> GREEN;
            case WARN -> AMBER;
            case FAIL -> RED;
        };
    }

    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Health worst(Health a, Health b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
