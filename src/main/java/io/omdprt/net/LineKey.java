package io.omdprt.net;

/** A line by feed, channel label and line name, for maps asked once per line per scrape or tick (no key String built per ask). */
record LineKey(String feed, String channel, String line) {
}
