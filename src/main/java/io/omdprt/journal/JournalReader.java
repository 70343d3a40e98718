package io.omdprt.journal;

import io.omdprt.event.MonitorEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads journalled events back. A line that cannot be read (the torn last line after a kill, a
 * hand edit) is skipped and counted, never fatal.
 */
public final class JournalReader {
    /** Events read, and how many lines were skipped. */
    public record Result(List<MonitorEvent> events, long skippedLines, List<Path> files) {
    }

    private JournalReader() {
    }

    /** Every event with from <= time < to, in time order. */
    public static Result read(Path dir, Instant from, Instant to) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no journal folder " + dir);
        }
        LocalDate firstDay = from.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate lastDay = to.atOffset(ZoneOffset.UTC).toLocalDate();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "events-*.jsonl")) {
            for (Path f : stream) {
                LocalDate day = Journal.dayOfFile(f.getFileName().toString());
                if (day != null && !day.isBefore(firstDay) && !day.isAfter(lastDay)) {
                    files.add(f);
                }
            }
        }
        files.sort(Comparator.comparing(Path::toString));
        List<MonitorEvent> events = new ArrayList<>();
        long skipped = 0;
        for (Path f : files) {
            try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    MonitorEvent e;
                    try {
                        e = EventCodec.decode(line);
                    } catch (IOException | IllegalArgumentException ex) {
                        skipped++;
                        continue;
                    }
                    if (e != null && !e.time().isBefore(from) && e.time().isBefore(to)) {
                        events.add(e);
                    }
                }
            }
        }
        events.sort(Comparator.comparing(MonitorEvent::time));
        return new Result(events, skipped, files);
    }

    /** Every event in the journal (all days). */
    public static Result readAll(Path dir) throws IOException {
        return read(dir, Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"));
    }
}
