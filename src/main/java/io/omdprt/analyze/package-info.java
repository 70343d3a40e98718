/**
 * Capture analysis: a pcap replayed through the same trackers as the live receiver, into the same
 * report.
 *
 * <p>May import: config/, event/, model/, pcap/, protocol/, report/, text/, time/, track/, verdict/. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.analyze;
