/**
 * The composition root of the live service: builds the clock, channels, receiver, recorder,
 * collectors and routes once, starts whole or not at all, and stops in order.
 *
 * <p>May import: every package below it except cli/, analyze/, sim/, pcap/ and verdict/. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.monitor;
