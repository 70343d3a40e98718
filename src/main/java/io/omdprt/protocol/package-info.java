/**
 * The OMD-C / OMD-CC wire format: flyweight decoders over buffers (packet header, message headers,
 * the message types the monitor reads) and the validation that counts a malformed packet by reason.
 *
 * <p>May import: the JDK and Agrona only; no Netty, no files. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.protocol;
