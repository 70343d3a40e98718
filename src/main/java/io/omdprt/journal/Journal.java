package io.omdprt.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.omdprt.event.MonitorEvent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the journal is laid out: one JSON-lines file per UTC day, {@code events-YYYY-MM-DD.jsonl}. */
public final class Journal {
    private static final Pattern FILE = Pattern.compile("events-(\\d{4}-\\d{2}-\\d{2})\\.jsonl");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    /** The JSON form of events: ISO-8601 instants (see {@link EventCodec}). */
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Journal() {
    }

    public static String fileName(LocalDate day) {
        return "events-" + DAY.format(day) + ".jsonl";
    }

    public static LocalDate dayOf(MonitorEvent event) {
        return event.time().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** @return the day of a journal file name, or null when the name is not one */
    public static LocalDate dayOfFile(String name) {
        Matcher m = FILE.matcher(name);
        return m.matches() ? LocalDate.parse(m.group(1), DAY) : null;
    }
}
