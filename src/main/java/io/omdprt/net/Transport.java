package io.omdprt.net;

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.omdprt.config.LineConfig;
import io.omdprt.config.ReceiverConfig;
import io.omdprt.track.ChannelTracker;
import java.io.IOException;
import java.net.InetSocketAddress;
import io.omdprt.time.MonitorClock;

/**
 * Linux epoll where available (each line's socket read by the monitor's own reader: no object per
 * datagram), Java NIO otherwise.
 */
public record Transport(String name, IoHandlerFactory ioHandlers) {

    public boolean isEpoll() {
        return ReceiverConfig.EPOLL.equals(name);
    }

    /**
     * @param wanted auto, epoll or nio
     * @throws IllegalStateException when epoll is demanded but not available here, with Netty's reason
     */
    public static Transport choose(String wanted) {
        boolean epoll = ReceiverConfig.EPOLL.equals(wanted) || (ReceiverConfig.AUTO.equals(wanted) && Epoll.isAvailable());
        if (epoll) {
            if (!Epoll.isAvailable()) {
                throw new IllegalStateException("receiver.transport is epoll, but epoll is not available here: "
                        + Epoll.unavailabilityCause());
            }
            return new Transport(ReceiverConfig.EPOLL, EpollIoHandler.newFactory());
        }
        return new Transport(ReceiverConfig.NIO, NioIoHandler.newFactory());
    }

    /** A socket bound to {@code local}, reading into the tracker on {@code loop} (one of {@link #ioHandlers()}'s). */
    GroupSocket open(IoEventLoop loop, LineConfig line, InetSocketAddress local, int receiveBuffer, ChannelTracker tracker, int lineIndex,
                     MonitorClock clock) throws IOException {
        return isEpoll() ? EpollGroupSocket.open(loop, line, local, receiveBuffer, tracker, lineIndex, clock)
                : NioGroupSocket.open(loop, line, local, receiveBuffer, tracker, lineIndex, clock);
    }
}
