package io.omdprt.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Microbursts and rates of one line: the most packets and bytes that arrived within any span
 * shorter than the resolution (1 ms by default; a sliding window, not aligned bins, so a burst that
 * straddles a millisecond boundary is still seen whole), and the packets and bytes of each second,
 * kept per second for the last {@link #SECONDS} seconds.
 *
 * <p>One writer (the channel's thread) calls {@link #arrived} per datagram: two stores into a ring,
 * a pop or two, a few compares; no allocation, no lock. A packet alone in its window (every packet,
 * on a line slower than one a resolution) touches only the meter's fields, and goes into the ring
 * when the next one comes within the resolution. The ring keeps each packet's arrival and the
 * bytes of all packets before it, so the window's bytes are one subtraction, and a second's packets
 * and bytes are counted by nothing more than the running totals. Each completed second is published
 * to a ring of seconds that readers on other threads consume with their own {@link Cursor}: a reader
 * sees every second that ended since it last read, so each reader (the scrape, the journal's
 * snapshots) gets the peak since its own previous read, independently of the others.
 *
 * <p>The sliding window holds at most {@link #WINDOW_CAPACITY} packets: a peak is at most that
 * many packets within one resolution (a million packets a second at 1 ms).
 */
public final class BurstMeter {
    public static final long DEFAULT_RESOLUTION_NANOS = 1_000_000L;
    public static final int WINDOW_CAPACITY = 1024;
    /** Seconds kept for readers: a reader that comes back later than this misses the oldest. */
    public static final int SECONDS = 128;
    private static final int WINDOW_MASK = WINDOW_CAPACITY - 1;
    private static final int SECONDS_MASK = SECONDS - 1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NONE = Long.MIN_VALUE;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long resolution;
    /** The cursors of the two readers: the journal's counters snapshots, and the /metrics scrape. */
    private final Cursor journal = new Cursor();
    private final Cursor scrape = new Cursor();
    /**
     * Per packet in the ring, side by side (one cache line, one page): its arrival at {@code 2 * slot}
     * and the bytes of every packet before it at {@code 2 * slot + 1}.
     */
    private final long[] ring = new long[2 * WINDOW_CAPACITY];
    /** Packets and bytes ever arrived, and the oldest packet still in the window. */
    private int head;
    private long bytes;
    private int tail;
    /** No packet in the window arrived later than this (an upper bound: pops do not lower it). */
    private long windowLatest = Long.MIN_VALUE;
    /**
     * Whether the newest packet is alone in its window and not yet written to the ring (its arrival is
     * {@link #windowLatest}, its bytes-before this): sparse traffic never touches the ring.
     */
    private boolean newestUnwritten;
    private long newestBytesBefore;

    private long second = NONE;
    private long secondStart;
    private long secondEnd = Long.MIN_VALUE;
    /** Packets and bytes ever arrived when the second in progress began. */
    private int secondFirstPacket;
    private long secondFirstBytes;
    private long secondPeakPackets;
    private long secondPeakBytes;

    /** Per slot: the second it holds (NONE while being rewritten), then its figures. */
    private final long[] publishedSecond = new long[SECONDS];
    private final long[] publishedPackets = new long[SECONDS];
    private final long[] publishedBytes = new long[SECONDS];
    private final long[] publishedPeakPackets = new long[SECONDS];
    private final long[] publishedPeakBytes = new long[SECONDS];

    public BurstMeter(long resolutionNanos) {
        if (resolutionNanos <= 0) {
            throw new IllegalArgumentException("burst resolution must be positive: " + resolutionNanos);
        }
        this.resolution = resolutionNanos;
        java.util.Arrays.fill(publishedSecond, NONE);
    }

    public long resolutionNanos() {
        return resolution;
    }

    /** The journal snapshots' reader: peaks since the previous snapshot. */
    public Cursor journalCursor() {
        return journal;
    }

    /** The scrape's reader: peaks since the previous scrape (a scrape-aligned gauge). */
    public Cursor scrapeCursor() {
        return scrape;
    }

    /**
     * Writer thread only: a datagram of {@code size} bytes arrived at {@code now}. Small enough for the
     * JIT to inline into the tracker (one method with both paths was not: a call per datagram).
     */
    public void arrived(long now, int size) {
        if (now >= secondEnd || now < secondStart) {
            roll(now);
        }
        if (windowLatest <= now - resolution) {
            alone(now, size);
        } else {
            inWindow(now, size);
        }
    }

    /** Everything in the window is older than the resolution: it holds this packet alone. */
    private void alone(long now, int size) {
        int h = head;
        newestUnwritten = true;
        newestBytesBefore = bytes;
        windowLatest = now;
        bytes += size;
        tail = h;
        head = h + 1;
        if (secondPeakPackets < 1) {
            secondPeakPackets = 1;
        }
        if (size > secondPeakBytes) {
            secondPeakBytes = size;
        }
    }

    /** Other packets are in the window: the ring slides. */
    private void inWindow(long now, int size) {
        long cutoff = now - resolution;
        int h = head;
        if (newestUnwritten) {
            int newest = 2 * ((h - 1) & WINDOW_MASK);
            ring[newest] = windowLatest;
            ring[newest + 1] = newestBytesBefore;
            newestUnwritten = false;
        }
        if (now > windowLatest) {
            windowLatest = now;
        }
        int t = tail;
        while (t != h && ring[2 * (t & WINDOW_MASK)] <= cutoff) {
            t++;
        }
        if (h - t == WINDOW_CAPACITY) {
            t++;
        }
        int slot = 2 * (h & WINDOW_MASK);
        long before = bytes;
        ring[slot] = now;
        ring[slot + 1] = before;
        long after = before + size;
        bytes = after;
        head = ++h;
        tail = t;
        long inWindow = h - t; // ints that wrap: the difference stays exact
        if (inWindow > secondPeakPackets) {
            secondPeakPackets = inWindow;
        }
        long windowBytes = after - ring[2 * (t & WINDOW_MASK) + 1];
        if (windowBytes > secondPeakBytes) {
            secondPeakBytes = windowBytes;
        }
    }

    /** Writer thread only: makes the second in progress visible to readers as it stands (call on each tick). */
    public void publish() {
        if (second == NONE) {
            return;
        }
        int slot = (int) (second & SECONDS_MASK);
        SLOT.setRelease(publishedSecond, slot, NONE);
        VarHandle.storeStoreFence();
        SLOT.setOpaque(publishedPackets, slot, (long) (head - secondFirstPacket));
        SLOT.setOpaque(publishedBytes, slot, bytes - secondFirstBytes);
        SLOT.setOpaque(publishedPeakPackets, slot, secondPeakPackets);
        SLOT.setOpaque(publishedPeakBytes, slot, secondPeakBytes);
        SLOT.setRelease(publishedSecond, slot, second);
    }

    private void roll(long now) {
        publish();
        second = Math.floorDiv(now, NANOS_PER_SECOND);
        secondStart = second * NANOS_PER_SECOND;
        secondEnd = secondStart + NANOS_PER_SECOND;
        secondFirstPacket = head;
        secondFirstBytes = bytes;
        secondPeakPackets = 0;
        secondPeakBytes = 0;
    }

    /**
     * What the seconds that ended since this cursor's previous read, and before {@code nowNanos},
     * held; the cursor then starts after them. Any thread (one cursor is read by one reader at a time).
     */
    public Peaks read(Cursor cursor, long nowNanos) {
        synchronized (cursor) {
            return readLocked(cursor, nowNanos);
        }
    }

    private Peaks readLocked(Cursor cursor, long nowNanos) {
        long until = nowNanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(nowNanos, NANOS_PER_SECOND);
        long from = cursor.next;
        long peakPackets = 0;
        long peakBytes = 0;
        long secondPacketsMax = 0;
        long secondBytesMax = 0;
        long latest = from - 1;
        for (int slot = 0; slot < SECONDS; slot++) {
            long s = (long) SLOT.getAcquire(publishedSecond, slot);
            if (s == NONE || s < from || s >= until) {
                continue;
            }
            long p = (long) SLOT.getOpaque(publishedPackets, slot);
            long b = (long) SLOT.getOpaque(publishedBytes, slot);
            long pp = (long) SLOT.getOpaque(publishedPeakPackets, slot);
            long pb = (long) SLOT.getOpaque(publishedPeakBytes, slot);
            VarHandle.loadLoadFence();
            if ((long) SLOT.getAcquire(publishedSecond, slot) != s) {
                continue; // rewritten while read: the writer has moved past it
            }
            peakPackets = Math.max(peakPackets, pp);
            peakBytes = Math.max(peakBytes, pb);
            secondPacketsMax = Math.max(secondPacketsMax, p);
            secondBytesMax = Math.max(secondBytesMax, b);
            latest = Math.max(latest, s);
        }
        cursor.next = until == Long.MAX_VALUE ? latest + 1 : Math.max(from, until);
        return new Peaks(peakPackets, peakBytes, secondPacketsMax, secondBytesMax);
    }

    /** Where one reader has got to: the first second it has not read yet. */
    public static final class Cursor {
        private long next = Long.MIN_VALUE + 1;
    }

    /**
     * @param burstPackets the most packets within one resolution
     * @param burstBytes   the most bytes within one resolution
     * @param secondPackets the most packets in one (calendar) second
     * @param secondBytes  the most bytes in one second
     */
    public record Peaks(long burstPackets, long burstBytes, long secondPackets, long secondBytes) {
        public static final Peaks NONE = new Peaks(0, 0, 0, 0);
    }
}
