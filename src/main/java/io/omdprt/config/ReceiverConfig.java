package io.omdprt.config;

/**
 * @param transport     auto (epoll when available, else NIO), epoll or nio
 * @param threads       event loops; every line of one channel is served by the same loop
 * @param receiveBuffer SO_RCVBUF requested per socket, in bytes (the kernel caps it at net.core.rmem_max)
 */
public record ReceiverConfig(String transport, int threads, int receiveBuffer) {
    public static final String AUTO = "auto";
    public static final String EPOLL = "epoll";
    public static final String NIO = "nio";
}
