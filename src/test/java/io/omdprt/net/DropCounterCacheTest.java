package io.omdprt.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omdprt.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropCounterCacheTest {
    private static final long INODE = 98765;
    /** Just past the check period, so every step is a check. */
    private static final long STEP = DropCounterCache.CHECK_NANOS + 1_000_000L;

    @TempDir
    Path dir;
    private Path udp;
    private Path snmp;
    private final ManualClock clock = ManualClock.at(Instant.parse("2024-05-02T01:30:00Z"));
    private DropCounterCache cache;

    @BeforeEach
    void firstRead() throws Exception {
        udp = dir.resolve("udp");
        snmp = dir.resolve("snmp");
        writeUdp(17);
        writeSnmp(2077782, 2077782, 0);
        cache = new DropCounterCache(udp, snmp, clock);
        assertEquals(17, cache.drops(INODE), "the first query reads the file");
    }

    /** As the kernel writes /proc/net/udp: one socket of ours and another. */
    private void writeUdp(long drops) throws Exception {
        String header = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops";
        String ours = String.format(Locale.ROOT,
                " 1234: 010BC2EF:CB2B 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 %d 2 ffff8881c9d3a000 %d", INODE, drops);
        String other = " 1235: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 4242 2 ffff8881c9d3a400 3";
        Files.writeString(udp, header + "\n" + ours + "\n" + other + "\n");
    }

    /** As the kernel writes /proc/net/snmp (its Ip and Udp pairs, cut short, and UdpLite's). */
    private void writeSnmp(long inErrors, long rcvbufErrors, long liteInErrors) throws Exception {
        Files.writeString(snmp, "Ip: Forwarding DefaultTTL InReceives InHdrErrors\nIp: 2 64 447424519 0\n"
                + "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors\n"
                + "Udp: 767582272 0 " + inErrors + " 445460290 " + rcvbufErrors + " 0 0 0 0\n"
                + "UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors\n"
                + "UdpLite: 0 0 " + liteInErrors + " 0 " + liteInErrors + " 0 0 0 0\n");
    }

    private void step() {
        clock.advanceNanos(STEP);
    }

    @Test
    void theUdpFileIsNotReadAgainWhileTheUdpErrorCountersStandStill() throws Exception {
        writeUdp(40);
        writeSnmp(2077782, 2077782, 9);
        Files.writeString(snmp, Files.readString(snmp).replace("767582272", "767599999"));
        for (int i = 0; i < 5; i++) {
            step();
            assertEquals(17, cache.drops(INODE), "datagrams received and UDP-Lite's errors are no drop of ours, step " + i);
        }
    }

    @Test
    void aRiseOfInErrorsIsSeenAtTheNextCheck() throws Exception {
        step();
        assertEquals(17, cache.drops(INODE));
        writeUdp(40);
        writeSnmp(2077783, 2077782, 0);
        assertEquals(17, cache.drops(INODE), "not checked again within the period");
        step();
        assertEquals(40, cache.drops(INODE));
        writeUdp(41);
        step();
        assertEquals(40, cache.drops(INODE), "InErrors as at the last read");
    }

    @Test
    void aRiseOfRcvbufErrorsAloneIsSeenToo() throws Exception {
        writeUdp(40);
        writeSnmp(2077782, 2077790, 0);
        step();
        assertEquals(40, cache.drops(INODE));
    }

    @Test
    void theUdpFileIsReadAgainEveryFiveSecondsWhateverTheCountersSay() throws Exception {
        writeUdp(40);
        long elapsed = 0;
        while (elapsed + STEP < DropCounterCache.FULL_READ_NANOS) {
            step();
            elapsed += STEP;
            assertEquals(17, cache.drops(INODE), "at " + elapsed / 1_000_000 + " ms");
        }
        step();
        assertEquals(40, cache.drops(INODE), "the first check at or after 5 s");
        writeUdp(41);
        step();
        assertEquals(40, cache.drops(INODE), "the 5 s start again at that read");
    }

    @Test
    void withoutTheCountersTheUdpFileIsReadAtEveryCheckAsBefore() throws Exception {
        String[] unusable = {
            null,
            "Ip: Forwarding\nIp: 2\n",
            "Udp: InDatagrams NoPorts InErrors OutDatagrams\nUdp: 1 0 5 2\n",
            "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors\nUdp: 1 0 x 2 5\n",
            "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors\n",
        };
        long drops = 17;
        for (String text : unusable) {
            if (text == null) {
                Files.delete(snmp);
            } else {
                Files.writeString(snmp, text);
            }
            for (int i = 0; i < 3; i++) {
                writeUdp(++drops);
                assertEquals(drops - 1, cache.drops(INODE), "not checked again within the period: " + text);
                step();
                assertEquals(drops, cache.drops(INODE), "snmp " + text + ", step " + i);
            }
        }
    }

    @Test
    void aFailedReadOfTheUdpFileIsTriedAgainAtTheNextCheck() throws Exception {
        Files.delete(udp);
        writeSnmp(2077783, 2077782, 0);
        step();
        assertEquals(-1, cache.drops(INODE), "unreadable: unknown");
        writeUdp(40);
        step();
        assertEquals(40, cache.drops(INODE), "counters unchanged since, but that read failed");
    }
}
