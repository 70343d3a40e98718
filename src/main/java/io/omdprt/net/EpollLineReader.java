package io.omdprt.net;

import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.unix.FileDescriptor;
import io.omdprt.track.ChannelTracker;
import java.io.IOException;
import java.nio.ByteBuffer;
import io.omdprt.time.MonitorClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one line's socket on its epoll event loop and hands each datagram to the channel's tracker
 * in place: recv(2) into the line's own native buffer, read through a reused flyweight; no object is
 * made per datagram. How many datagrams an event reads is the {@link ReadPacing}'s to say.
 */
final class EpollLineReader implements EpollIoHandle {
    private static final Logger LOG = LoggerFactory.getLogger(EpollLineReader.class);
    private final LinuxUdpSocket socket;
    private final ChannelTracker tracker;
    private final int lineIndex;
    private final MonitorClock clock;
    private final UnsafeBuffer view = new UnsafeBuffer(ByteBuffer.allocateDirect(Receiver.MAX_DATAGRAM));
    private final long address = view.addressOffset();
    private final ReadPacing pacing = new ReadPacing();

    EpollLineReader(LinuxUdpSocket socket, ChannelTracker tracker, int lineIndex, MonitorClock clock) {
        this.socket = socket;
        this.tracker = tracker;
        this.lineIndex = lineIndex;
        this.clock = clock;
    }

    @Override
    public FileDescriptor fd() {
        return socket;
    }

    @Override
    public void handle(IoRegistration registration, IoEvent event) {
        int limit = pacing.limit();
        for (int i = 0; i < limit; i++) {
            int read;
            try {
                read = socket.recvAddress(address, 0, Receiver.MAX_DATAGRAM);
            } catch (IOException e) {
                // A receive error must never stop the line: logged, and the next readiness reads on.
                LOG.warn("receive error on {} line {}: {}", tracker.info(), tracker.line(lineIndex).name(), e.toString());
                return;
            }
            if (read == 0) {
                pacing.drained(i); // EAGAIN: the socket is empty
                return;
            }
            // -1 is an empty datagram; one longer than the buffer arrives cut to it (then size_mismatch)
            pacing.read(deliver(read < 0 ? 0 : read));
        }
    }

    /** @return the arrival time the tracker was given */
    private long deliver(int length) {
        long now = clock.epochNanos();
        try {
            tracker.onDatagram(lineIndex, view, 0, length, now, now);
        } catch (RuntimeException e) {
            LOG.warn("receive error on {} line {}: {}", tracker.info(), tracker.line(lineIndex).name(), e.toString());
        }
        return now;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
