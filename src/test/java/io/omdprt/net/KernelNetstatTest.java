package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelNetstatTest {
    private static final String TCP_NAMES = "TcpExt: SyncookiesSent SyncookiesRecv IPReversePathFilter DelayedACKs\n";
    private static final String IP_EXT = "IpExt: InNoRoutes InTruncatedPkts InMcastPkts\nIpExt: 0 0 12345\n";

    @TempDir
    Path dir;

    private static long rpFilter(String text) {
        return KernelNetstat.counter(ProcText.of(text), "TcpExt:", "IPReversePathFilter");
    }

    @Test
    void readsTheValueUnderItsName() throws Exception {
        Path file = Files.writeString(dir.resolve("netstat"), TCP_NAMES + "TcpExt: 0 0 27 4242\n" + IP_EXT);
        assertEquals(27, KernelNetstat.reversePathFilterDrops(file));
        assertEquals(12345, KernelNetstat.counter(ProcText.of(TCP_NAMES + "TcpExt: 0 0 27 4242\n" + IP_EXT), "IpExt:", "InMcastPkts"));
        assertEquals(4242, KernelNetstat.counter(ProcText.of(TCP_NAMES + "TcpExt: 0 0 27 4242"), "TcpExt:", "DelayedACKs"),
                "the last line needs no newline");
    }

    @Test
    void numbersAtTheirLimits() {
        assertEquals(4294967296L, rpFilter(TCP_NAMES + "TcpExt: 0 0 4294967296 0\n"));
        assertEquals(Long.MAX_VALUE, rpFilter(TCP_NAMES + "TcpExt: 0 0 9223372036854775807 0\n"));
        assertEquals(-1, rpFilter(TCP_NAMES + "TcpExt: 0 0 18446744073709551615 0\n"), "beyond a long: unknown");
        assertEquals(-1, rpFilter(TCP_NAMES + "TcpExt: 0 0 2x 0\n"));
    }

    @Test
    void unknownWhenTheNameOrItsValueIsMissing() throws Exception {
        assertEquals(-1, rpFilter("TcpExt: SyncookiesSent\nTcpExt: 0\n" + IP_EXT));
        assertEquals(-1, rpFilter(TCP_NAMES + "TcpExt: 0 0\n"), "fewer values than names");
        assertEquals(-1, rpFilter(TCP_NAMES + IP_EXT), "names without their values line");
        assertEquals(-1, rpFilter(""));
        assertEquals(-1, KernelNetstat.reversePathFilterDrops(dir.resolve("absent")));
    }

    @Test
    void pairsAreLinesNextToEachOtherWithThePrefix() {
        assertEquals(9, rpFilter("TcpExt: SyncookiesSent\nTcpExt: IPReversePathFilter\nTcpExt: 9\n"),
                "the values line of a pair without the name is the names line of the next pair");
        assertEquals(-1, rpFilter("TcpExt: IPReversePathFilter\nTcpExt:\nTcpExt: 9\n"), "a pair without a value for the name");
        assertEquals(5, rpFilter(IP_EXT + "TcpExt:  SyncookiesSent \t IPReversePathFilter\nTcpExt: 1\t 5\n"));
        assertEquals(-1, rpFilter(TCP_NAMES + IP_EXT + "TcpExt: 0 0 27 4242\n"), "names and values apart are no pair");
    }

    @Test
    void theRealFileWhenOnLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(KernelNetstat.DEFAULT), "skipped: no /proc/net/netstat here");
        assertTrue(KernelNetstat.reversePathFilterDrops(KernelNetstat.DEFAULT) >= 0);
    }
}
