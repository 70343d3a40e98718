package io.omdprt.journal;

import io.omdprt.event.EventSink;
import io.omdprt.event.Lifecycle;
import io.omdprt.event.MonitorEvent;
import io.omdprt.time.MonitorClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every event to the journal, off the hot path: the event loops only put events on a queue;
 * one writer thread turns them into JSON lines, writes them within milliseconds and forces them to
 * disk at least once a second and on close. A kill -9 loses only what was still on the queue; a
 * power cut at most the last second. Files rotate by UTC day and are deleted after the retention.
 *
 * <p>The journal never stops the monitor: when the folder is unwritable or the disk full, the error
 * is counted and logged, events wait on the (bounded) queue, and writing resumes when it can.
 */
public final class JournalWriter implements EventSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    static final int QUEUE_CAPACITY = 64 * 1024;
    static final long FORCE_INTERVAL_NANOS = 1_000_000_000L;
    /** A record every second: after a kill -9 the last one bounds the monitor's downtime to about a second. */
    static final long ALIVE_INTERVAL_NANOS = 1_000_000_000L;
    private static final long RETRY_NANOS = 1_000_000_000L;
    /** How long the writer sleeps when it found nothing: how late an event may reach the file (a stop or sync wakes it at once). */
    private static final long IDLE_PARK_NANOS = 20_000_000L;

    private final Path dir;
    private final long aliveIntervalNanos;
    private final int retentionDays;
    private final MonitorClock clock;
    private final ManyToOneConcurrentArrayQueue<MonitorEvent> queue = new ManyToOneConcurrentArrayQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile long lastForceEpochMillis;
    private volatile boolean running = true;
    private volatile CountDownLatch syncRequest;
    private volatile boolean started;

    private FileChannel channel;
    private LocalDate openDay;
    private LocalDate retentionCheckedFor;
    private long lastForceNanos;
    private long lastAliveNanos;
    private long lastErrorLogNanos;
    private boolean unforced;
    private MonitorEvent carried;

    public JournalWriter(Path dir, int retentionDays, MonitorClock clock) {
        this(dir, retentionDays, clock, ALIVE_INTERVAL_NANOS);
    }

    JournalWriter(Path dir, int retentionDays, MonitorClock clock, long aliveIntervalNanos) {
        this.aliveIntervalNanos = aliveIntervalNanos;
        this.dir = dir;
        this.retentionDays = retentionDays;
        this.clock = clock;
        this.thread = new Thread(this::loop, "omd-journal");
        this.thread.setDaemon(true);
    }

    /**
     * Starts writing. Until then events only wait on the queue, so a monitor that fails to start
     * (port in use, a join refused) closes the writer unstarted and leaves no trace in the journal.
     */
    public JournalWriter start() {
        lastAliveNanos = clock.monotonicNanos();
        started = true;
        thread.start();
        return this;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void accept(MonitorEvent event) {
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    public long eventsWritten() {
        return written.get();
    }

    public long eventsDropped() {
        return dropped.get();
    }

    public long writeErrors() {
        return errors.get();
    }

    /** When the journal was last forced to disk (ms since epoch, 0 = never). */
    public long lastForceEpochMillis() {
        return lastForceEpochMillis;
    }

    /**
     * Writes and forces everything accepted so far before returning (before a report is built).
     *
     * @return false when that did not happen within the timeout (e.g. the disk is failing)
     */
    public boolean sync(long timeout, TimeUnit unit) throws InterruptedException {
        if (!started) {
            return false;
        }
        CountDownLatch done = new CountDownLatch(1);
        syncRequest = done;
        LockSupport.unpark(thread);
        return done.await(timeout, unit);
    }

    /** Drains the queue, forces the file and stops the writer thread; an unstarted writer writes nothing. */
    @Override
    public void close() {
        running = false;
        if (!started) {
            queue.clear();
            return;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (true) {
            boolean stopping = !running;
            long now = clock.monotonicNanos();
            boolean wrote = drain();
            if (now - lastAliveNanos >= aliveIntervalNanos && running) {
                lastAliveNanos = now;
                accept(new Lifecycle.Alive(clock.now()));
            }
            CountDownLatch sync = syncRequest;
            if (unforced && (now - lastForceNanos >= FORCE_INTERVAL_NANOS || stopping || sync != null)) {
                force();
            }
            if (sync != null && queue.isEmpty() && carried == null && !unforced) {
                syncRequest = null;
                sync.countDown();
            }
            if (stopping && queue.isEmpty() && carried == null) {
                break;
            }
            if (!wrote) {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
        closeFile();
    }

    /** @return whether anything was written */
    private boolean drain() {
        if (carried == null && queue.isEmpty()) {
            return false;
        }
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        LocalDate batchDay = null;
        int n = 0;
        while (true) {
            MonitorEvent e = carried != null ? carried : queue.poll();
            carried = null;
            if (e == null) {
                break;
            }
            LocalDate day = Journal.dayOf(e);
            if (batchDay != null && !day.equals(batchDay)) {
                carried = e;
                break;
            }
            batchDay = day;
            try {
                batch.write(EventCodec.encode(e));
            } catch (IOException ex) {
                LOG.warn("event not journalled, cannot be written as JSON: {}", ex.toString());
                continue;
            }
            batch.write('\n');
            n++;
            if (batch.size() > 1 << 20) {
                break;
            }
        }
        if (n == 0) {
            return false;
        }
        if (!write(batchDay, batch.toByteArray())) {
            return false;
        }
        written.addAndGet(n);
        return true;
    }

    private boolean write(LocalDate day, byte[] bytes) {
        while (true) {
            try {
                if (channel == null || !day.equals(openDay)) {
                    open(day);
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                unforced = true;
                return true;
            } catch (IOException | RuntimeException e) {
                failed("cannot write the journal in " + dir, e);
                closeFile();
                if (!running) {
                    dropped.addAndGet(countLines(bytes));
                    return false;
                }
                LockSupport.parkNanos(RETRY_NANOS);
            }
        }
    }

    private void open(LocalDate day) throws IOException {
        closeFile();
        Files.createDirectories(dir);
        channel = FileChannel.open(dir.resolve(Journal.fileName(day)), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        openDay = day;
        applyRetention();
    }

    private void force() {
        try {
            if (channel != null) {
                channel.force(false);
            }
            unforced = false;
            lastForceNanos = clock.monotonicNanos();
            lastForceEpochMillis = clock.epochMillis();
        } catch (IOException e) {
            failed("cannot force the journal to disk in " + dir, e);
            closeFile();
        }
    }

    /** Deletes day files older than the retention, once per day. */
    private void applyRetention() {
        LocalDate today = clock.today(ZoneOffset.UTC);
        if (today.equals(retentionCheckedFor)) {
            return;
        }
        retentionCheckedFor = today;
        LocalDate oldestKept = today.minusDays(retentionDays);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "events-*.jsonl")) {
            for (Path f : files) {
                LocalDate day = Journal.dayOfFile(f.getFileName().toString());
                if (day != null && day.isBefore(oldestKept)) {
                    Files.deleteIfExists(f);
                    LOG.info("journal retention: deleted {} (older than {} days)", f.getFileName(), retentionDays);
                }
            }
        } catch (IOException e) {
            failed("cannot apply the journal retention in " + dir, e);
        }
    }

    private void failed(String what, Exception e) {
        errors.incrementAndGet();
        long now = clock.monotonicNanos();
        if (lastErrorLogNanos == 0 || now - lastErrorLogNanos > 60_000_000_000L) {
            lastErrorLogNanos = now;
            LOG.error("{}: {} (monitoring continues; events wait in memory, {} queued)", what, e.toString(), queue.size());
        }
    }

    private void closeFile() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failed("cannot close the journal file", e);
            }
            channel = null;
            openDay = null;
        }
    }

    private static int countLines(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}
