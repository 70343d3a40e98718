/**
 * Sequence, gap, duplicate, outage, latency, skew, burst and arbitration tracking per line and per
 * channel. Time is passed in as epoch nanoseconds; one thread (the channel's event loop) owns a
 * channel's trackers; the hot path allocates nothing.
 *
 * <p>May import: protocol/ only; no Netty, Micrometer or files. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.track;
