/**
 * Every Micrometer collector: the Prometheus series of channels, lines, sockets, windows, journal,
 * storage, RTS and interfaces, read at scrape time from the model.
 *
 * <p>May import: config/, event/, journal/, model/, net/, protocol/, rts/, text/, time/, track/, window/; Micrometer. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.metrics;
