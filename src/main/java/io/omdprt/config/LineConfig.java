package io.omdprt.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * One line: a multicast group and port on an interface, optionally source-specific.
 *
 * @param source        the sender for a source-specific join, or null for any source
 * @param interfaceName the receiving interface, by name (eth1) or by address (10.1.2.3)
 */
public record LineConfig(String name, String site, InetAddress group, int port, InetAddress source, String interfaceName) {
    public InetSocketAddress groupAddress() {
        return new InetSocketAddress(group, port);
    }

    public String endpoint() {
        return group.getHostAddress() + ":" + port;
    }
}
