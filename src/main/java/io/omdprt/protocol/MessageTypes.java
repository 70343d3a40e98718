package io.omdprt.protocol;

import java.util.ArrayList;
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

    /** What {@link #check} returns. */
    public static final int SIZE_OK = 0;
    public static final int UNKNOWN_TYPE = 1;
    public static final int SIZE_MISMATCH = 2;

    /** Sizes up to this are answered from a table; larger ones (only possible beyond a 1500-byte MTU) are computed. */
    private static final int TABULATED_SIZES = 2048;

    private final MessageType[] byType = new MessageType[MAX_TYPE];
    /** For each known type, the verdict for every MsgSize below TABULATED_SIZES: a load, no division, no branch. */
    private final byte[][] verdicts = new byte[MAX_TYPE][];
    private final List<MessageType> all;

    private MessageTypes(List<MessageType> types) {
        for (MessageType t : types) {
            byType[t.type()] = t;
            byte[] row = new byte[TABULATED_SIZES];
            for (int size = 0; size < TABULATED_SIZES; size++) {
                row[size] = (byte) (t.sizeMatches(size) ? SIZE_OK : SIZE_MISMATCH);
            }
            verdicts[t.type()] = row;
        }
        all = Collections.unmodifiableList(types);
    }

    /**
     * Hot-path form of {@link #lookup} plus {@link MessageType#sizeMatches}.
     *
     * @return {@link #SIZE_OK} (0), {@link #UNKNOWN_TYPE} (1) or {@link #SIZE_MISMATCH} (2): bit 0 is
     *         "unknown", bit 1 is "mismatch", so callers can add them up without branching
     */
    public int check(int type, int msgSize) {
        byte[] row = type < MAX_TYPE ? verdicts[type] : null;
        if (row == null) {
            return UNKNOWN_TYPE;
        }
        if (msgSize < TABULATED_SIZES) {
            return row[msgSize];
        }
        return byType[type].sizeMatches(msgSize) ? SIZE_OK : SIZE_MISMATCH;
    }

    /** @return the type, or null when the table does not know it */
    public MessageType lookup(int type) {
        return type >= 0 && type < MAX_TYPE ? byType[type] : null;
    }

    public String nameOf(int type) {
        MessageType t = lookup(type);
        return t == null ? "unknown_" + type : t.name();
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
