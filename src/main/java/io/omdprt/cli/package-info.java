/**
 * The commands (monitor, demo, simulate, analyze, report, compare, sites, check-config, preflight,
 * window, …): parse arguments, print plain words, exit codes.
 *
 * <p>May import: any package. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.cli;
