package io.omdprt.config;

/**
 * HTTP basic auth for {@code /metrics}, as Prometheus's {@code basic_auth} sends it. The password is kept as its
 * SHA-256 (hex), never in the clear: {@code printf %s 'the password' | sha256sum}. Unsalted, so use a long random
 * password, as for any credential in a config file.
 */
public record MetricsAuth(String user, String passwordSha256) {
}
