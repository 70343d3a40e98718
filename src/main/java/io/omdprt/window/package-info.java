/**
 * PRT windows: the configured and recurring schedule, and which windows are active at an instant.
 *
 * <p>May import: config/, time/. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.window;
