/**
 * The Retransmission (RTS) and Refresh client: a TCP session to HKEX's recovery service, its
 * budget, and requests for gaps inside a window.
 *
 * <p>May import: config/, event/, model/, protocol/, text/, time/, track/. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.rts;
