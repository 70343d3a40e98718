package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcNetUdpTest {
    @Test
    void parsesDropsAndQueueByInode() {
        List<String> lines = List.of(
            "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops",
            " 1234: 010BC2EF:CB2B 00000000:0000 07 00000000:00000A00 00:00000000 00000000     0        0 98765 2 ffff8881c9d3a000 17",
            " 1235: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 4242 2 ffff8881c9d3a400 0",
            "garbage line");
        Map<Long, ProcNetUdp.SocketCounters> m = ProcNetUdp.parse(lines);
        assertEquals(2, m.size());
        assertEquals(17, m.get(98765L).drops());
        assertEquals(0xA00, m.get(98765L).receiveQueueBytes());
        assertEquals(0, m.get(4242L).drops());
    }

    @Test
    void realFileHasOurSocketsWhenOnLinux() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcNetUdp.available(), "skipped: not Linux: nothing to read, and the metric is absent there by design");
        try (java.nio.channels.DatagramChannel s = java.nio.channels.DatagramChannel.open(java.net.StandardProtocolFamily.INET)) {
            s.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            Map<Long, ProcNetUdp.SocketCounters> m = ProcNetUdp.read(ProcNetUdp.DEFAULT);
            assertTrue(!m.isEmpty(), "at least the IPv4 socket just opened");
        }
    }

    @Test
    void findsASocketByItsBoundAddressAmongOurOwn() {
        String header = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops";
        InetSocketAddress group = new InetSocketAddress("239.194.11.1", 51001);
        String hex = ProcNetUdp.procAddress(group);
        Map<Long, ProcNetUdp.SocketCounters> lines = ProcNetUdp.parse(List.of(header,
            " 1: " + hex + " 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 100 2 ffff 0",
            " 2: " + hex + " 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 200 2 ffff 0",
            " 3: " + hex + " 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 300 2 ffff 0"));
        assertEquals(200, ProcNetUdp.inodeBoundTo(lines, Set.of(200L, 999L), group, Set.of()), "another process's sockets are not ours");
        assertEquals(-1, ProcNetUdp.inodeBoundTo(lines, Set.of(100L, 200L), group, Set.of()), "two of ours: ambiguous");
        assertEquals(100, ProcNetUdp.inodeBoundTo(lines, Set.of(100L, 200L), group, Set.of(200L)), "one already taken");
        assertEquals(-1, ProcNetUdp.inodeBoundTo(lines, Set.of(100L), new InetSocketAddress("239.194.11.1", 51002), Set.of()));
    }

    @Test
    void addressIsWrittenAsTheKernelDoes() {
        boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        assertEquals(little ? "0100007F:0035" : "7F000001:0035", ProcNetUdp.procAddress(new InetSocketAddress("127.0.0.1", 53)));
    }

    @Test
    void findsRealNioSocketsWhenOnLinux() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcNetUdp.available(), "skipped: not Linux: no /proc/net/udp, the drop metric is absent there by design");
        try (DatagramChannel a = DatagramChannel.open(StandardProtocolFamily.INET);
             DatagramChannel b = DatagramChannel.open(StandardProtocolFamily.INET)) {
            a.bind(new InetSocketAddress("127.0.0.1", 0));
            b.bind(new InetSocketAddress("127.0.0.1", 0));
            long ia = ProcNetUdp.inodeBoundTo((InetSocketAddress) a.getLocalAddress(), Set.of());
            long ib = ProcNetUdp.inodeBoundTo((InetSocketAddress) b.getLocalAddress(), Set.of());
            assertTrue(ia > 0 && ib > 0 && ia != ib, ia + " " + ib);
            Map<Long, ProcNetUdp.SocketCounters> m = ProcNetUdp.read(ProcNetUdp.DEFAULT);
            assertTrue(m.containsKey(ia) && m.containsKey(ib));
            assertEquals(-1, ProcNetUdp.inodeBoundTo((InetSocketAddress) a.getLocalAddress(), Set.of(ia)));
        }
    }
}
