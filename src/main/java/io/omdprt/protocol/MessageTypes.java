package io.omdprt.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Message-type tables for OMD-C (spec v1.45 §3.4–§3.14) and OMD-CC (China Connect). Lookup is an
 * array index, so it is cheap enough for the hot path. Unknown types are allowed: HKEX adds types.
 */
public final class MessageTypes {
    public static final int SEQUENCE_RESET = 100;
    public static final int LOGON = 101;
    public static final int LOGON_RESPONSE = 102;
    public static final int DISASTER_RECOVERY_SIGNAL = 105;
    public static final int RETRANSMISSION_REQUEST = 201;
    public static final int RETRANSMISSION_RESPONSE = 202;
    public static final int REFRESH_COMPLETE = 203;

    private static final int MAX_TYPE = 1024;

    public static final MessageTypes OMD_C = new MessageTypes(withControl(List.of(
            new MessageType(10, "market_definition", 40, 0),
            new MessageType(11, "security_definition", 544, 8),
            new MessageType(13, "liquidity_provider", 10, 2),
            new MessageType(14, "currency_rate", 16, 0),
            new MessageType(20, "trading_session_status", 32, 0),
            new MessageType(21, "security_status", 12, 0),
            new MessageType(22, "news", MessageType.VARIABLE, 0),
            new MessageType(23, "vcm_trigger", 36, 0),
            new MessageType(30, "add_order", 32, 0),
            new MessageType(31, "modify_order", 28, 0),
            new MessageType(32, "delete_order", 20, 0),
            new MessageType(33, "add_odd_lot_order", 28, 0),
            new MessageType(34, "delete_odd_lot_order", 20, 0),
            new MessageType(40, "nominal_price", 12, 0),
            new MessageType(41, "indicative_equilibrium_price", 20, 0),
            new MessageType(43, "reference_price", 20, 0),
            new MessageType(44, "yield", 12, 0),
            new MessageType(50, "trade", 32, 0),
            new MessageType(51, "trade_cancel", 12, 0),
            new MessageType(52, "trade_ticker", 36, 0),
            new MessageType(53, "aggregate_order_book_update", 12, 24),
            new MessageType(54, "broker_queue", 12, 4),
            new MessageType(56, "order_imbalance", 20, 0),
            new MessageType(60, "statistics", 52, 0),
            new MessageType(61, "market_turnover", 20, 0),
            new MessageType(62, "closing_price", 16, 0),
            new MessageType(70, "index_definition", 20, 0),
            new MessageType(71, "index_data", 112, 0),
            new MessageType(80, "stock_connect_daily_quota_balance", 24, 0),
            new MessageType(81, "stock_connect_market_turnover", 32, 0))));

    /** From a public dissector of the China Connect spec v1.4: sizes are checks that warn. */
    public static final MessageTypes OMD_CC = new MessageTypes(withControl(List.of(
            new MessageType(610, "market_definition", 40, 0),
            new MessageType(611, "security_definition", 220, 0),
            new MessageType(621, "security_status", 20, 0),
            new MessageType(655, "top_of_book", 40, 0),
            new MessageType(660, "statistics", 52, 0))));

    /**
     * What {@link #tally} returns for an unknown type and for a size mismatch. A packet holds at most
     * 255 messages, so the sum over its messages keeps both counts apart: unknown types in the low
     * byte, mismatches above it.
     */
    public static final int TALLY_UNKNOWN = 1;
    public static final int TALLY_MISMATCH = 1 << 8;

    /** Sizes up to this are answered from a table; larger ones (only possible beyond a 1500-byte MTU) are computed. */
    private static final int TABULATED_SIZES = 2048;

    private final MessageType[] byType = new MessageType[MAX_TYPE];
    /**
     * For every type below MAX_TYPE, the tally of every MsgSize below TABULATED_SIZES (unknown types
     * share one row): one load per message, no division, no branch on the type.
     */
    private final char[][] tallies = new char[MAX_TYPE][];
    private final List<MessageType> all;

    private MessageTypes(List<MessageType> types) {
        char[] unknown = new char[TABULATED_SIZES];
        Arrays.fill(unknown, (char) TALLY_UNKNOWN);
        Arrays.fill(tallies, unknown);
        for (MessageType t : types) {
            byType[t.type()] = t;
            char[] row = new char[TABULATED_SIZES];
            for (int size = 0; size < TABULATED_SIZES; size++) {
                row[size] = (char) (t.sizeMatches(size) ? 0 : TALLY_MISMATCH);
            }
            tallies[t.type()] = row;
        }
        all = Collections.unmodifiableList(types);
    }

    /**
     * {@link #lookup} plus {@link MessageType#sizeMatches} in one table load, made to be summed over a
     * packet's messages.
     *
     * @return 0 when the type is known and the size fits it, {@link #TALLY_UNKNOWN} for an unknown type,
     *         {@link #TALLY_MISMATCH} for a known type whose size does not fit
     */
    public int tally(int type, int msgSize) {
        // Bounds written against the arrays' own lengths, so the JIT drops its range checks.
        if (type >= 0 && type < tallies.length) {
            char[] row = tallies[type];
            if (msgSize >= 0 && msgSize < row.length) {
                return row[msgSize];
            }
        }
        MessageType t = lookup(type);
        return t == null ? TALLY_UNKNOWN : t.sizeMatches(msgSize) ? 0 : TALLY_MISMATCH;
    }

    /** @return the type, or null when the table does not know it */
    MessageType lookup(int type) {
        return type >= 0 && type < MAX_TYPE ? byType[type] : null;
    }

    public List<MessageType> all() {
        return all;
    }

    private static List<MessageType> withControl(List<MessageType> content) {
        List<MessageType> types = new ArrayList<>(content);
        types.add(new MessageType(SEQUENCE_RESET, "sequence_reset", 8, 0));
        types.add(new MessageType(LOGON, "logon", 16, 0));
        types.add(new MessageType(LOGON_RESPONSE, "logon_response", 8, 0));
        types.add(new MessageType(DISASTER_RECOVERY_SIGNAL, "disaster_recovery_signal", 8, 0));
        types.add(new MessageType(RETRANSMISSION_REQUEST, "retransmission_request", 16, 0));
        types.add(new MessageType(RETRANSMISSION_RESPONSE, "retransmission_response", 16, 0));
        types.add(new MessageType(REFRESH_COMPLETE, "refresh_complete", 8, 0));
        return types;
    }
}
