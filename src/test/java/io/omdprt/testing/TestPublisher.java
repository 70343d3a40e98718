package io.omdprt.testing;

import io.omdprt.net.MulticastSender;
import io.omdprt.protocol.PacketEncoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A steady loopback publisher for one channel on its lines (every line the same sequence, one
 * message a packet every 20 ms) and, when given, a DR channel (heartbeats every 200 ms). It can go
 * dark, lose messages on every line, and send DR Signals with a chosen SeqNum.
 */
public final class TestPublisher implements AutoCloseable {
    private final MulticastSender sender = MulticastSender.loopback();
    private final PacketEncoder encoder = new PacketEncoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1500]);
    private final List<InetSocketAddress> lines;
    private final List<InetSocketAddress> drLines;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean dark;
    private long next = 1;
    private long drSeq = 1;

    public TestPublisher(List<InetSocketAddress> lines, List<InetSocketAddress> drLines) throws IOException {
        this.lines = lines;
        this.drLines = drLines;
        this.thread = new Thread(this::loop, "test-publisher");
        this.thread.setDaemon(true);
    }

    public TestPublisher start() {
        thread.start();
        return this;
    }

    /** Nothing on any line (and no heartbeats) while dark. */
    public void dark(boolean on) {
        dark = on;
    }

    /** The next {@code n} messages are lost on every line. */
    public synchronized void lose(long n) {
        next += n;
    }

    public synchronized long nextSeq() {
        return next;
    }

    /** A DR Signal with this status and SeqNum on every DR line. */
    public synchronized void drSignal(long status, long seqNum) throws IOException {
        encoder.begin(buffer, 0, seqNum, System.currentTimeMillis() * 1_000_000L).drSignal(status);
        int length = encoder.finish();
        for (InetSocketAddress g : drLines) {
            sender.send(buffer.byteArray(), length, g);
        }
        drSeq = Math.max(drSeq, seqNum + 1);
    }

    /** One well-formed data packet with this SeqNum on one line only: a stray. */
    public synchronized void stray(int line, long seqNum) throws IOException {
        encoder.begin(buffer, 0, seqNum, System.currentTimeMillis() * 1_000_000L);
        encoder.message(50, 32);
        sender.send(buffer.byteArray(), encoder.finish(), lines.get(line));
    }

    private void loop() {
        long tick = 0;
        while (running) {
            try {
                if (!dark) {
                    send(tick++);
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private synchronized void send(long tick) throws IOException {
        long now = System.currentTimeMillis() * 1_000_000L;
        encoder.begin(buffer, 0, next, now);
        encoder.message(50, 32);
        int length = encoder.finish();
        for (InetSocketAddress g : lines) {
            sender.send(buffer.byteArray(), length, g);
        }
        next++;
        if (tick % 10 == 0 && !drLines.isEmpty()) {
            int hb = encoder.heartbeat(buffer, 0, drSeq - 1, now);
            for (InetSocketAddress g : drLines) {
                sender.send(buffer.byteArray(), hb, g);
            }
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        thread.interrupt();
        thread.join(2_000);
        sender.close();
    }
}
