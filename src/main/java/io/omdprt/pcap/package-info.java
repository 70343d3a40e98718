/**
 * Reading and writing pcap and pcapng captures (the file format only; which datagram belongs to
 * which line is analyze/'s business).
 *
 * <p>May import: the JDK and Agrona only. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.pcap;
