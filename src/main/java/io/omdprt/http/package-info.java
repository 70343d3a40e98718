/**
 * The HTTP server (Netty) and every route and page it serves: /metrics, /healthz, the status page
 * and /api/status, /reports/, and /api/windows with its token.
 *
 * <p>May import: config/, metrics/, report/, status/, text/, time/, verdict/, window/; Netty. Kept by {@code ArchitectureTest}; the picture is in ARCHITECTURE.md.
 */
package io.omdprt.http;
