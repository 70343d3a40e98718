package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
        if (!ProcNetUdp.available()) {
            return; // not Linux: nothing to read, and the metric is absent there by design
        }
        try (java.nio.channels.DatagramChannel s = java.nio.channels.DatagramChannel.open(java.net.StandardProtocolFamily.INET)) {
            s.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            Map<Long, ProcNetUdp.SocketCounters> m = ProcNetUdp.read(ProcNetUdp.DEFAULT);
            assertTrue(!m.isEmpty(), "at least the IPv4 socket just opened");
        }
    }
}
