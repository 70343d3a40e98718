package io.omdprt.track;

import io.omdprt.protocol.PacketEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/** Builds test packets with the production encoder into one reusable buffer. */
final class Wire {
    static final int NOMINAL_PRICE = 40;
    static final int NOMINAL_PRICE_SIZE = 12;

    final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);
    private final PacketEncoder encoder = new PacketEncoder();

    /** count Nominal Price messages (12 bytes, so up to 121 fit) starting at seq. @return the packet length */
    int data(long seq, int count, long sendTimeNanos) {
        encoder.begin(buffer, 0, seq, sendTimeNanos);
        for (int i = 0; i < count; i++) {
            encoder.message(NOMINAL_PRICE, NOMINAL_PRICE_SIZE);
        }
        return encoder.finish();
    }

    /** For packets the helpers below do not build. */
    PacketEncoder encoderForTest() {
        return encoder;
    }

    int heartbeat(long lastSeq) {
        return encoder.heartbeat(buffer, 0, lastSeq, 0);
    }

    int reset(long headerSeq, long newSeqNo) {
        return encoder.begin(buffer, 0, headerSeq, 0).sequenceReset(newSeqNo).finish();
    }

    int drSignal(long seq, long status) {
        return encoder.begin(buffer, 0, seq, 0).drSignal(status).finish();
    }

    int refreshComplete(long seq, long lastSeqNum) {
        return encoder.begin(buffer, 0, seq, 0).refreshComplete(lastSeqNum).finish();
    }
}
