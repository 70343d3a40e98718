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
 * made per datagram.
 */
final class EpollLineReader implements EpollIoHandle {
    private static final Logger LOG = LoggerFactory.getLogger(EpollLineReader.class);
    /**
     * Datagrams read per readiness event before the loop serves its other sockets; the socket is
     * registered level-triggered, so whatever is left is reported again at once.
     */
    static final int READS_PER_EVENT = 64;

    private final LinuxUdpSocket socket;
    private final ChannelTracker tracker;
    private final int lineIndex;
    private final MonitorClock clock;
    private final UnsafeBuffer view = new UnsafeBuffer(ByteBuffer.allocateDirect(Receiver.MAX_DATAGRAM));
    private final long address = view.addressOffset();

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
        for (int i = 0; i < READS_PER_EVENT; i++) {
            int read;
            try {
                read = socket.recvAddress(address, 0, Receiver.MAX_DATAGRAM);
            } catch (IOException e) {
                // A receive error must never stop the line: logged, and the next readiness reads on.
                LOG.warn("receive error on {} line {}: {}", tracker.info(), tracker.line(lineIndex).name(), e.toString());
                return;
            }
            if (read == 0) {
                return; // EAGAIN: the socket is drained
            }
            // -1 is an empty datagram; one longer than the buffer arrives cut to it (then size_mismatch)
            deliver(read < 0 ? 0 : read);
        }
    }

    private void deliver(int length) {
        try {
            long now = clock.epochNanos();
            tracker.onDatagram(lineIndex, view, 0, length, now, now);
        } catch (RuntimeException e) {
            LOG.warn("receive error on {} line {}: {}", tracker.info(), tracker.line(lineIndex).name(), e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
