package io.omdprt.text;

import java.util.Locale;

/**
 * Counts as people read them: thousands separators ("12,345") and the noun in singular or plural
 * ("1 message", "2 messages"). Shared by every console output, the analysis summary and the reports.
 */
public final class Counts {
    private Counts() {
    }

    /** The number with thousands separators: 1234567 as "1,234,567". */
    public static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 message", "2 messages", "1,500 messages": the plural is the noun plus "s". */
    public static String of(long n, String singular) {
        return of(n, singular, singular + "s");
    }

    /** For nouns whose plural is not the noun plus "s": {@code of(n, "capture file", "capture files")}. */
    public static String of(long n, String singular, String plural) {
        return number(n) + " " + (n == 1 ? singular : plural);
    }

    /** "once", "2 times". */
    public static String times(long n) {
        return n == 1 ? "once" : number(n) + " times";
    }

    /** A length of time: "3.5 s", "2m05s", "1h02m03s". */
    public static String seconds(double s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", (long) s / 3600, ((long) s % 3600) / 60, (long) s % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60)
                : String.format(Locale.ROOT, "%.1f s", s);
    }

    /** A size as people read it: {@code 512 bytes}, {@code 12.3 KiB}, {@code 4.0 MiB}, {@code 1.2 GiB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return of(n, "byte");
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
