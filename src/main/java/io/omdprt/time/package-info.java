/**
 * The monitor's clock and the display of times (zone and offset, to the millisecond) in the
 * configured display zone (Asia/Hong_Kong by default).
 *
 * <p>May import: the JDK and Agrona only. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.time;
