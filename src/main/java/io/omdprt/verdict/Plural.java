package io.omdprt.verdict;

import java.util.Locale;

/** Counts in words people read: "1 message", "1,234 messages", "2 times", "3.5 s". */
public final class Plural {
    private Plural() {
    }

    public static String of(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    public static String times(long n) {
        return n == 1 ? "once" : String.format(Locale.ROOT, "%,d times", n);
    }

    public static String seconds(double s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", (long) s / 3600, ((long) s % 3600) / 60, (long) s % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60)
                : String.format(Locale.ROOT, "%.1f s", s);
    }
}
