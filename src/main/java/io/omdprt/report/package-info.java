/**
 * Per-window reports (Markdown, HTML with SVG plots, JSON) built from the journal or a capture
 * analysis, the report index, compare and the cross-site merge.
 *
 * <p>May import: config/, event/, journal/, text/, time/, verdict/. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.report;
