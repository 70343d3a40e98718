package io.omdprt.sim;

import io.omdprt.config.LineConfig;
import java.io.IOException;
import org.agrona.concurrent.UnsafeBuffer;

/** Hands every packet to several sinks in turn: e.g. loopback multicast and a capture file. */
public final class TeeSink implements PacketSink {
    private final PacketSink[] sinks;

    public TeeSink(PacketSink... sinks) {
        this.sinks = sinks.clone();
    }

    @Override
    public void send(LineConfig line, UnsafeBuffer packet, int length, long wallNanos) throws IOException {
        for (PacketSink sink : sinks) {
            sink.send(line, packet, length, wallNanos);
        }
    }

    /** Closes every sink, even when one fails; the first failure is thrown with the others suppressed. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (PacketSink sink : sinks) {
            try {
                sink.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
