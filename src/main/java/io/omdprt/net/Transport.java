package io.omdprt.net;

import io.netty.channel.ChannelFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.omdprt.config.ReceiverConfig;

/** Linux epoll (batched receive with recvmmsg) where available, Java NIO otherwise. */
public record Transport(String name, IoHandlerFactory ioHandlers, ChannelFactory<DatagramChannel> datagramChannels) {

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
            return new Transport(ReceiverConfig.EPOLL, EpollIoHandler.newFactory(),
                    () -> new EpollDatagramChannel(SocketProtocolFamily.INET));
        }
        return new Transport(ReceiverConfig.NIO, NioIoHandler.newFactory(),
                () -> new NioDatagramChannel(SocketProtocolFamily.INET));
    }
}
