/**
 * The append-only journal of events (one JSON line each), its single-writer lock, and reading it
 * back.
 *
 * <p>May import: event/, time/. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.journal;
