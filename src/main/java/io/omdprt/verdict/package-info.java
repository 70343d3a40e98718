/**
 * The one verdict policy (PASS, WARN, FAIL and the reasons in words) used by the report, the status
 * page, the capture analysis and the demo summary.
 *
 * <p>May import: text/. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.verdict;
