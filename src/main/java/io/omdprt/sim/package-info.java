/**
 * The simulator: the same wire format on loopback (or into a capture), with scripted faults, and
 * the RTS server it can run.
 *
 * <p>May import: config/, event/, model/, net/, pcap/, protocol/, rts/, text/, time/, track/. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.sim;
