package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Preflight#routeInterface} over /proc/net/route. */
class ProcNetRouteTest {

    @TempDir
    Path dir;


    /** A line as fib_route_seq_show writes it: tab-separated, padded to 127 characters. */
    private static String route(String iface, String destination, String mask) throws Exception {
        return String.format("%-127s\n", iface + "\t" + ProcWord.of(destination) + "\t00000000\t0001\t0\t0\t0\t" + ProcWord.of(mask) + "\t0\t0\t0");
    }

    @Test
    void theLongestPrefixWins() throws Exception {
        Path file = Files.writeString(dir.resolve("route"), String.format("%-127s\n",
                "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT")
            + route("eth0", "0.0.0.0", "0.0.0.0")
            + route("eth1", "10.1.0.0", "255.255.0.0")
            + route("eth2", "10.1.2.0", "255.255.255.0")
            + "eth3\t0002010A\n" // short: skipped
            + "eth4\tXXXXXXXX\t00000000\t0001\t0\t0\t0\tFFFFFFFF\t0\t0\t0\n"
            + route("eth5", "192.168.7.0", "255.255.255.0"));
        assertEquals("eth2", Preflight.routeInterface(file, InetAddress.getByName("10.1.2.3")));
        assertEquals("eth1", Preflight.routeInterface(file, InetAddress.getByName("10.1.3.3")));
        assertEquals("eth5", Preflight.routeInterface(file, InetAddress.getByName("192.168.7.200")));
        assertEquals("eth0", Preflight.routeInterface(file, InetAddress.getByName("172.16.0.1")));
        assertNull(Preflight.routeInterface(dir.resolve("absent"), InetAddress.getByName("10.1.2.3")));
    }

    @Test
    void noRouteNoInterface() throws Exception {
        Path file = Files.writeString(dir.resolve("route"), "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n"
            + route("eth1", "10.1.0.0", "255.255.0.0"));
        assertNull(Preflight.routeInterface(file, InetAddress.getByName("10.2.0.1")));
    }
}
