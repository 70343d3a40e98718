package io.omdprt.pcap;

import static io.omdprt.pcap.Frames.address;
import static io.omdprt.pcap.Frames.ethernet;
import static io.omdprt.pcap.Frames.ipv4Udp;
import static io.omdprt.pcap.Frames.payload;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.omdprt.pcap.Captures.Classic;
import io.omdprt.pcap.Captures.Pcapng;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that is not a capture, is corrupt or ends early: a {@link PcapFormatException} naming the
 * offset and the problem, after everything before it was delivered. Never any other exception.
 */
class CorruptCaptureTest {
    private static final int SOURCE = address(10, 0, 0, 1);
    private static final int GROUP = address(239, 1, 2, 3);

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Captures.write(dir, "x.pcap", bytes);
    }

    private PcapFormatException openFails(byte[] bytes) throws IOException {
        Path path = file(bytes);
        return assertThrows(PcapFormatException.class, () -> PcapReader.open(path).close());
    }

    private static byte[] frame(int i) {
        return ethernet(ipv4Udp(SOURCE, GROUP, 1_000, 2_000 + i, payload(50 + i, i)));
    }

    private static Classic threeRecords() {
        return new Classic(LITTLE_ENDIAN, false, LinkType.ETHERNET).record(1, 0, frame(0)).record(2, 0, frame(1)).record(3, 0, frame(2));
    }

    @Test
    void badMagicNamesWhatWasFound() throws IOException {
        PcapFormatException e = openFails("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("not a pcap or pcapng file: magic number 0x47455420"), e.getMessage());
        assertTrue(e.getMessage().contains("x.pcap"), "names the file: " + e.getMessage());
    }

    @Test
    void gzipAndModifiedPcapSayWhatToDo() throws IOException {
        assertTrue(openFails(new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0}).getMessage().contains("gunzip"));
        byte[] modified = new Classic(LITTLE_ENDIAN, 0xA1B2CD34, LinkType.ETHERNET).bytes();
        assertTrue(openFails(modified).getMessage().contains("editcap -F pcap input.pcap output.pcap"));
    }

    @Test
    void emptyAndShortFiles() throws IOException {
        assertTrue(openFails(new byte[0]).getMessage().contains("a file of 0 bytes is too short"));
        byte[] header = new Classic(LITTLE_ENDIAN, false, LinkType.ETHERNET).bytes();
        PcapFormatException e = openFails(Arrays.copyOf(header, 20));
        assertTrue(e.getMessage().contains("ends inside the 24-byte pcap file header"), e.getMessage());
    }

    @Test
    void unknownPcapVersion() throws IOException {
        byte[] header = new Classic(LITTLE_ENDIAN, false, LinkType.ETHERNET).bytes();
        header[4] = 3;
        assertTrue(openFails(header).getMessage().contains("pcap version 3.4, expected 2.x"));
    }

    @Test
    void aFileEndingMidRecordDeliversTheRecordsBefore() throws IOException {
        Classic capture = threeRecords();
        byte[] whole = capture.bytes();
        int thirdAt = 24 + 2 * 16 + frame(0).length + frame(1).length;
        for (int cut : new int[] {thirdAt + 7, thirdAt + 16 + 20}) {
            try (PcapReader reader = PcapReader.open(file(Arrays.copyOf(whole, cut)))) {
                UdpDatagram d = new UdpDatagram();
                assertTrue(reader.next(d));
                assertEquals(2_000, d.destinationPort());
                assertTrue(reader.next(d));
                assertEquals(2_001, d.destinationPort());
                PcapFormatException e = assertThrows(PcapFormatException.class, () -> reader.next(d));
                assertEquals(thirdAt, e.offset(), e.getMessage());
                assertTrue(e.getMessage().contains(cut == thirdAt + 7 ? "ends inside a record header (7 of 16 bytes)"
                        : "ends inside a record: 20 of its " + frame(2).length + " captured bytes are there"), e.getMessage());
            }
        }
    }

    @Test
    void anAbsurdRecordLengthIsCorruption() throws IOException {
        byte[] bytes = threeRecords().bytes();
        int secondAt = 24 + 16 + frame(0).length;
        bytes[secondAt + 8 + 3] = 0x7F; // caplen 0x7Fxxxxxx
        try (PcapReader reader = PcapReader.open(file(bytes))) {
            UdpDatagram d = new UdpDatagram();
            assertTrue(reader.next(d));
            PcapFormatException e = assertThrows(PcapFormatException.class, () -> reader.next(d));
            assertEquals(secondAt, e.offset());
            assertTrue(e.getMessage().contains("more than the 262144 a record of this file can hold"), e.getMessage());
        }
    }

    @Test
    void pcapngBlockLengthsMustAgree() throws IOException {
        byte[] bytes = new Pcapng().section(LITTLE_ENDIAN).iface(LinkType.ETHERNET).packet(0, 1, frame(0)).packet(0, 2, frame(1)).bytes();
        int shbLength = 28;
        int idbLength = 20;
        int secondPacketAt = shbLength + idbLength + 32 + frame(0).length + (-frame(0).length & 3);
        bytes[bytes.length - 4] ^= 4; // trailing length of the last block
        try (PcapReader reader = PcapReader.open(file(bytes))) {
            UdpDatagram d = new UdpDatagram();
            assertTrue(reader.next(d));
            PcapFormatException e = assertThrows(PcapFormatException.class, () -> reader.next(d));
            assertEquals(secondPacketAt, e.offset(), e.getMessage());
            assertTrue(e.getMessage().contains("block of type 6 starts with length"), e.getMessage());
        }
    }

    @Test
    void pcapngPacketOfAnUndescribedInterface() throws IOException {
        byte[] bytes = new Pcapng().section(LITTLE_ENDIAN).iface(LinkType.ETHERNET).packet(1, 1, frame(0)).bytes();
        try (PcapReader reader = PcapReader.open(file(bytes))) {
            PcapFormatException e = assertThrows(PcapFormatException.class, () -> reader.next(new UdpDatagram()));
            assertTrue(e.getMessage().contains("packet of interface 1 but the section describes 1 interface"), e.getMessage());
        }
    }

    @Test
    void pcapngWithABrokenByteOrderMagic() throws IOException {
        byte[] bytes = new Pcapng().section(LITTLE_ENDIAN).bytes();
        bytes[8] = 0;
        try (PcapReader reader = PcapReader.open(file(bytes))) {
            PcapFormatException e = assertThrows(PcapFormatException.class, () -> reader.next(new UdpDatagram()));
            assertEquals(8, e.offset());
            assertTrue(e.getMessage().contains("byte-order magic"), e.getMessage());
        }
    }

    /** Reads to the end; fails the test on anything but a clean end or a PcapFormatException. @return datagrams read */
    private static int readSurvives(Path path, String what) {
        int n = 0;
        try (PcapReader reader = PcapReader.open(path, 256)) {
            UdpDatagram d = new UdpDatagram();
            while (reader.next(d)) {
                assertTrue(d.payloadOffset() >= 0 && d.payloadLength() >= 0, what);
                n++;
            }
            assertEquals(reader.fileSize(), reader.bytesRead(), what + ": a clean end consumed the whole file");
        } catch (PcapFormatException expected) {
            assertTrue(expected.offset() >= 0, what);
        } catch (IOException | RuntimeException e) {
            fail(what + ": " + e, e);
        }
        return n;
    }

    @Test
    void truncationAtEveryOffsetIsCleanOrReported() throws IOException {
        byte[][] captures = {
            threeRecords().bytes(),
            new Pcapng().section(LITTLE_ENDIAN).iface(LinkType.ETHERNET, 9, 0).packet(0, 1, frame(0)).packet(0, 2, frame(1)).bytes(),
        };
        for (byte[] whole : captures) {
            for (int cut = 0; cut <= whole.length; cut++) {
                readSurvives(file(Arrays.copyOf(whole, cut)), "cut at " + cut);
            }
            assertEquals(whole == captures[0] ? 3 : 2, readSurvives(file(whole), "whole"));
        }
    }

    @Test
    void randomCorruptionIsNeverACrash() throws IOException {
        Random random = new Random(20_240_106);
        Classic classic = new Classic(LITTLE_ENDIAN, true, LinkType.LINUX_SLL2);
        Pcapng pcapng = new Pcapng().section(ByteOrder.BIG_ENDIAN).iface(LinkType.ETHERNET).iface(LinkType.RAW, 0x80 | 20, 7);
        for (int i = 0; i < 20; i++) {
            byte[] ip = ipv4Udp(SOURCE, GROUP, 1, 2, payload(random.nextInt(300), i));
            classic.record(i, i, Frames.sll2(Frames.IPV4, ip));
            pcapng.packet(i % 2, i, i % 2 == 0 ? ethernet(ip, Frames.VLAN, Frames.IPV4) : ip);
        }
        for (byte[] whole : new byte[][] {classic.bytes(), pcapng.bytes()}) {
            for (int round = 0; round < 400; round++) {
                byte[] bytes = whole.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                readSurvives(file(bytes), "round " + round);
            }
        }
    }

    @Test
    void payloadsStayIntactAcrossBufferRefills() throws IOException {
        Classic capture = new Classic(LITTLE_ENDIAN, false, LinkType.ETHERNET);
        for (int i = 0; i < 300; i++) {
            capture.record(i, 0, frame(i));
        }
        Path path = file(capture.bytes());
        for (int bufferBytes : new int[] {64, 100, 257, 4_096}) {
            try (PcapReader reader = PcapReader.open(path, bufferBytes)) {
                UdpDatagram d = new UdpDatagram();
                for (int i = 0; i < 300; i++) {
                    assertTrue(reader.next(d));
                    assertArrayEquals(payload(50 + i, i), Captures.copy(d).payload(), "buffer " + bufferBytes + ", datagram " + i);
                }
            }
        }
    }
}
