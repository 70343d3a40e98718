/**
 * The live status as one value (channels, lines, windows, verdict), built from the model and the
 * window's baseline; the page that renders it is in http/.
 *
 * <p>May import: config/, event/, model/, protocol/, text/, time/, track/, verdict/, window/. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.status;
