package io.omdprt.config;

/**
 * The HTTP server: /metrics, /healthz, /api/status and the status page.
 *
 * @param windowToken token required by the window-control endpoint; null turns that endpoint off
 */
public record HttpConfig(String bind, int port, String windowToken) {
}
