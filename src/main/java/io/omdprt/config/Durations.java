package io.omdprt.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in config: 250ms, 2s, 1.5s, 5m, 1h. */
public final class Durations {
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** @return the duration, or null when the text is not one */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        double amount = Double.parseDouble(m.group(1));
        double millis;
        switch (m.group(2)) {
            case "ms":
                millis = amount;
                break;
            case "s":
                millis = amount * 1_000;
                break;
            case "m":
                millis = amount * 60_000;
                break;
            default:
                millis = amount * 3_600_000;
                break;
        }
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /**
     * A duration given on the command line: as {@link #parse}, and a bare number means seconds ({@code --duration 30}).
     *
     * @return the duration, or null when the text is not one
     */
    public static Duration parseOption(String text) {
        String t = text.trim();
        return parse(BARE_NUMBER.matcher(t).matches() ? t + "s" : t);
    }

    /** The shortest exact form: 250ms, 2s, 5m. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }
}
