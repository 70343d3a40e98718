package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * pom.xml keeps of netty-all only the modules the monitor loads (the jar went from 26.8 MB to 12.9 MB): what it uses
 * is there, and the big unused ones stay out.
 */
class NettyModulesTest {
    @Test
    void whatTheMonitorUsesIsThere() {
        for (String used : new String[] {"io.netty.channel.epoll.Epoll", "io.netty.channel.nio.NioIoHandler",
            "io.netty.channel.uring.IoUring", "io.netty.handler.codec.http.HttpServerCodec", "io.netty.handler.timeout.IdleStateHandler",
            "io.netty.handler.codec.compression.ZlibCodecFactory"}) {
            assertDoesNotThrow(() -> Class.forName(used, false, getClass().getClassLoader()), used);
        }
    }

    @Test
    void epollLoadsItsNativeOnLinuxX86AndArm() {
        String arch = System.getProperty("os.arch");
        if (System.getProperty("os.name").startsWith("Linux") && (arch.equals("amd64") || arch.equals("aarch64"))) {
            assertTrue(io.netty.channel.epoll.Epoll.isAvailable(), () -> "epoll: " + io.netty.channel.epoll.Epoll.unavailabilityCause());
        }
    }

    @Test
    void theUnusedModulesAreLeftOut() {
        for (String unused : new String[] {"io.netty.handler.codec.quic.Quic", "io.netty.channel.kqueue.KQueue",
            "io.netty.handler.codec.http2.Http2FrameCodec", "io.netty.resolver.dns.DnsNameResolver", "io.netty.channel.sctp.SctpChannel",
            "io.netty.handler.proxy.ProxyHandler"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(unused, false, getClass().getClassLoader()), unused);
        }
    }
}
