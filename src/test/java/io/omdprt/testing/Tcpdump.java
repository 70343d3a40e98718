package io.omdprt.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.omdprt.pcap.PcapFormatException;
import io.omdprt.pcap.PcapReader;
import io.omdprt.pcap.UdpDatagram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real tcpdump capturing into a file while a test sends: started, listening, stopped. Skipped
 * locally when tcpdump is absent or may not capture (not root); required under CI.
 */
public final class Tcpdump implements AutoCloseable {
    private final Process process;

    private Tcpdump(Process process) {
        this.process = process;
    }

    /**
     * Starts capturing and returns once tcpdump listens.
     *
     * @param device e.g. lo, or any (Linux cooked headers)
     * @param filter a pcap filter expression
     */
    public static Tcpdump start(String device, boolean nanos, String filter, Path capture) throws Exception {
        Path tcpdump = ExternalTool.require("tcpdump", "tcpdump");
        Path stderr = capture.resolveSibling(capture.getFileName() + ".err");
        // Immediate mode hands each packet over at once; its ring has one slot per snaplen bytes, and loopback
        // delivers every packet twice (out and in), so a small snaplen and a large buffer keep a burst whole.
        List<String> command = new ArrayList<>(List.of(tcpdump.toString(), "-i", device, "-n", "-U", "--immediate-mode",
                "-s", "2048", "-B", "16384", "-Z", "root", "-w", capture.toString()));
        if (nanos) {
            command.add("--time-stamp-precision=nano");
        }
        command.add(filter);
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
        Tcpdump started = new Tcpdump(process);
        try {
            awaitListening(process, stderr);
        } catch (Exception | Error e) {
            started.close();
            throw e;
        }
        return started;
    }

    private static void awaitListening(Process process, Path stderr) throws Exception {
        Eventually.await(Duration.ofSeconds(20), () -> {
            String err = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
            if (err.contains("listening on")) {
                return null;
            }
            if (!process.isAlive()) {
                boolean notPermitted = err.contains("ermission") || err.contains("not permitted");
                if (notPermitted && !ExternalTool.underCi()) {
                    Assumptions.abort("SKIPPED: tcpdump may not capture here (run as root): " + err.strip());
                }
                fail("tcpdump exited with " + process.exitValue() + ": " + err.strip());
            }
            return "tcpdump not listening yet: " + err.strip();
        });
    }

    /** Waits until the capture holds {@code expected} datagrams (it never gets more than the filter lets through). */
    public static void awaitDatagrams(Path capture, long expected) throws Exception {
        Eventually.await(Duration.ofSeconds(20), () -> {
            long n = countSoFar(capture);
            return n == expected ? null : n + " of " + expected + " datagrams in the capture so far";
        });
    }

    /** Datagrams in a capture still being written; a record cut off at its end is not counted yet. */
    public static long countSoFar(Path capture) throws IOException {
        if (!Files.exists(capture) || Files.size(capture) < 24) {
            return 0;
        }
        long n = 0;
        try (PcapReader reader = PcapReader.open(capture)) {
            UdpDatagram d = new UdpDatagram();
            while (reader.next(d)) {
                n++;
            }
        } catch (PcapFormatException partialLastRecord) {
            // tcpdump is between writing a record header and its bytes.
        }
        return n;
    }

    /** Stops tcpdump as an operator would (SIGTERM): it writes out what it has and exits. */
    public void stop() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "tcpdump ends on SIGTERM");
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
