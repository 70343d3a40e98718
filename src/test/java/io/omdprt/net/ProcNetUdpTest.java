package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcNetUdpTest {
    private static final String HEADER = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops";

    private static ProcText text(List<String> lines) {
        return ProcText.of(String.join("\n", lines) + "\n");
    }

    /** How the kernel writes a local address: {@code %08X:%04X}, the address as a host-order u32. */
    private static String procAddress(InetSocketAddress local) {
        int address = java.nio.ByteBuffer.wrap(local.getAddress().getAddress()).order(java.nio.ByteOrder.nativeOrder()).getInt();
        return String.format(Locale.ROOT, "%08X:%04X", address, local.getPort());
    }

    @Test
    void parsesDropsAndQueueByInode() {
        List<String> lines = List.of(
            "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops",
            " 1234: 010BC2EF:CB2B 00000000:0000 07 00000000:00000A00 00:00000000 00000000     0        0 98765 2 ffff8881c9d3a000 17",
            " 1235: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 4242 2 ffff8881c9d3a400 0",
            "garbage line");
        ProcNetUdp.Sockets m = ProcNetUdp.parse(text(lines));
        assertEquals(2, m.size());
        assertEquals(17, m.get(98765L).drops());
        assertEquals(0xA00, m.get(98765L).receiveQueueBytes());
        assertEquals(0, m.get(4242L).drops());
    }

    @Test
    void readsLinesAsTheKernelPadsThem() {
        // udp4_format_sock pads every line, the header too, to 127 characters.
        String line = String.format(Locale.ROOT, "%5d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08X %08X %5d %8d %d %d %016x %d",
            5143, 0x0100007F, 0xB6A4, 0, 0, 7, 0x10, 0x300, 0, 0, 0, 101, 0, 2425954L, 2, 0xffff8881c9d3a000L, 42);
        ProcNetUdp.Sockets m = ProcNetUdp.parse(ProcText.of(String.format(Locale.ROOT, "%-127s\n%-127s\n", HEADER, line)));
        assertEquals(1, m.size());
        assertEquals(new ProcNetUdp.SocketCounters(0x0100007FL << 16 | 0xB6A4, 42, 0x300), m.get(2425954));
    }

    @Test
    void skipsLinesWithAFieldMissingOrNotANumber() {
        String ok = " 1: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 %s 2 ffff %s";
        ProcNetUdp.Sockets m = ProcNetUdp.parse(text(List.of(HEADER,
            String.format(ok, "100", "1"),
            " 2: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 200 2 ffff",
            String.format(ok, "30x", "3"),
            String.format(ok, "400", "-4"),
            String.format(ok, "500", "+5"),
            String.format(ok, "", "6"),
            " 7: 0100007F:0035 00000000:0000 07 00000000:0000000G 00:00000000 00000000 0 0 700 2 ffff 7",
            "",
            "   \t ",
            "garbage line",
            String.format(ok, "800", "8"))));
        assertEquals(2, m.size(), "lines 1 and 8");
        assertEquals(1, m.drops(100));
        assertEquals(8, m.drops(800));
        for (long inode : new long[] {200, 30, 400, 500, 6, 700}) {
            assertFalse(m.contains(inode), "inode " + inode);
            assertEquals(-1, m.drops(inode));
            assertNull(m.get(inode));
        }
    }

    @Test
    void fieldsMaySitBetweenAnySpacesAndTabs() {
        ProcNetUdp.Sockets m = ProcNetUdp.parse(ProcText.of(HEADER + "\n"
            + "\t  1:   0100007F:0035\t00000000:0000  07 00000000:00000010 00:00000000 00000000 \t 0 0 \t 100   2 ffff 9 extra fields \r\n"
            + "2: 0100007F:0035 00000000:0000 07 00000000:00000020 00:00000000 00000000 0 0 200 2 ffff 10"));
        assertEquals(2, m.size());
        assertEquals(new ProcNetUdp.SocketCounters(0x0100007FL << 16 | 0x35, 9, 0x10), m.get(100));
        assertEquals(10, m.drops(200), "the last line needs no newline");
    }

    @Test
    void numbersReachTheirLimits() {
        String line = " 1: 0100007F:0035 00000000:0000 07 00000000:%s 00:00000000 00000000 0 0 %s 2 ffff %s";
        ProcNetUdp.Sockets m = ProcNetUdp.parse(text(List.of(HEADER,
            String.format(line, "FFFFFFFF", "4294967295", "4294967295"),
            String.format(line, "ffffffff", "4294967296", "4294967296"),
            String.format(line, "7FFFFFFFFFFFFFFF", "9223372036854775807", "9223372036854775807"),
            String.format(line, "00000000", "18446744073709551615", "0"),
            String.format(line, "8000000000000000", "5", "0"),
            String.format(line, "00000000", "6", "9223372036854775808"))));
        assertEquals(3, m.size(), "a number beyond a long skips its line");
        assertEquals(new ProcNetUdp.SocketCounters(0x0100007FL << 16 | 0x35, 4294967295L, 0xFFFFFFFFL), m.get(4294967295L));
        assertEquals(4294967296L, m.drops(4294967296L), "drops beyond an int");
        assertEquals(Long.MAX_VALUE, m.get(Long.MAX_VALUE).receiveQueueBytes());
        assertEquals(Long.MAX_VALUE, m.drops(Long.MAX_VALUE));
        assertFalse(m.contains(5));
        assertFalse(m.contains(6));
    }

    @Test
    void aQueueFieldNotInTwoPartsCountsNoQueueAndAnOddAddressMatchesNone() {
        String line = " 1: %s 00000000:0000 07 %s 00:00000000 00000000 0 0 %d 2 ffff 1";
        ProcNetUdp.Sockets m = ProcNetUdp.parse(text(List.of(HEADER,
            String.format(line, "0100007F:0035", "00000A00", 1),
            String.format(line, "0100007F:0035", "0:0A00:0", 2),
            String.format(line, "0100007F:0035", "00000000:", 3),
            String.format(line, "100007F:0035", ":00000A00", 4),
            String.format(line, "0100007F0035", "0:1", 5),
            String.format(line, "0100007F:035", "0:1", 6),
            String.format(line, "0100007G:0035", "0:1", 7))));
        assertEquals(7, m.size());
        assertEquals(0, m.get(1).receiveQueueBytes());
        assertEquals(0, m.get(2).receiveQueueBytes());
        assertEquals(0, m.get(3).receiveQueueBytes());
        assertEquals(0xA00, m.get(4).receiveQueueBytes(), "an empty tx_queue before the ':'");
        for (long inode = 4; inode <= 7; inode++) {
            assertEquals(-1, m.get(inode).localAddress(), "inode " + inode);
            assertEquals(1, m.drops(inode), "its drops still count");
        }
    }

    @Test
    void theFirstLineIsTheHeaderWhateverItSaysAndALaterLineOfAnInodeWins() {
        String line = " 1: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 %d 2 ffff %d";
        ProcNetUdp.Sockets m = ProcNetUdp.parse(text(List.of(String.format(line, 1, 1), String.format(line, 0, 2),
            String.format(line, 0, 3), String.format(line, 9, 4))));
        assertFalse(m.contains(1));
        assertEquals(2, m.size());
        assertEquals(3, m.drops(0), "kernel sockets share inode 0: the last one read counts, as before");
        assertEquals(0, ProcNetUdp.parse(ProcText.of("")).size());
        assertEquals(0, ProcNetUdp.parse(ProcText.of(HEADER + "\n")).size());
    }

    @Test
    void manySocketsAreAllFoundAndNoOtherIs() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 5_000; i++) {
            b.append(String.format(Locale.ROOT, " %d: 0100007F:0035 00000000:0000 07 00000000:%08X 00:00000000 00000000 0 0 %d 2 ffff %d%n",
                i, i, 1_000_000L + i * 7919L, i * 3L));
        }
        ProcNetUdp.Sockets m = ProcNetUdp.parse(ProcText.of(b.toString()));
        assertEquals(5_000, m.size());
        for (int i = 0; i < 5_000; i++) {
            long inode = 1_000_000L + i * 7919L;
            assertEquals(i * 3L, m.drops(inode));
            assertEquals(i, m.get(inode).receiveQueueBytes());
            assertFalse(m.contains(inode + 1));
        }
    }

    @Test
    void agreesWithTheRegexSplitItReplacedOnRandomLines() {
        java.util.Random random = new java.util.Random(20);
        String[] hex = {"00000000", "00000A00", "FFFFFFFF", "ffffffff", "7FFFFFFFFFFFFFFF", "8000000000000000", "0G", "", "1"};
        String[] dec = {"0", "17", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808", "12a", "", "00042"};
        String[] gaps = {" ", "  ", "\t", " \t "};
        for (int run = 0; run < 2_000; run++) {
            List<String> lines = new java.util.ArrayList<>(List.of(HEADER));
            for (int l = 0; l < 10; l++) {
                List<String> f = new java.util.ArrayList<>(List.of(String.valueOf(l) + ":", "0100007F:0035", "00000000:0000", "07",
                    pick(random, hex) + (random.nextInt(8) == 0 ? "" : ":" + pick(random, hex)), "00:00000000", "00000000", "0", "0",
                    pick(random, dec), "2", "ffff8881c9d3a000", pick(random, dec)));
                f.removeIf(String::isEmpty);
                if (random.nextInt(6) == 0) {
                    f.remove(random.nextInt(f.size()));
                }
                StringBuilder line = new StringBuilder(random.nextBoolean() ? " " : "");
                for (String field : f) {
                    line.append(field).append(pick(random, gaps));
                }
                lines.add(line.toString());
            }
            java.util.Map<Long, long[]> expected = regexSplit(lines);
            ProcNetUdp.Sockets m = ProcNetUdp.parse(text(lines));
            assertEquals(expected.size(), m.size(), String.join("\n", lines));
            expected.forEach((inode, v) -> {
                assertEquals(v[0], m.drops(inode), () -> String.join("\n", lines));
                assertEquals(v[1], m.get(inode).receiveQueueBytes(), () -> String.join("\n", lines));
            });
        }
    }

    private static String pick(java.util.Random random, String[] of) {
        return of[random.nextInt(of.length)];
    }

    /** The parser as it was, drops and receive queue by inode. */
    private static java.util.Map<Long, long[]> regexSplit(List<String> lines) {
        java.util.Map<Long, long[]> out = new java.util.HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length < 13) {
                continue;
            }
            try {
                String[] queues = f[4].split(":");
                long rxQueue = queues.length == 2 ? Long.parseLong(queues[1], 16) : 0;
                out.put(Long.parseLong(f[9]), new long[] {Long.parseLong(f[12]), rxQueue});
            } catch (NumberFormatException e) {
                // skipped
            }
        }
        return out;
    }

    @Test
    void realFileHasOurSocketsWhenOnLinux() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcNetUdp.available(), "skipped: not Linux: nothing to read, and the metric is absent there by design");
        try (java.nio.channels.DatagramChannel s = java.nio.channels.DatagramChannel.open(java.net.StandardProtocolFamily.INET)) {
            s.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            ProcNetUdp.Sockets m = ProcNetUdp.read(ProcNetUdp.DEFAULT);
            assertTrue(m.size() > 0, "at least the IPv4 socket just opened");
        }
    }

    @Test
    void findsASocketByItsBoundAddressAmongOurOwn() {
        InetSocketAddress group = new InetSocketAddress("239.194.11.1", 51001);
        String hex = procAddress(group);
        ProcNetUdp.Sockets lines = ProcNetUdp.parse(text(List.of(HEADER,
            " 1: " + hex + " 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 100 2 ffff 0",
            " 2: " + hex + " 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 200 2 ffff 0",
            " 3: " + hex + " 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 300 2 ffff 0")));
        assertEquals(200, ProcNetUdp.inodeBoundTo(lines, Set.of(200L, 999L), group, Set.of()), "another process's sockets are not ours");
        assertEquals(-1, ProcNetUdp.inodeBoundTo(lines, Set.of(100L, 200L), group, Set.of()), "two of ours: ambiguous");
        assertEquals(100, ProcNetUdp.inodeBoundTo(lines, Set.of(100L, 200L), group, Set.of(200L)), "one already taken");
        assertEquals(-1, ProcNetUdp.inodeBoundTo(lines, Set.of(100L), new InetSocketAddress("239.194.11.1", 51002), Set.of()));
    }

    @Test
    void addressIsReadAsTheKernelWritesIt() {
        boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        ProcNetUdp.Sockets m = ProcNetUdp.parse(text(List.of(HEADER,
            " 1: " + (little ? "0100007F:0035" : "7F000001:0035") + " 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 7 2 ffff 0",
            " 2: " + (little ? "0100007f:0035" : "7f000001:0035") + " 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 8 2 ffff 0")));
        long localhost53 = ProcNetUdp.localAddress(new InetSocketAddress("127.0.0.1", 53));
        assertEquals(localhost53, m.get(7).localAddress());
        assertEquals(localhost53, m.get(8).localAddress(), "either case of hex digit");
        assertNotEquals(localhost53, ProcNetUdp.localAddress(new InetSocketAddress("127.0.0.1", 54)));
        assertNotEquals(localhost53, ProcNetUdp.localAddress(new InetSocketAddress("127.0.0.2", 53)));
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
            ProcNetUdp.Sockets m = ProcNetUdp.read(ProcNetUdp.DEFAULT);
            assertTrue(m.contains(ia) && m.contains(ib));
            assertEquals(-1, ProcNetUdp.inodeBoundTo((InetSocketAddress) a.getLocalAddress(), Set.of(ia)));
        }
    }
}
