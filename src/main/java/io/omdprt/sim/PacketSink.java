package io.omdprt.sim;

import io.omdprt.config.LineConfig;
import java.io.IOException;
import org.agrona.concurrent.UnsafeBuffer;

/** Where the simulator's packets go: loopback multicast, a capture file, or both. */
public interface PacketSink extends AutoCloseable {
    /** @param wallNanos the send time, ns since epoch (for capture timestamps) */
    void send(LineConfig line, UnsafeBuffer packet, int length, long wallNanos) throws IOException;

    @Override
    void close() throws IOException;
}
