package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcNetIgmpTest {
    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final String HEADER = "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n";

    @TempDir
    Path dir;


    private static String group(String address) throws Exception {
        return "\t\t\t\t" + ProcWord.of(address) + "     1 0:00000000\t\t0\n";
    }

    @Test
    void readsTheKernelsTwoLevelFormat() throws Exception {
        String text = HEADER
            + "1\tlo        :     1      V3\n" + group("224.0.0.1")
            + "4\teth0      :     3      V2\n" + group("224.0.0.1") + group("239.194.11.1") + "\t\t\t\t" + ProcWord.of("239.194.11.2")
            + "     1 1:000000C8\t\t1\n";
        Map<String, ProcNetIgmp.Device> m = ProcNetIgmp.read(Files.writeString(dir.resolve("igmp"), text));
        assertEquals(Set.of("lo", "eth0"), m.keySet());
        assertEquals("V3", m.get("lo").querier());
        assertEquals("V2", m.get("eth0").querier());
        assertEquals("eth0", m.get("eth0").name());
        assertTrue(m.get("lo").joined(InetAddress.getByName("224.0.0.1")));
        assertFalse(m.get("lo").joined(InetAddress.getByName("239.194.11.1")));
        for (String g : new String[] {"224.0.0.1", "239.194.11.1", "239.194.11.2"}) {
            assertTrue(m.get("eth0").joined(InetAddress.getByName(g)), g);
            assertTrue(m.get("eth0").joined(ProcNetIgmp.word(InetAddress.getByName(g))), g);
        }
        assertFalse(m.get("eth0").joined(InetAddress.getByName("239.194.11.3")));
        assertFalse(m.get("eth0").joined(InetAddress.getByName("::1")), "IPv6 is not in this file");
    }

    @Test
    void aGroupIsTheAddressInNetworkOrderPrintedAsAHostOrderWord() throws Exception {
        assertEquals(LITTLE ? "010101EF" : "EF010101", ProcWord.of("239.1.1.1"));
        Map<String, ProcNetIgmp.Device> m = ProcNetIgmp.parse(ProcText.of(HEADER + "2\teth1      :     1      V3\n"
            + "\t\t\t\t" + (LITTLE ? "010101ef" : "ef010101") + "     1 0:00000000\t\t0\n"));
        assertTrue(m.get("eth1").joined(InetAddress.getByName("239.1.1.1")));
        assertFalse(m.get("eth1").joined(InetAddress.getByName("1.1.1.239")));
    }

    @Test
    void manyGroupsOnOneDevice() throws Exception {
        StringBuilder text = new StringBuilder(HEADER).append("2\teth1      :   400      V3\n");
        for (int i = 0; i < 400; i++) {
            text.append(group("239.194." + (i >> 8) + "." + (i & 0xFF)));
        }
        ProcNetIgmp.Device d = ProcNetIgmp.parse(ProcText.of(text.toString())).get("eth1");
        for (int i = 0; i < 400; i++) {
            assertTrue(d.joined(InetAddress.getByName("239.194." + (i >> 8) + "." + (i & 0xFF))), "group " + i);
        }
        assertFalse(d.joined(InetAddress.getByName("239.194.1.144")));
        assertFalse(d.joined(InetAddress.getByName("239.194.2.0")));
    }

    @Test
    void aNameOfTenCharactersOrMoreRunsIntoTheColon() throws Exception {
        // igmp_mc_seq_show writes "%d\t%-10s: %5d %7s\n": pads the name to 10, so a longer one leaves no space before ':'
        // (as read from a network namespace with veths "abcdefghij" and "abcdefghijkl").
        String text = HEADER
            + "2\tabcdefghij:     1      V3\n" + group("239.0.0.1")
            + "3\tabcdefghijkl:     1      V2\n" + group("239.0.0.2")
            + "4\tenp3s0f0.1000:     1      V3\n" + group("239.0.0.3");
        Map<String, ProcNetIgmp.Device> m = ProcNetIgmp.parse(ProcText.of(text));
        assertEquals(Set.of("abcdefghij", "abcdefghijkl", "enp3s0f0.1000"), m.keySet());
        assertEquals("V2", m.get("abcdefghijkl").querier());
        assertTrue(m.get("abcdefghij").joined(InetAddress.getByName("239.0.0.1")));
        assertTrue(m.get("abcdefghijkl").joined(InetAddress.getByName("239.0.0.2")));
        assertTrue(m.get("enp3s0f0.1000").joined(InetAddress.getByName("239.0.0.3")));
    }

    @Test
    void linesNotInTheFormatAreSkipped() throws Exception {
        String text = "2\teth9      :     1      V3\n" // the first line is the header, whatever it says
            + group("239.0.0.9")
            + "\t\t\t\t" + ProcWord.of("239.0.0.1") + "\n" // a group before any device: no device to add it to
            + "\n   \t\n"
            + "3\teth1      :     4      V3\n"
            + "\t\t\t\t" + ProcWord.of("239.0.0.2").substring(1) + "     1 0:00000000\t\t0\n" // 7 digits
            + "\t\t\t\t0G0000EF     1 0:00000000\t\t0\n"
            + "\t\t\t\t+10000EF     1 0:00000000\t\t0\n" // the kernel writes no sign (Long.parseLong took it)
            + "\n"
            + group("239.0.0.3")
            + "  " + ProcWord.of("239.0.0.4") + "\n" // indented by spaces, one field: still a group
            + "4\teth2      :     1\n" // no querier: not a device line, and its groups belong to no device
            + group("239.0.0.5")
            + "5 eth3 - 1 V3\n" + group("239.0.0.6");
        Map<String, ProcNetIgmp.Device> m = ProcNetIgmp.parse(ProcText.of(text));
        assertEquals(Set.of("eth1"), m.keySet());
        ProcNetIgmp.Device eth1 = m.get("eth1");
        for (String g : new String[] {"239.0.0.1", "239.0.0.2", "239.0.0.5", "239.0.0.6", "239.0.0.9"}) {
            assertFalse(eth1.joined(InetAddress.getByName(g)), g);
        }
        assertTrue(eth1.joined(InetAddress.getByName("239.0.0.3")));
        assertTrue(eth1.joined(InetAddress.getByName("239.0.0.4")));
    }

    @Test
    void aDeviceListedAgainStartsOver() throws Exception {
        Map<String, ProcNetIgmp.Device> m = ProcNetIgmp.parse(ProcText.of(HEADER + "2\teth1      :     1      V2\n" + group("239.0.0.1")
            + "2\teth1      :     1      V3\n" + group("239.0.0.2")));
        assertEquals("V3", m.get("eth1").querier());
        assertFalse(m.get("eth1").joined(InetAddress.getByName("239.0.0.1")));
        assertTrue(m.get("eth1").joined(InetAddress.getByName("239.0.0.2")));
    }

    @Test
    void agreesWithTheRegexSplitItReplacedOnRandomLines() {
        java.util.Random random = new java.util.Random(20);
        String[] words = {"010000E0", "010BC2EF", "020BC2EF", "FFFFFFFF", "00000000", "0BC2EF", "010BC2EF0", "0G0BC2EF", "ef0bc201"};
        String[] names = {"lo", "eth0", "eth1", "vveA"};
        String[] gaps = {" ", "  ", "\t", " \t "};
        for (int run = 0; run < 2_000; run++) {
            StringBuilder text = new StringBuilder(HEADER);
            for (int l = 0; l < 12; l++) {
                int kind = random.nextInt(10);
                if (kind < 3) {
                    java.util.List<String> f = new java.util.ArrayList<>(List.of(String.valueOf(l), pick(random, names), ":", "3",
                        "V" + (1 + random.nextInt(3))));
                    if (random.nextInt(5) == 0) {
                        f.remove(random.nextInt(f.size()));
                    }
                    for (String field : f) {
                        text.append(field).append(pick(random, gaps));
                    }
                } else if (kind < 9) {
                    text.append(random.nextBoolean() ? "\t\t\t\t" : "  ").append(pick(random, words))
                        .append(random.nextInt(4) == 0 ? "" : "     1 0:00000000\t\t0");
                } else {
                    text.append(random.nextBoolean() ? "" : " \t");
                }
                text.append('\n');
            }
            java.util.List<String> lines = List.of(text.toString().split("\n"));
            Map<String, java.util.Map.Entry<String, Set<Integer>>> expected = regexSplit(lines);
            Map<String, ProcNetIgmp.Device> m = ProcNetIgmp.parse(ProcText.of(text.toString()));
            assertEquals(expected.keySet(), m.keySet(), text::toString);
            expected.forEach((name, d) -> {
                assertEquals(d.getKey(), m.get(name).querier(), text::toString);
                for (String w : words) {
                    if (w.length() == 8 && w.indexOf('G') < 0) {
                        int word = (int) Long.parseLong(w, 16);
                        assertEquals(d.getValue().contains(word), m.get(name).joined(word & 0xFFFFFFFFL), () -> w + " in\n" + text);
                    }
                }
            });
        }
    }

    private static String pick(java.util.Random random, String[] of) {
        return of[random.nextInt(of.length)];
    }

    /** The parser as it was (it missed a device of a name of 10 characters or more, see above): querier and group words by device. */
    private static Map<String, java.util.Map.Entry<String, Set<Integer>>> regexSplit(List<String> lines) {
        Map<String, java.util.Map.Entry<String, Set<Integer>>> out = new java.util.HashMap<>();
        Set<Integer> current = null;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 5 && ":".equals(f[2])) {
                    current = new java.util.HashSet<>();
                    out.put(f[1], java.util.Map.entry(f[4], current));
                } else {
                    current = null;
                }
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (current != null && f.length >= 1 && f[0].length() == 8) {
                try {
                    current.add((int) Long.parseLong(f[0], 16));
                } catch (NumberFormatException e) {
                    // skipped
                }
            }
        }
        return out;
    }

    @Test
    void anUnreadableFileIsNoDevice() {
        assertEquals(Map.of(), ProcNetIgmp.read(dir.resolve("absent")));
        assertEquals(Map.of(), ProcNetIgmp.parse(ProcText.of("")));
    }

    @Test
    void theRealFileWhenOnLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcNetIgmp.available(), "skipped: no /proc/net/igmp here");
        for (ProcNetIgmp.Device d : ProcNetIgmp.read(ProcNetIgmp.DEFAULT).values()) {
            assertTrue(Set.of("V1", "V2", "V3").contains(d.querier()), d.name() + " " + d.querier());
            assertTrue(Files.isDirectory(LinkState.SYS_CLASS_NET.resolve(d.name())), d.name());
        }
    }
}
