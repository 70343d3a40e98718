package io.omdprt.net;

import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.NetworkInterface;

/** The open socket of one line, bound and reading on its event loop: joins and leaves the line's group. */
interface GroupSocket {
    EventLoop eventLoop();

    void join(NetworkInterface ni) throws IOException;

    void leave(NetworkInterface ni) throws IOException;

    /** SO_RCVBUF as the kernel reports it. */
    int receiveBufferBytes() throws IOException;

    /** The socket's file descriptor, or -1 when the transport does not say (NIO). */
    int fd();

    /** Stops reading and closes the socket; waits at most about a second. */
    void close();
}
