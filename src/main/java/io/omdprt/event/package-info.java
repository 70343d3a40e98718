/**
 * What happened, as events: the records the trackers' callbacks become, the sinks they go to
 * (journal, log, extensions), and the keys of counters records.
 *
 * <p>May import: text/, time/, track/. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.event;
