package io.omdprt.analyze;

import io.omdprt.text.Counts;
import java.util.Locale;

/** Byte counts for people: 1.1 GB, 734.0 MB, 12.3 kB (decimal units, as the throughput figures). */
final class Sizes {
    private Sizes() {
    }

    static String bytes(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
        }
        return n >= 1_000L ? String.format(Locale.ROOT, "%.1f kB", n / 1e3) : Counts.of(n, "byte");
    }
}
