/**
 * The monitored channels as every layer sees them: the channel set built from the config with its
 * trackers, snapshots of their counters, socket facts, local causes of loss and a window's
 * baseline.
 *
 * <p>May import: config/, event/, protocol/, time/, track/, window/; no Netty, Micrometer or files. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.model;
