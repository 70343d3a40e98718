package io.omdprt.verdict;

/** A channel's (or a window's) verdict; see {@link VerdictPolicy} for what leads to each. */
public enum Verdict {
    /** Nothing to report: no loss on any line, every line up, nothing local, nothing unobserved. */
    PASS,
    /** Covered or unproven trouble: a line gapped or went down, this host dropped datagrams, part of the window was unobserved, DR. */
    WARN,
    /** Real loss (no line delivered the messages), or the whole channel was down. */
    FAIL;

    public static Verdict worst(Verdict a, Verdict b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
