package io.omdprt.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A text file of /proc or /sys read whole into a buffer kept from one read to the next, walked line by
 * line ('\n') and field by field (runs of spaces and tabs) in place, its numbers parsed from the bytes:
 * once the buffer has grown to the file's size, reading and parsing allocate next to nothing. Not
 * thread-safe: one per reading thread, or used under a lock.
 */
final class ProcText {
    /** A number that is absent or not in the expected format (the files' numbers are never negative). */
    static final long NONE = -1;

    private byte[] text;
    private int length;
    /** Where the current line starts; -1 before the first. */
    private int lineStart = -1;
    /** The current field is [start, end); both are the line's start before its first field. */
    private int start;
    private int end;

    ProcText() {
        this.text = new byte[8192];
    }

    private ProcText(byte[] text) {
        this.text = text;
        this.length = text.length;
    }

    static ProcText of(String text) {
        return new ProcText(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the file to its end (procfs reports a size of 0, sysfs one of a page: neither is its length)
     * and goes before its first line.
     */
    ProcText read(Path file) throws IOException {
        length = 0;
        rewind();
        try (FileChannel in = FileChannel.open(file)) {
            while (true) {
                if (length == text.length) {
                    text = Arrays.copyOf(text, Math.max(8192, text.length * 2));
                }
                int n = in.read(ByteBuffer.wrap(text, length, text.length - length));
                if (n < 0) {
                    return this;
                }
                length += n;
            }
        }
    }

    /** Before the first line again. */
    void rewind() {
        lineStart = -1;
    }

    /** The bytes read (to size a table by the file's length). */
    int length() {
        return length;
    }

    /** To the next line, before its first field; false after the last. */
    boolean nextLine() {
        int i = 0;
        if (lineStart >= 0) {
            i = lineEnd(end) + 1;
        }
        if (i >= length) {
            return false;
        }
        lineStart = i;
        start = i;
        end = i;
        return true;
    }

    /** Where the line with {@code i} in it ends: its '\n', or the text's end. */
    private int lineEnd(int i) {
        byte[] b = text;
        while (i < length && b[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Where the current line starts, for {@link #toLine}. */
    int lineStart() {
        return lineStart;
    }

    /** Back to a line seen before (by its {@link #lineStart}), before its first field. */
    void toLine(int at) {
        lineStart = at;
        start = at;
        end = at;
    }

    boolean lineStartsWith(String prefix) {
        return length - lineStart >= prefix.length() && sameChars(lineStart, prefix);
    }

    /** Whether the line starts with a space or tab. */
    boolean indented() {
        return lineStart < length && space(text[lineStart]);
    }

    /** Whether the line has no field. */
    boolean blank() {
        int i = lineStart;
        while (i < length && space(text[i])) {
            i++;
        }
        return i == length || text[i] == '\n';
    }

    /** To the line's next field; false when it has no more. */
    boolean next() {
        byte[] b = text;
        int i = end;
        while (i < length && space(b[i])) {
            i++;
        }
        start = i;
        while (i < length && b[i] != '\n' && !space(b[i])) {
            i++;
        }
        end = i;
        return i > start;
    }

    /** To the line's {@code n}th field from here ({@code next()} n times); false when it has fewer. */
    boolean next(int n) {
        for (int i = 0; i < n; i++) {
            if (!next()) {
                return false;
            }
        }
        return true;
    }

    /** The current field is [start, end) of the text, for parsers that split it (at ':'). */
    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** Where {@code c} first is in the current field, or -1. */
    int indexOf(char c) {
        return indexOf(c, start);
    }

    /** Where {@code c} first is in the current field from {@code from} on, or -1. */
    int indexOf(char c, int from) {
        for (int i = from; i < end; i++) {
            if (text[i] == c) {
                return i;
            }
        }
        return -1;
    }

    boolean is(String s) {
        return end - start == s.length() && sameChars(start, s);
    }

    /** Whether the text from {@code at} holds {@code s} (the caller has checked there is room for it). */
    private boolean sameChars(int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (text[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    String string() {
        return string(start, end);
    }

    String string(int from, int to) {
        return new String(text, from, to - from, StandardCharsets.UTF_8);
    }

    /** The line with the spaces around it cut, as {@link String#trim} does. */
    String trimmedLine() {
        int from = lineStart;
        int to = lineEnd(lineStart);
        while (from < to && (text[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (text[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        return string(from, to);
    }

    long decimal() {
        return number(start, end, 10);
    }

    long hex() {
        return number(start, end, 16);
    }

    long hex(int from, int to) {
        return number(from, to, 16);
    }

    /** Digits only (no sign), at least one, at most {@link Long#MAX_VALUE}; otherwise {@link #NONE}. */
    private long number(int from, int to, int radix) {
        if (from >= to) {
            return NONE;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int d = digit(text[i]);
            if (d >= radix || value > (Long.MAX_VALUE - d) / radix) {
                return NONE;
            }
            value = value * radix + d;
        }
        return value;
    }

    private static int digit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return Integer.MAX_VALUE;
    }

    /** What {@code String.trim().split("\\s+")} splits at, less '\n' (a line's end here). */
    private static boolean space(byte b) {
        return b <= ' ' && (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B);
    }
}
