package io.omdprt.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.event.DrStatus;
import io.omdprt.event.EventType;
import io.omdprt.event.Gap;
import io.omdprt.event.Lifecycle;
import io.omdprt.event.MonitorEvent;
import io.omdprt.event.SeqRange;
import io.omdprt.event.Where;
import io.omdprt.testing.Eventually;
import io.omdprt.time.ManualClock;
import io.omdprt.time.MonitorClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriterTest {
    private static MonitorEvent gap(Instant t, long from) {
        return new Gap.OnLine(t, new Where.Line("f", "1", "A", "primary"), new SeqRange(from, from + 9));
    }

    @Test
    void eventsRoundTripRotateByDayAndSyncOnDemand(@TempDir Path dir) throws Exception {
        Instant day1 = Instant.parse("2024-01-06T03:59:59Z");
        Instant day2 = Instant.parse("2024-01-07T00:00:01Z");
        try (JournalWriter w = new JournalWriter(dir, 3650, MonitorClock.system()).start()) {
            w.accept(gap(day1, 100));
            w.accept(gap(day2, 200));
            w.accept(new DrStatus(day2, new Where.Channel("f", "dr"), 1, 0));
            assertTrue(w.sync(5, TimeUnit.SECONDS));
            assertTrue(w.lastForceEpochMillis() > 0, "forced to disk");
        }
        assertTrue(Files.exists(dir.resolve("events-2024-01-06.jsonl")));
        assertTrue(Files.exists(dir.resolve("events-2024-01-07.jsonl")));
        List<MonitorEvent> back = JournalReader.read(dir, Instant.parse("2024-01-06T00:00:00Z"), Instant.parse("2024-01-08T00:00:00Z"))
                .events();
        List<MonitorEvent> data = back.stream().filter(e -> e.type() != EventType.MONITOR_ALIVE).toList();
        assertEquals(3, data.size());
        assertEquals(List.of(gap(day1, 100), gap(day2, 200), new DrStatus(day2, new Where.Channel("f", "dr"), 1, 0)), data);
    }

    @Test
    void tornLastLineIsSkippedAndCounted(@TempDir Path dir) throws Exception {
        try (JournalWriter w = new JournalWriter(dir, 3650, MonitorClock.system()).start()) {
            w.accept(gap(Instant.parse("2024-01-06T01:00:00Z"), 1));
        }
        Files.writeString(dir.resolve("events-2024-01-06.jsonl"), "{\"time\":\"2024-01-06T01:00:01Z\",\"type\":\"line_g",
                java.nio.file.StandardOpenOption.APPEND);
        JournalReader.Result r = JournalReader.read(dir, Instant.parse("2024-01-06T00:00:00Z"), Instant.parse("2024-01-07T00:00:00Z"));
        assertEquals(1, r.events().stream().filter(e -> e.type() == EventType.LINE_GAP).count());
        assertEquals(1, r.skippedLines());
    }

    @Test
    void retentionDeletesOldDaysOfTheClocksDate(@TempDir Path dir) throws Exception {
        ManualClock clock = ManualClock.at(Instant.parse("2024-03-10T23:59:59Z"));
        LocalDate today = LocalDate.parse("2024-03-10");
        Path old = dir.resolve(Journal.fileName(today.minusDays(6)));
        Path kept = dir.resolve(Journal.fileName(today.minusDays(5)));
        Files.writeString(old, "");
        Files.writeString(kept, "");
        try (JournalWriter w = new JournalWriter(dir, 5, clock).start()) {
            w.accept(new Lifecycle.Start(clock.now(), "instance=test"));
            assertTrue(w.sync(5, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(old), "older than 5 days");
        assertTrue(Files.exists(kept), "5 days old");
    }

    @Test
    void unwritableFolderIsCountedAndNeverThrows(@TempDir Path dir) throws Exception {
        Path notADir = dir.resolve("file");
        Files.writeString(notADir, "in the way");
        try (JournalWriter w = new JournalWriter(notADir.resolve("journal"), 30, MonitorClock.system()).start()) {
            w.accept(gap(Instant.now(), 1));
            Eventually.await(Duration.ofSeconds(5), () -> w.writeErrors() > 0 ? null : "no write error counted");
            assertFalse(w.sync(300, TimeUnit.MILLISECONDS), "cannot sync to an unwritable folder");
            w.accept(gap(Instant.now(), 20));
        }
    }

    @Test
    void anAliveMarkerOnceTheIntervalHasPassed(@TempDir Path dir) throws Exception {
        Instant start = Instant.parse("2024-01-06T01:00:00Z");
        ManualClock clock = ManualClock.at(start);
        try (JournalWriter w = new JournalWriter(dir, 30, clock, 100_000_000L).start()) {
            clock.advance(Duration.ofMillis(99));
            assertTrue(w.sync(5, TimeUnit.SECONDS));
            assertEquals(0, w.eventsWritten(), "not before the interval");
            clock.advance(Duration.ofMillis(1));
            Eventually.await(Duration.ofSeconds(5), () -> w.eventsWritten() > 0 ? null : "nothing written");
            assertTrue(w.sync(5, TimeUnit.SECONDS));
        }
        List<MonitorEvent> alive = JournalReader.readAll(dir).events();
        assertEquals(List.of(new Lifecycle.Alive(start.plusMillis(100))), alive, "one, at the clock's time");
    }
}
