package io.omdprt.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One journal, one writer: an exclusive lock on {@code monitor.lock} in the journal folder, held for
 * as long as a monitor runs. The kernel releases it when the process dies (kill -9 included), so a
 * stale lock file never blocks a restart. The file holds the PID of the holder, for the message a
 * second instance prints.
 */
public final class JournalLock implements AutoCloseable {
    public static final String FILE = "monitor.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another process (or another monitor in this one) holds the folder. */
    public static final class LockedException extends Exception {
        public LockedException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock, creating the folder if needed.
     *
     * @throws LockedException when another monitor holds it; nothing in the folder was changed
     * @throws IOException     when the folder or lock file cannot be created
     */
    public static JournalLock acquire(Path dir) throws LockedException, IOException {
        Path file = dir.resolve(FILE);
        FileChannel channel;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot use the journal folder " + dir.toAbsolutePath() + " (journal.dir): " + e, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException inThisProcess) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new LockedException("the journal folder " + dir.toAbsolutePath() + " is in use by another monitor"
                    + (holder.isEmpty() ? "" : " (PID " + holder + ")") + "; one journal has one writer: stop that monitor or "
                    + "give this one its own journal.dir");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new JournalLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            channel.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the process is letting go of it anyway
        }
    }
}
