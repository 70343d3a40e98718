package io.omdprt.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.omdprt.time.MonitorClock;
import io.omdprt.track.ChannelTracker;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each datagram of one line to its channel's tracker, in place: the tracker reads the
 * received bytes through a reused flyweight, nothing is copied (unless the buffer is neither direct
 * nor heap-backed, which Netty's datagram channels never produce).
 */
final class DatagramHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DatagramHandler.class);

    private final ChannelTracker tracker;
    private final int lineIndex;
    private final MonitorClock clock;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private byte[] scratch = new byte[2048];

    DatagramHandler(ChannelTracker tracker, int lineIndex, MonitorClock clock) {
        this.tracker = tracker;
        this.lineIndex = lineIndex;
        this.clock = clock;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof DatagramPacket) {
                onDatagram(((DatagramPacket) msg).content());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onDatagram(ByteBuf content) {
        int length = content.readableBytes();
        if (content.hasMemoryAddress()) {
            view.wrap(content.memoryAddress() + content.readerIndex(), length);
        } else if (content.hasArray()) {
            view.wrap(content.array(), content.arrayOffset() + content.readerIndex(), length);
        } else {
            if (scratch.length < length) {
                scratch = new byte[length];
            }
            content.getBytes(content.readerIndex(), scratch, 0, length);
            view.wrap(scratch, 0, length);
        }
        long now = clock.epochNanos();
        tracker.onDatagram(lineIndex, view, 0, length, now, now);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A receive error must never stop the line; it is logged and the channel keeps reading.
        LOG.warn("receive error on {} line {}: {}", tracker.info(), tracker.line(lineIndex).name(), cause.toString());
    }
}
