package io.omdprt.http;

import io.omdprt.config.MetricsAuth;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Checks an {@code Authorization: Basic} header against a user and the SHA-256 of a password, in constant time. */
final class BasicAuth {
    private final byte[] user;
    private final byte[] passwordSha256;

    BasicAuth(MetricsAuth auth) {
        this.user = auth.user().getBytes(StandardCharsets.UTF_8);
        this.passwordSha256 = HexFormat.of().parseHex(auth.passwordSha256());
    }

    boolean permits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean userMatches = MessageDigest.isEqual(user, pair.substring(0, colon).getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(passwordSha256, sha256(pair.substring(colon + 1)));
        return userMatches & passwordMatches;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
