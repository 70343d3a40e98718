package io.omdprt.sim;

import io.omdprt.config.LineConfig;
import io.omdprt.net.MulticastSender;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;

/** Sends each packet to its line's multicast group through one {@link MulticastSender}. */
public final class MulticastSink implements PacketSink {
    private final MulticastSender sender;
    private final Map<LineConfig, InetSocketAddress> groups = new IdentityHashMap<>();

    public MulticastSink(MulticastSender sender) {
        this.sender = sender;
    }

    @Override
    public void send(LineConfig line, UnsafeBuffer packet, int length, long wallNanos) throws IOException {
        InetSocketAddress group = groups.computeIfAbsent(line, LineConfig::groupAddress);
        sender.send(ByteBuffer.wrap(packet.byteArray(), 0, length), group);
    }

    @Override
    public void close() throws IOException {
        sender.close();
    }
}
