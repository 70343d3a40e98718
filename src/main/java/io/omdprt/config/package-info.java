/**
 * The configuration as records, loaded from YAML and validated at start; every rejection names the
 * file, the key and what was expected.
 *
 * <p>May import: protocol/, time/; Jackson for YAML. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.config;
