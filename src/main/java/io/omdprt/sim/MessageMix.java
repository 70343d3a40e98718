package io.omdprt.sim;

import io.omdprt.config.ChannelKind;
import io.omdprt.protocol.Protocol;
import java.util.SplittableRandom;

/**
 * Realistic message types and sizes (spec §3.7–§3.14 and the OMD-CC table), by weight: securities
 * order book and trades, index data, or China Connect top of book.
 */
final class MessageMix {
    /** type, fixed size, repeating-entry size (0 = none), weight. */
    private static final int[][] SECURITIES = {
        {30, 32, 0, 30}, {31, 28, 0, 15}, {32, 20, 0, 20}, {50, 32, 0, 10}, {53, 12, 24, 15}, {60, 52, 0, 5}, {40, 12, 0, 5},
    };
    private static final int[][] INDEX = {{71, 112, 0, 90}, {70, 20, 0, 10}};
    private static final int[][] CHINA_CONNECT = {{655, 40, 0, 70}, {660, 52, 0, 20}, {621, 20, 0, 5}, {611, 220, 0, 5}};

    private final int[][] table;
    private final int totalWeight;

    private MessageMix(int[][] table) {
        this.table = table;
        int w = 0;
        for (int[] row : table) {
            w += row[3];
        }
        this.totalWeight = w;
    }

    static MessageMix forChannel(Protocol protocol, String feedName, ChannelKind kind) {
        if (protocol == Protocol.OMD_CC) {
            return new MessageMix(CHINA_CONNECT);
        }
        return new MessageMix(feedName.toLowerCase(java.util.Locale.ROOT).contains("index") ? INDEX : SECURITIES);
    }

    /** Picks a message: returns type in the high 16 bits, size in the low 16 bits. */
    int next(SplittableRandom random) {
        int pick = random.nextInt(totalWeight);
        for (int[] row : table) {
            pick -= row[3];
            if (pick < 0) {
                int size = row[1] + (row[2] == 0 ? 0 : row[2] * (1 + random.nextInt(10)));
                return (row[0] << 16) | size;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
