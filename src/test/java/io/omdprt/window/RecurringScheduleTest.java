package io.omdprt.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.config.ConfigLoader;
import io.omdprt.config.MonitorConfig;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The occurrences of a trading-day schedule: exact instants, holidays, half-days, weekends, and the one-off windows winning. */
class RecurringScheduleTest {
    private static final String FEEDS = "feeds:\n  - name: f\n    protocol: omd-c\n    interface: 127.0.0.1\n    channels:\n"
            + "      - id: 1\n        lines: [ { name: A, group: 239.1.1.1, port: 50001 } ]\n";
    /** Christmas week 2026: Thursday the 24th a morning only, Friday the 25th a holiday, then the weekend. */
    private static final String TRADING = "recurring-windows:\n"
            + "  - name: trading\n"
            + "    sessions:\n"
            + "      - { name: am, start: \"09:00\", end: \"12:00\" }\n"
            + "      - { name: pm, start: \"13:00\", end: \"16:10\" }\n"
            + "    holidays: [2026-12-25]\n"
            + "    half-days: [ { date: 2026-12-24, sessions: [ { name: am, start: \"09:00\", end: \"12:00\" } ] } ]\n";

    private static WindowSchedule schedule(String windowsYaml) throws Exception {
        MonitorConfig c = new ConfigLoader().parse("t.yaml", TRADING + windowsYaml + FEEDS);
        return new WindowSchedule(c.windows(), c.recurringWindows());
    }

    private static Instant hk(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    private static String describe(List<Window> ws) {
        StringBuilder b = new StringBuilder();
        for (Window w : ws) {
            b.append(w.name()).append(' ').append(w.start()).append(' ').append(w.end()).append('\n');
        }
        return b.toString();
    }

    @Test
    void aWeekWithAHalfDayAHolidayAndAWeekend() throws Exception {
        List<Window> week = schedule("").occurrences(hk("2026-12-21T00:00:00"), hk("2026-12-28T00:00:00"));
        // Hong Kong is UTC+8 all year: 09:00 HKT = 01:00Z, 12:00 = 04:00Z, 13:00 = 05:00Z, 16:10 = 08:10Z.
        assertEquals(String.join("\n",
                "trading-2026-12-21-am 2026-12-21T01:00:00Z 2026-12-21T04:00:00Z",
                "trading-2026-12-21-pm 2026-12-21T05:00:00Z 2026-12-21T08:10:00Z",
                "trading-2026-12-22-am 2026-12-22T01:00:00Z 2026-12-22T04:00:00Z",
                "trading-2026-12-22-pm 2026-12-22T05:00:00Z 2026-12-22T08:10:00Z",
                "trading-2026-12-23-am 2026-12-23T01:00:00Z 2026-12-23T04:00:00Z",
                "trading-2026-12-23-pm 2026-12-23T05:00:00Z 2026-12-23T08:10:00Z",
                "trading-2026-12-24-am 2026-12-24T01:00:00Z 2026-12-24T04:00:00Z", ""), describe(week));
        assertTrue(week.stream().noneMatch(Window::adHoc));
        assertEquals("trading (am session)", week.get(0).description(), "no description: the name and the session");
    }

    @Test
    void occurrencesAreMadeForTheSpanAskedOnly() throws Exception {
        WindowSchedule s = schedule("");
        // In the middle of a session: that session, and nothing of the days around.
        List<Window> now = s.occurrences(hk("2026-12-21T10:00:00"), hk("2026-12-21T10:00:01"));
        assertEquals("trading-2026-12-21-am 2026-12-21T01:00:00Z 2026-12-21T04:00:00Z\n", describe(now));
        assertEquals("trading-2026-12-21-am", s.occurrenceAt(hk("2026-12-21T11:59:59")).name());
        assertNull(s.occurrenceAt(hk("2026-12-21T12:00:00")), "the end is not in the session");
        assertNull(s.occurrenceAt(hk("2026-12-21T12:30:00")), "lunch");
        assertNull(s.occurrenceAt(hk("2026-12-26T10:00:00")), "a Saturday");
        // A day either side of now, a hundred years ahead just as cheap: at most a few occurrences.
        List<Window> around = s.around(hk("2126-12-17T12:30:00"));
        assertEquals(List.of("trading-2126-12-16-pm", "trading-2126-12-17-am", "trading-2126-12-17-pm", "trading-2126-12-18-am"),
                around.stream().map(Window::name).toList(), "Monday 12:30 to Wednesday 12:30");
        // Friday evening: the next three are Monday's and Tuesday's.
        List<Window> next = schedule("").nextOccurrences(hk("2026-12-18T17:00:00"), 3);
        assertEquals(List.of("trading-2026-12-21-am", "trading-2026-12-21-pm", "trading-2026-12-22-am"),
                next.stream().map(Window::name).toList());
        // Christmas Eve after its morning: the next is Monday the 28th (holiday and weekend skipped).
        assertEquals("trading-2026-12-28-am", s.nextOccurrences(hk("2026-12-24T12:00:00"), 1).get(0).name());
        assertEquals("trading-2026-12-24-am", s.nextOccurrences(hk("2026-12-24T11:00:00"), 1).get(0).name(), "the one in progress first");
    }

    @Test
    void theOneOffWindowsWinAndClipTheSessionsTheyOverlap() throws Exception {
        WindowSchedule s = schedule("windows:\n"
                + "  - { name: PRT-LUNCH, date: 2026-12-21, start: \"11:00\", end: \"14:00\" }\n"
                + "  - { name: PRT-MID, date: 2026-12-22, start: \"10:00\", end: \"10:30\" }\n"
                + "  - { name: PRT-DAY, date: 2026-12-23, start: \"08:00\", end: \"17:00\" }\n");
        List<Window> days = s.occurrences(hk("2026-12-21T00:00:00"), hk("2026-12-24T00:00:00"));
        assertEquals(String.join("\n",
                // PRT-LUNCH takes the end of the morning and the start of the afternoon.
                "trading-2026-12-21-am 2026-12-21T01:00:00Z 2026-12-21T03:00:00Z",
                "trading-2026-12-21-pm 2026-12-21T06:00:00Z 2026-12-21T08:10:00Z",
                // PRT-MID inside the morning: the morning in two parts, the second named -2.
                "trading-2026-12-22-am 2026-12-22T01:00:00Z 2026-12-22T02:00:00Z",
                "trading-2026-12-22-am-2 2026-12-22T02:30:00Z 2026-12-22T04:00:00Z",
                "trading-2026-12-22-pm 2026-12-22T05:00:00Z 2026-12-22T08:10:00Z",
                // PRT-DAY covers the 23rd: no session of its own that day.
                ""), describe(days));
        // Ad-hoc windows change nothing: they run beside the session.
        s.open("rehearsal", hk("2026-12-24T10:00:00"), hk("2026-12-24T10:30:00"), "rehearsal");
        assertEquals(List.of("trading-2026-12-24-am", "rehearsal"),
                s.activeAt(hk("2026-12-24T10:15:00")).stream().map(Window::name).sorted(java.util.Comparator.reverseOrder()).toList());
        assertEquals(List.of("PRT-MID"), s.activeAt(hk("2026-12-22T10:15:00")).stream().map(Window::name).toList(),
                "inside the PRT only the PRT is active");
    }
}
