/**
 * Words and numbers for people: plurals, thousands separators, durations, as the report, the status
 * page and the logs print them.
 *
 * <p>May import: the JDK only. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.text;
