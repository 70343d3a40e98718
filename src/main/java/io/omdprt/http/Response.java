package io.omdprt.http;

import java.nio.charset.StandardCharsets;

/** What a route answers: status, content type, body and any extra header. */
public record Response(int status, String contentType, byte[] body, String extraHeaderName, String extraHeaderValue) {
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String JSON = "application/json";
    public static final String HTML = "text/html; charset=utf-8";

    public static Response of(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, null, null);
    }

    public static Response text(int status, String text) {
        return of(status, TEXT, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static Response json(int status, byte[] json) {
        return of(status, JSON, json);
    }

    public Response withHeader(String name, String value) {
        return new Response(status, contentType, body, name, value);
    }
}
