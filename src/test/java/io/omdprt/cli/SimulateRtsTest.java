package io.omdprt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omdprt.protocol.PacketEncoder;
import io.omdprt.testing.Eventually;
import io.omdprt.testing.TestConfigs;
import java.io.DataInputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `simulate --rts-port` serves the Retransmission Server of what it publishes, on loopback, for a rehearsal. */
class SimulateRtsTest {
    @Test
    void aRehearsalCanLogOnToTheSimulatorsRts(@TempDir Path dir) throws Exception {
        int udp = TestConfigs.freeUdpPort();
        Path config = dir.resolve("sim.yaml");
        Files.writeString(config, TestConfigs.fastHeader("rts") + "feeds:\n  - name: f\n    protocol: omd-c\n    interface: 127.0.0.1\n"
                + "    channels:\n      - id: 1\n        lines:\n          - { name: A, group: " + TestConfigs.randomGroup() + ", port: " + udp
                + " }\n");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int rtsPort = port;
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run("simulate", "--config", config.toString(),
                "--duration", "6s", "--rts-port", Integer.toString(rtsPort), "--truth-out", dir.resolve("truth.json").toString()));
        Socket[] s = new Socket[1];
        Eventually.await(Duration.ofSeconds(10), () -> {
            try {
                s[0] = new Socket("127.0.0.1", rtsPort);
                return null;
            } catch (java.io.IOException notYet) {
                return "RTS not listening yet: " + notYet;
            }
        });
        try (Socket socket = s[0]) {
            UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
            PacketEncoder encoder = new PacketEncoder();
            int length = encoder.begin(buffer, 0, 0, 0).logon("vendor01").finish();
            socket.getOutputStream().write(buffer.byteArray(), 0, length);
            byte[] reply = new byte[24];
            new DataInputStream(socket.getInputStream()).readFully(reply);
            ByteBuffer b = ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(24, b.getShort(0), "PktSize of a Logon Response packet");
            assertEquals(102, b.getShort(18), "Logon Response");
            assertEquals(0, reply[20], "session active");
        }
        assertEquals(0, run.get().intValue(), "the run ends normally");
        assertEquals(2, Main.run("simulate", "--config", config.toString(), "--rts-port", "70000"), "a port out of range is bad usage");
        assertTrue(Files.exists(dir.resolve("truth.json")));
    }
}
