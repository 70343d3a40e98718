package io.omdprt.model;

/**
 * What the receiver knows of a line's socket, read at scrape time. A value below 0 means "not known
 * here" and the metric is left out rather than shown wrong (e.g. kernel drops off Linux).
 */
public interface SocketStats {
    SocketStats NONE = new SocketStats() {
        @Override
        public long receiveBufferBytes(String feed, String channel, String line) {
            return -1;
        }

        @Override
        public long kernelDrops(String feed, String channel, String line) {
            return -1;
        }
    };

    /** SO_RCVBUF as granted by the kernel. */
    long receiveBufferBytes(String feed, String channel, String line);

    /** Datagrams the kernel dropped on this socket (full receive buffer), since the socket opened. */
    long kernelDrops(String feed, String channel, String line);
}
