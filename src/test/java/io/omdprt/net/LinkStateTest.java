package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkStateTest {
    @TempDir
    Path root;

    private void iface(String name, String ifindex, String flags, String operstate, String carrier) throws Exception {
        Path d = Files.createDirectories(root.resolve(name));
        Files.writeString(d.resolve("ifindex"), ifindex);
        Files.writeString(d.resolve("flags"), flags);
        Files.writeString(d.resolve("operstate"), operstate);
        if (carrier != null) {
            Files.writeString(d.resolve("carrier"), carrier);
        }
    }

    @Test
    void readsSysfsAsTheKernelWritesIt() throws Exception {
        iface("eth1", "3\n", "0x1003\n", "up\n", "1\n");
        LinkState s = LinkState.read(root, "eth1");
        assertEquals(new LinkState("eth1", true, 3, 0x1003, "up", true), s);
        assertTrue(s.up() && s.multicast());
    }

    @Test
    void oneBufferForManyInterfacesKeepsNothingOfTheLastOne() throws Exception {
        iface("a-long-name", "123456\n", "0x1003\n", "lowerlayerdown\n", "0\n");
        iface("b", "7", "0x9", "up", null);
        ProcText buffer = new ProcText();
        assertEquals(new LinkState("a-long-name", true, 123456, 0x1003, "lowerlayerdown", false), LinkState.read(root, "a-long-name", buffer));
        assertEquals(new LinkState("b", true, 7, 0x9, "up", false), LinkState.read(root, "b", buffer),
                "no newline, no carrier file (read fails while down)");
        assertEquals("no carrier", LinkState.read(root, "b", buffer).why());
    }

    @Test
    void absentWhenAFileIsMissingOrNotANumber() throws Exception {
        iface("x", "3\n", "0x1003\n", "up\n", "1\n");
        iface("y", "three\n", "0x1003\n", "up\n", "1\n");
        iface("z", "3\n", "0x10g3\n", "up\n", "1\n");
        iface("w", "", "0x1003\n", "up\n", "1\n");
        Files.delete(root.resolve("x").resolve("flags"));
        for (String name : new String[] {"x", "y", "z", "w", "nothere"}) {
            assertEquals(LinkState.absent(name), LinkState.read(root, name), name);
        }
    }

    @Test
    void spacesAroundAValueAreCut() throws Exception {
        iface("e", " 4 \n\n", "\t0x1003\n", "  unknown\t\n", " 1\nextra\n");
        assertEquals(new LinkState("e", true, 4, 0x1003, "unknown", true), LinkState.read(root, "e"));
    }

    @Test
    void theLoopbackWhenOnLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(LinkState.SYS_CLASS_NET.resolve("lo")), "skipped: no /sys/class/net/lo here");
        LinkState lo = LinkState.read(LinkState.SYS_CLASS_NET, "lo");
        assertTrue(lo.present() && lo.ifindex() > 0 && (lo.flags() & LinkState.IFF_LOOPBACK) != 0, lo.toString());
        assertFalse(LinkState.read(LinkState.SYS_CLASS_NET, "no-such-if0").present());
    }
}
