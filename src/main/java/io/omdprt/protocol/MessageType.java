package io.omdprt.protocol;

/**
 * One entry of a message-type table.
 *
 * @param type       the MsgType number
 * @param name       a snake_case name for metrics and reports
 * @param fixedSize  size of the fixed part in bytes, or {@link #VARIABLE} when the spec gives no usable rule
 * @param entrySize  size of one repeating-group entry (0 when there is no repeating group)
 */
public record MessageType(int type, String name, int fixedSize, int entrySize) {
    public static final int VARIABLE = -1;

    /**
     * Whether a MsgSize fits this type's layout. A mismatch is a warning signal (HKEX may extend
     * messages), never a reason to drop the packet.
     */
    public boolean sizeMatches(int msgSize) {
        if (fixedSize == VARIABLE) {
            return true;
        }
        if (entrySize == 0) {
            return msgSize == fixedSize;
        }
        return msgSize >= fixedSize && (msgSize - fixedSize) % entrySize == 0;
    }
}
