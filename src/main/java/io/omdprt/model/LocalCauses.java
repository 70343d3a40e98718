package io.omdprt.model;

/** What on this host keeps a line from receiving right now (its interface down, its membership missing), from any thread. */
public interface LocalCauses {
    LocalCauses NONE = new LocalCauses() {
        @Override
        public String cause(String feed, String channel, String line) {
            return null;
        }

        @Override
        public long sinceNanos(String feed, String channel, String line) {
            return 0;
        }
    };

    /** The cause in words ("interface eth1 down"), or null when nothing local is known. */
    String cause(String feed, String channel, String line);

    /** Since when the cause holds (epoch nanoseconds), or 0. */
    long sinceNanos(String feed, String channel, String line);
}
