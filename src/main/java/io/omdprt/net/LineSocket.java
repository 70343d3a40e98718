package io.omdprt.net;

import io.omdprt.config.LineConfig;
import io.omdprt.model.MonitoredChannel;

/**
 * An open line: its channel, config and what the kernel says of its socket.
 *
 * @param inode                      socket inode for /proc/net/udp, or -1 when not known (NIO, non-Linux)
 * @param grantedReceiveBufferBytes  SO_RCVBUF as the kernel reports it after the request
 */
public record LineSocket(MonitoredChannel channel, int lineIndex, LineConfig line, long inode, int grantedReceiveBufferBytes) {
    public String describe() {
        return channel + " line " + line.name() + " (" + line.endpoint()
                + (line.source() == null ? "" : " from " + line.source().getHostAddress()) + " on " + line.interfaceName() + ")";
    }
}
